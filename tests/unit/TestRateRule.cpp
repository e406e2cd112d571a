// SPDX-License-Identifier: Apache-2.0
#include "engine/RateRule.h"

#include "TestSupport.h"

#include <QTest>

#include <cstdint>
#include <sstream>

using namespace std::string_literals;

Q_DECLARE_METATYPE(pc::RateStrategy)

namespace {

// Every timeline starts at an instant aligned on an hour, so limits' epoch-aligned
// sliding-window buckets start at 0 on the test's time axis.
constexpr std::int64_t kT0 = 1'699'999'200LL * 1'000'000'000LL;
constexpr std::int64_t kMs = 1'000'000;

struct Step {
    std::int64_t ns = 0; // relative to kT0
    int repeat = 1;
    bool allowed = true;
};

// "0+ 10- 1500x3+ 60000000001ns+": <time>[unit][x<count>]<+|->, time in ms unless suffixed s or ns.
std::vector<Step> parseScript(const std::string& script)
{
    std::vector<Step> steps;
    std::istringstream in(script);
    std::string token;
    while (in >> token) {
        Step step;
        step.allowed = token.back() == '+';
        token.pop_back();
        const auto x = token.find('x');
        if (x != std::string::npos) {
            step.repeat = std::stoi(token.substr(x + 1));
            token = token.substr(0, x);
        }
        std::int64_t scale = kMs;
        if (token.ends_with("ns")) {
            scale = 1;
            token.resize(token.size() - 2);
        } else if (token.ends_with("ms")) {
            token.resize(token.size() - 2);
        } else if (token.ends_with('s')) {
            scale = 1'000 * kMs;
            token.pop_back();
        }
        step.ns = std::stoll(token) * scale;
        steps.push_back(step);
    }
    return steps;
}

pc::RateRule makeRule(pc::RateStrategy strategy, const std::string& spec, int burst)
{
    const auto items = pc::RateLimitSpec::parse(spec);
    Q_ASSERT(items && items->size() == 1);
    const auto rule =
        pc::RateRule::make(strategy, items->front(), burst < 0 ? std::nullopt : std::optional<std::uint32_t>(burst));
    Q_ASSERT(rule);
    return *rule;
}

// Runs a script against one key; returns "" or a description of the first mismatch.
std::string runScript(const pc::RateRule& rule, const std::string& script, pc::RateState& state,
                      pc::RateLogMemory& memory, pc::RateOutcome* last = nullptr)
{
    int n = 0;
    for (const Step& step : parseScript(script)) {
        for (int i = 0; i < step.repeat; ++i, ++n) {
            const pc::RateOutcome o = rule.apply(state, kT0 + step.ns, true, memory);
            if (last) {
                *last = o;
            }
            if (o.allowed != step.allowed) {
                return "request " + std::to_string(n + 1) + " at " + std::to_string(step.ns) + " ns was " +
                       (o.allowed ? "allowed" : "rejected");
            }
        }
    }
    return {};
}

} // namespace

class TestRateRule final : public QObject {
    Q_OBJECT

private:
    static void addTimelineColumns()
    {
        QTest::addColumn<pc::RateStrategy>("strategy");
        QTest::addColumn<std::string>("spec");
        QTest::addColumn<int>("burst"); // -1: none
        QTest::addColumn<std::string>("script");
    }

    static void checkTimeline()
    {
        QFETCH(pc::RateStrategy, strategy);
        QFETCH(std::string, spec);
        QFETCH(int, burst);
        QFETCH(std::string, script);
        pc::RateState state;
        pc::RateLogMemory memory;
        const pc::RateRule rule = makeRule(strategy, spec, burst);
        QCOMPARE(runScript(rule, script, state, memory), std::string());
        pc::RateRule::release(state, memory);
        QCOMPARE(memory.bytes, std::size_t(0));
    }

private Q_SLOTS:
    void fixedWindow_data()
    {
        addTimelineColumns();
        const auto s = pc::RateStrategy::FixedWindow;
        QTest::newRow("limit then reject") << s << "3/second"s << -1 << "0x3+ 999-"s;
        QTest::newRow("window opens at the first hit, not on the clock")
            << s << "3/second"s << -1 << "500x3+ 1200- 1499- 1500x3+ 1501-"s;
        QTest::newRow("expires exactly at first hit + window")
            << s << "1/second"s << -1 << "0+ 999999999ns- 1000000000ns+"s;
        // Rejected hits count: the window is not extended, the counter keeps growing.
        QTest::newRow("rejected hits are counted") << s << "2/10seconds"s << -1 << "0x2+ 1000x5- 9999- 10s+"s;
        // The documented caveat: 2x the limit across a window boundary.
        QTest::newRow("2x burst across the boundary") << s << "10/minute"s << -1 << "0+ 59999x9+ 60000x10+ 60001-"s;
    }
    void fixedWindow() { checkTimeline(); }

