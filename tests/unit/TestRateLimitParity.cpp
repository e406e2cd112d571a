// SPDX-License-Identifier: Apache-2.0
// Runs the real Python `limits` library (python3-limits) with a fake clock on
// random schedules and compares every decision with RateRule's. Skips with a
// reason when /usr/bin/python3 or the library is missing.
#include "engine/RateLimitStore.h"

#include "TestSupport.h"

#include <QProcess>
#include <QTest>

#include <nlohmann/json.hpp>

#include <random>

using namespace std::string_literals;

Q_DECLARE_METATYPE(pc::RateStrategy)

namespace {

// Replaces the clock of limits' memory storage, then replays the events.
constexpr const char* kScript = R"PY(
import json, sys, types
import limits
import limits.storage.memory as memory
from limits.storage import MemoryStorage
from limits.strategies import FixedWindowRateLimiter, MovingWindowRateLimiter

now = [0.0]
memory.time = types.SimpleNamespace(time=lambda: now[0])
job = json.load(sys.stdin)
item = limits.parse(job["limit"])
storage = MemoryStorage()
limiter = {"fixed": FixedWindowRateLimiter, "moving": MovingWindowRateLimiter}[job["strategy"]](storage)
out = []
for ms, key in job["events"]:
    now[0] = job["base"] + ms / 1000.0
    allowed = limiter.hit(item, key)
    out.append([allowed, limiter.get_window_stats(item, key)[1]])
storage.timer.cancel()
json.dump(out, sys.stdout)
)PY";

const QString kPython = QStringLiteral("/usr/bin/python3");

bool haveLimits()
{
    QProcess p;
    p.start(kPython, {QStringLiteral("-c"), QStringLiteral("import limits")});
    return p.waitForFinished(30'000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace

class TestRateLimitParity final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!haveLimits()) {
            QSKIP("/usr/bin/python3 with the `limits` package (Debian python3-limits) is not installed");
        }
    }

    void matchesPythonLimits_data()
    {
        QTest::addColumn<pc::RateStrategy>("strategy");
        QTest::addColumn<std::string>("limit");
        QTest::addColumn<int>("seed");
        for (int seed = 1; seed <= 3; ++seed) {
            const std::string s = std::to_string(seed);
            QTest::newRow(("fixed 5/second #" + s).c_str()) << pc::RateStrategy::FixedWindow << "5/second"s << seed;
            QTest::newRow(("fixed 3/2seconds #" + s).c_str()) << pc::RateStrategy::FixedWindow << "3/2seconds"s << seed;
            QTest::newRow(("moving 5/second #" + s).c_str()) << pc::RateStrategy::MovingWindow << "5/second"s << seed;
            QTest::newRow(("moving 4/10seconds #" + s).c_str())
                << pc::RateStrategy::MovingWindow << "4/10seconds"s << seed;
        }
    }
    void matchesPythonLimits()
    {
        QFETCH(pc::RateStrategy, strategy);
        QFETCH(std::string, limit);
        QFETCH(int, seed);

        // Times are multiples of 7 ms and windows whole seconds not divisible by 7, so no request
        // falls exactly on a window edge (where limits' expiry thread races its own check).
        std::mt19937 random(static_cast<unsigned>(seed));
        std::int64_t ms = 0;
        nlohmann::json events = nlohmann::json::array();
        for (int i = 0; i < 400; ++i) {
            ms += 7 * static_cast<std::int64_t>(random() % 8 == 0 ? random() % 300 : random() % 4);
            events.push_back({ms, "client-" + std::to_string(random() % 3)});
        }
        const std::int64_t baseSeconds = 1'700'000'000;
        const nlohmann::json job = {{"strategy", strategy == pc::RateStrategy::FixedWindow ? "fixed" : "moving"},
                                    {"limit", limit},
                                    {"base", baseSeconds},
                                    {"events", events}};

        QProcess python;
        python.start(kPython, {QStringLiteral("-c"), QString::fromUtf8(kScript)});
        QVERIFY(python.waitForStarted());
        python.write(QByteArray::fromStdString(job.dump()));
        python.closeWriteChannel();
        QVERIFY(python.waitForFinished(60'000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const nlohmann::json expected = nlohmann::json::parse(python.readAllStandardOutput().toStdString());
        QCOMPARE(expected.size(), events.size());

        pc::RateLimitStore store;
        const auto rule = pc::RateRule::make(strategy, pc::RateLimitSpec::parse(limit)->front(), std::nullopt);
        QVERIFY(rule);
        int allowed = 0;
        for (std::size_t i = 0; i < events.size(); ++i) {
            const auto at = pc::SystemTime(std::chrono::seconds(baseSeconds) +
                                           std::chrono::milliseconds(events[i][0].get<std::int64_t>()));
            const auto o = store.hit(store.counterKey(1, "", events[i][1].get<std::string>()), *rule, at);
            const std::string where = "event " + std::to_string(i) + " at " + events[i][0].dump() + " ms";
            QVERIFY2(o.allowed == expected[i][0].get<bool>(), where.c_str());
            QVERIFY2(o.remaining == expected[i][1].get<std::uint64_t>(), where.c_str());
            allowed += o.allowed ? 1 : 0;
        }
        qInfo("%d of %zu allowed", allowed, events.size());
        // The schedule must exercise both outcomes to mean anything.
        QVERIFY(allowed > 20);
        QVERIFY(allowed < 380);
    }
};

QTEST_GUILESS_MAIN(TestRateLimitParity)
#include "TestRateLimitParity.moc"