    void movingWindow_data()
    {
        addTimelineColumns();
        const auto s = pc::RateStrategy::MovingWindow;
        QTest::newRow("limit then reject") << s << "3/second"s << -1 << "0x3+ 999-"s;
        // An entry blocks while atime >= now - W: still at exactly W, free 1 ns later.
        QTest::newRow("entry blocks until strictly older than the window")
            << s << "1/second"s << -1 << "0+ 1000- 1000000001ns+"s;
        QTest::newRow("no 2x burst across a boundary")
            << s << "10/minute"s << -1 << "0+ 59999x9+ 60000- 60001+ 60002-"s;
        // Rejected hits are not logged: hammering does not push the window forward.
        QTest::newRow("rejected hits are not logged")
            << s << "2/10seconds"s << -1 << "0+ 5000+ 6000x20- 10001+ 10002- 15001+"s;
        QTest::newRow("slides one slot at a time") << s << "3/second"s << -1 << "0+ 300+ 600+ 900- 1001+ 1002- 1301+"s;
    }
    void movingWindow() { checkTimeline(); }

    void slidingWindowCounter_data()
    {
        addTimelineColumns();
        const auto s = pc::RateStrategy::SlidingWindowCounter;
        // ratelimit.md worked example, 100/minute: previous bucket 40, current 80.
        // 30 s in: 40 x 30/60 + 80 = 100 -> reject; 40 s in: 40 x 20/60 + 80 = 93.3 -> allow.
        QTest::newRow("worked example") << s << "100/minute"s << -1 << "10sx40+ 90sx80+ 90s- 100s+"s;
        // Buckets are aligned on the epoch (limits' memory storage): a first hit late in a bucket
        // gives a fresh bucket soon after, the documented first-period bypass.
        QTest::newRow("first period bypass") << s << "1/day"s << -1 << "86399999+ 86400000-"s;
        QTest::newRow("previous bucket weighs in") << s << "2/second"s << -1 << "900x2+ 1000- 1001+ 1500- 1501+ 1502-"s;
        QTest::newRow("previous bucket forgotten after two buckets")
            << s << "2/second"s << -1 << "900x2+ 2000x2+ 2001-"s;
    }
    void slidingWindowCounter() { checkTimeline(); }

    void tokenBucket_data()
    {
        addTimelineColumns();
        const auto s = pc::RateStrategy::TokenBucket;
        QTest::newRow("capacity = count, refill count per window")
            << s << "10/minute"s << -1 << "0x10+ 0- 5999- 6000+ 6001- 12000+"s;
        QTest::newRow("refill is continuous") << s << "2/second"s << -1 << "0x2+ 250- 500+ 750- 1000+ 1000-"s;
        QTest::newRow("burst sets the capacity") << s << "10/minute"s << 20 << "0x20+ 0- 6000+ 6000-"s;
        QTest::newRow("refill stops at capacity") << s << "2/second"s << -1 << "0x2+ 10000x2+ 10000-"s;
        QTest::newRow("rejected requests cost nothing") << s << "1/second"s << -1 << "0+ 100x9- 1000+"s;
    }
    void tokenBucket() { checkTimeline(); }

    void leakyBucket_data()
    {
        addTimelineColumns();
        const auto s = pc::RateStrategy::LeakyBucket;
        // nginx docs: 10r/s is one request per 100 ms; a second one 10 ms later is rejected.
        QTest::newRow("no burst") << s << "10/second"s << -1 << "0+ 10- 99- 100+ 150- 200+"s;
        // Rejected requests neither add excess nor move `last`.
        QTest::newRow("rejections do not feed the bucket") << s << "10/second"s << -1 << "0+ 50x10- 100+"s;
        QTest::newRow("burst 5 nodelay: 6 at once") << s << "10/second"s << 5 << "0x6+ 0- 100+ 100- 300x2+ 300-"s;
        // rate=10r/m is stored as 166 thousandths: at 6 s only 996 have leaked, at 6.025 s 1000.
        QTest::newRow("10r/m truncates to 0.166 r/s") << s << "10/minute"s << -1 << "0+ 6000- 6024- 6025+"s;
        QTest::newRow("N per window, N at once: burst N-1") << s << "10/minute"s << 9 << "0x10+ 0- 6025+ 6025-"s;
        QTest::newRow("ms resolution") << s << "1000/second"s << -1 << "0+ 999999ns- 1000000ns+"s;
    }
    void leakyBucket() { checkTimeline(); }

    void leakyBucketArithmetic_data()
    {
        QTest::addColumn<std::string>("spec");
        QTest::addColumn<int>("burst");
        QTest::addColumn<std::string>("script");
        QTest::addColumn<qint64>("excess");
        QTest::addColumn<qint64>("delayMs");
        QTest::addColumn<qint64>("retryMs"); // -1 when the last request passed
        QTest::newRow("first request of a key: excess 0")
            << "10/second"s << 5 << "0+"s << qint64(0) << qint64(0) << qint64(-1);
        QTest::newRow("second at once: 1 excess, 100 ms delay")
            << "10/second"s << 5 << "0x2+"s << qint64(1000) << qint64(100) << qint64(-1);
        QTest::newRow("partly drained") << "10/second"s << 5 << "0x3+ 30+"s << qint64(2700) << qint64(270)
                                        << qint64(-1);
        QTest::newRow("rejected: excess it would have had")
            << "10/second"s << 1 << "0x2+ 40-"s << qint64(1600) << qint64(0) << qint64(100);
        QTest::newRow("rejected without burst")
            << "10/minute"s << -1 << "0+ 1000-"s << qint64(834) << qint64(0) << qint64(6025);
    }
    void leakyBucketArithmetic()
    {
        QFETCH(std::string, spec);
        QFETCH(int, burst);
        QFETCH(std::string, script);
        QFETCH(qint64, excess);
        QFETCH(qint64, delayMs);
        QFETCH(qint64, retryMs);
        pc::RateState state;
        pc::RateLogMemory memory;
        pc::RateOutcome last;
        QCOMPARE(runScript(makeRule(pc::RateStrategy::LeakyBucket, spec, burst), script, state, memory, &last),
                 std::string());
        QCOMPARE(qint64(last.excess), excess);
        QCOMPARE(qint64(last.delayMs), delayMs);
        if (retryMs >= 0) {
            QCOMPARE(qint64(last.retryNs - kT0), retryMs * kMs);
        }
    }

    // When a rejected client may come back (Retry-After) and what limits reports as reset.
    void retryAndReset_data()
    {
        QTest::addColumn<pc::RateStrategy>("strategy");
        QTest::addColumn<std::string>("spec");
        QTest::addColumn<std::string>("script"); // the last request is rejected
        QTest::addColumn<qint64>("retryNs");
        QTest::addColumn<qint64>("resetNs");
        QTest::addColumn<qint64>("remaining");
        const qint64 s = 1'000'000'000;
        QTest::newRow("fixed: end of the window") << pc::RateStrategy::FixedWindow << "2/minute"s
                                                  << "5s+ 6s+ 7s-"s << 65 * s << 65 * s << qint64(0);
        QTest::newRow("moving: oldest entry leaves the window") << pc::RateStrategy::MovingWindow << "2/minute"s
                                                                << "5s+ 6s+ 7s-"s << 65 * s + 1 << 65 * s << qint64(0);
        // 40 x (60 - 30)/60 + 80 = 100: the weighted previous drops under 20 right after 30 s.
        QTest::newRow("sliding: weighted previous drops")
            << pc::RateStrategy::SlidingWindowCounter << "100/minute"s
            << "10sx40+ 90sx80+ 90s-"s << 90 * s + 1 << 90 * s << qint64(0); // limits: now + 30 s % (60 s / 40) = now
        // A full current bucket waits for the next bucket, then for one previous hit to leak out.
        QTest::newRow("sliding: full current bucket") << pc::RateStrategy::SlidingWindowCounter << "2/minute"s
                                                      << "70sx2+ 71s-"s << 120 * s + 1 << 120 * s << qint64(0);
        QTest::newRow("token: one token") << pc::RateStrategy::TokenBucket << "2/minute"s
                                          << "0x2+ 10s-"s << 30 * s << 60 * s << qint64(0);
    }
    void retryAndReset()
    {
        QFETCH(pc::RateStrategy, strategy);
        QFETCH(std::string, spec);
        QFETCH(std::string, script);
        QFETCH(qint64, retryNs);
        QFETCH(qint64, resetNs);
        QFETCH(qint64, remaining);
        pc::RateState state;
        pc::RateLogMemory memory;
        pc::RateOutcome last;
        const pc::RateRule rule = makeRule(strategy, spec, -1);
        QCOMPARE(runScript(rule, script, state, memory, &last), std::string());
        QCOMPARE(qint64(last.retryNs - kT0), retryNs);
        QCOMPARE(qint64(last.resetNs - kT0), resetNs);
        QCOMPARE(qint64(last.remaining), remaining);
        // Retrying exactly then passes, one nanosecond earlier does not.
        pc::RateState early = state;
        QVERIFY(!rule.apply(early, last.retryNs - 1, false, memory).allowed);
        QVERIFY(rule.apply(state, last.retryNs, false, memory).allowed);
        pc::RateRule::release(state, memory);
    }

    void expiryMeansFreshState_data()
    {
        QTest::addColumn<pc::RateStrategy>("strategy");
        QTest::addColumn<int>("burst");
        QTest::newRow("fixed") << pc::RateStrategy::FixedWindow << -1;
        QTest::newRow("moving") << pc::RateStrategy::MovingWindow << -1;
        QTest::newRow("sliding") << pc::RateStrategy::SlidingWindowCounter << -1;
        QTest::newRow("token") << pc::RateStrategy::TokenBucket << -1;
        QTest::newRow("leaky") << pc::RateStrategy::LeakyBucket << 2;
    }
    // At expiresNs a kept state must decide exactly like a fresh one (the store drops it then).
    void expiryMeansFreshState()
    {
        QFETCH(pc::RateStrategy, strategy);
        QFETCH(int, burst);
        const pc::RateRule rule = makeRule(strategy, "3/10seconds", burst);
        pc::RateState state;
        pc::RateLogMemory memory;
        pc::RateOutcome o;
        for (int i = 0; i < 5; ++i) {
            o = rule.apply(state, kT0 + 1234 * kMs + i * 700 * kMs, true, memory);
        }
        const std::int64_t at = std::max(o.expiresNs, kT0);
        pc::RateState fresh;
        for (int i = 0; i < 6; ++i) {
            const std::int64_t t = at + i * 10 * kMs;
            QCOMPARE(rule.apply(state, t, true, memory).allowed, rule.apply(fresh, t, true, memory).allowed);
        }
        pc::RateRule::release(state, memory);
        pc::RateRule::release(fresh, memory);
        QCOMPARE(memory.bytes, std::size_t(0));
    }

    void refusesUnworkableRules_data()
    {
        QTest::addColumn<pc::RateStrategy>("strategy");
        QTest::addColumn<std::string>("spec");
        QTest::addColumn<int>("burst");
        QTest::newRow("leaky slower than 0.001 r/s") << pc::RateStrategy::LeakyBucket << "1/hour"s << -1;
        QTest::newRow("token bucket without capacity") << pc::RateStrategy::TokenBucket << "1/second"s << 0;
        QTest::newRow("window beyond 100 years") << pc::RateStrategy::FixedWindow << "1/101years"s << -1;
    }
    void refusesUnworkableRules()
    {
        QFETCH(pc::RateStrategy, strategy);
        QFETCH(std::string, spec);
        QFETCH(int, burst);
        const auto items = pc::RateLimitSpec::parse(spec);
        QVERIFY(items);
        std::string problem;
        QVERIFY(!pc::RateRule::make(strategy, items->front(),
                                    burst < 0 ? std::nullopt : std::optional<std::uint32_t>(burst), &problem));
        QVERIFY(!problem.empty());
    }

    void movingWindowLogIsBoundedByTheLimit()
    {
        const pc::RateRule rule = makeRule(pc::RateStrategy::MovingWindow, "100/second", -1);
        pc::RateState state;
        pc::RateLogMemory memory;
        for (int i = 0; i < 1000; ++i) {
            static_cast<void>(rule.apply(state, kT0 + i * kMs, true, memory));
        }
        QVERIFY(memory.bytes >= 100 * sizeof(std::int64_t));
        QVERIFY(memory.bytes <= 16 + 100 * sizeof(std::int64_t));
        pc::RateRule::release(state, memory);
        QCOMPARE(memory.bytes, std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestRateRule)
#include "TestRateRule.moc"
