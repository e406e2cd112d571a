// SPDX-License-Identifier: Apache-2.0
// The simulators agree with the engine and with `portcullis-cli simulate`:
// the preflight simulator's response is the CLI's for the same raw request,
// word for word; a burst in the rate-limit simulator rejects what the CLI's
// --repeat rejects; and every pattern (steady, burst, ramp) admits what
// replaying it against the compiled policy's own route admits.
#include "document/PolicyDocument.h"
#include "editors/CorsPreflightWidget.h"
#include "editors/RateLimitSimulatorWidget.h"
#include "engine/CompiledPolicy.h"
#include "engine/RateLimitStore.h"
#include "policy/PolicyEnums.h"
#include "policy/PolicyFile.h"
#include "simulation/RateLimitSimulation.h"

#include "SamplePolicy.h"
#include "TestSupport.h"

#include <QChartView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace std::string_literals;

namespace {

std::shared_ptr<const pc::CompiledPolicy> compile(const pc::Policy& policy)
{
    pc::CompileOptions options;
    options.requireSecrets = false;
    auto compiled = pc::CompiledPolicy::compile(policy, options);
    return compiled ? compiled.value() : nullptr;
}

// Runs `portcullis-cli simulate POLICY REQUEST ARGS...` and returns its standard output.
QByteArray cliSimulate(const QString& policy, const QString& request, const QStringList& args)
{
    QProcess cli;
    cli.start(QString::fromStdString(pc::test::binaryPath("app/cli/portcullis-cli")),
              QStringList{QStringLiteral("simulate"), policy, request} + args);
    if (!cli.waitForFinished(60'000) || cli.exitCode() != 0) {
        qWarning() << cli.readAllStandardError();
        return {};
    }
    return cli.readAllStandardOutput();
}

QByteArray rawRequest(const pc::HttpRequest& request)
{
    std::string text = request.method + " " + request.target + " HTTP/1.1\r\n";
    for (const pc::HeaderField& h : request.headers) {
        text += h.name + ": " + h.value + "\r\n";
    }
    text += "\r\n";
    return QByteArray::fromStdString(text);
}

std::optional<std::string> header(const pc::Decision& d, std::string_view name)
{
    for (const pc::HeaderField& h : d.headers) {
        if (pc::equalsIgnoreCase(h.name, name)) {
            return h.value;
        }
    }
    return std::nullopt;
}

} // namespace

class TestSimulators final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void preflightSimulatorAnswersWhatTheEngineAnswers_data()
    {
        QTest::addColumn<QString>("origin");
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("listed origin, listed method")
            << QStringLiteral("https://yourdomain.com") << QStringLiteral("PUT") << true;
        QTest::newRow("listed origin, unlisted method")
            << QStringLiteral("https://yourdomain.com") << QStringLiteral("PATCH") << false;
        QTest::newRow("origin with a trailing slash never matches")
            << QStringLiteral("https://yourdomain.com/") << QStringLiteral("PUT") << false;
        QTest::newRow("attacker's origin")
            << QStringLiteral("https://evil.example") << QStringLiteral("DELETE") << false;
    }
    void preflightSimulatorAnswersWhatTheEngineAnswers()
    {
        QFETCH(QString, origin);
        QFETCH(QString, method);
        QFETCH(bool, allowed);
        pc::PolicyDocument doc;
        doc.reset(pc::test::samplePolicy(), {});
        pc::CorsPreflightWidget widget(&doc);
        widget.setRequest(origin, method, QStringLiteral("Authorization, Content-Type"), true,
                          QStringLiteral("/api/users"));
        QCOMPARE(widget.verdict().allowed, allowed);

        const auto engine = compile(doc.policy());
        QVERIFY(engine);
        pc::RateLimitStore store;
        const pc::Decision direct = engine->evaluate(widget.preflightRequest(), pc::SystemTime{}, store);
        QCOMPARE(widget.decision().status, direct.status);
        QCOMPARE(widget.decision().headers, direct.headers);
        if (allowed) {
            QCOMPARE(header(direct, "Access-Control-Allow-Origin"), std::optional<std::string>(origin.toStdString()));
            QCOMPARE(header(direct, "Access-Control-Allow-Credentials"), std::optional<std::string>("true"));
        }
        QVERIFY(widget.responseText().startsWith(QStringLiteral("HTTP/1.1 %1").arg(direct.status)));
    }

    void preflightAgreesWithTheCli_data() { preflightSimulatorAnswersWhatTheEngineAnswers_data(); }
    void preflightAgreesWithTheCli()
    {
        QFETCH(QString, origin);
        QFETCH(QString, method);
        QFETCH(bool, allowed);
        const QString tutorial =
            QString::fromStdString(pc::test::sourcePath("resources/examples/fastapi-tutorial.json"));
        pc::PolicyDocument doc;
        doc.reset(*pc::PolicyFile::load(tutorial.toStdString()), tutorial);
        pc::CorsPreflightWidget widget(&doc);
        widget.setRequest(origin, method, QStringLiteral("Authorization, Content-Type"), true,
                          QStringLiteral("/api/users"));
        QCOMPARE(widget.verdict().allowed, allowed);

        QTemporaryDir dir;
        const QString requestFile = dir.filePath(QStringLiteral("preflight.http"));
        QFile file(requestFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(rawRequest(widget.preflightRequest()));
        file.close();
        const QByteArray out = cliSimulate(tutorial, requestFile,
                                           {QStringLiteral("--format"), QStringLiteral("json"),
                                            QStringLiteral("--client-ip"), QStringLiteral("203.0.113.7")});
        const QJsonObject cli = QJsonDocument::fromJson(out).object();
        QVERIFY2(!cli.isEmpty(), out.constData());
        QCOMPARE(cli.value(QStringLiteral("status")).toInt(), widget.decision().status);
        std::vector<pc::HeaderField> headers;
        for (const QJsonValue& h : cli.value(QStringLiteral("headers")).toArray()) {
            headers.push_back({h.toArray().at(0).toString().toStdString(), h.toArray().at(1).toString().toStdString()});
        }
        QCOMPARE(headers, widget.decision().headers);
    }

    void burstsAgreeWithCliRepeat_data()
    {
        QTest::addColumn<int>("strategy");
        for (auto s :
             {pc::RateStrategy::FixedWindow, pc::RateStrategy::MovingWindow, pc::RateStrategy::SlidingWindowCounter,
              pc::RateStrategy::TokenBucket, pc::RateStrategy::LeakyBucket}) {
            QTest::newRow(std::string(pc::enumName(s)).c_str()) << static_cast<int>(s);
        }
    }
    void burstsAgreeWithCliRepeat()
    {
        QFETCH(int, strategy);
        pc::Policy policy = *pc::PolicyFile::load(pc::test::sourcePath("resources/examples/fastapi-tutorial.json"));
        policy.rateLimits[0].strategy = static_cast<pc::RateStrategy>(strategy);
        QTemporaryDir dir;
        const QString policyFile = dir.filePath(QStringLiteral("policy.json"));
        QVERIFY(pc::PolicyFile::save(policy, policyFile.toStdString()).ok());
        const QString requestFile = dir.filePath(QStringLiteral("get.http"));
        QFile file(requestFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("GET /api/data HTTP/1.1\r\nHost: api.example.com\r\n\r\n");
        file.close();

        pc::TrafficPattern burst;
        burst.kind = pc::TrafficPattern::Kind::Burst;
        burst.burstSize = 25;
        burst.burstEverySeconds = 60;
        burst.durationSeconds = 30; // one burst
        const pc::SimulationSeries series =
            pc::RateLimitSimulation::run(policy.rateLimits[0], burst, policy.rateLimits[0].strategy);
        QVERIFY(series.errors.empty());

        const QByteArray out = cliSimulate(policyFile, requestFile,
                                           {QStringLiteral("--repeat"), QStringLiteral("25"), QStringLiteral("--at"),
                                            QStringLiteral("2026-01-01T00:00:00Z"), QStringLiteral("--client-ip"),
                                            QString::fromLatin1(pc::RateLimitSimulation::kClient.data())});
        const QList<QByteArray> statuses = out.trimmed().split('\n');
        QCOMPARE(statuses.size(), 25);
        const int rejected = static_cast<int>(std::count(statuses.begin(), statuses.end(), QByteArray("429")));
        QCOMPARE(series.rejected, rejected);
        QCOMPARE(series.admitted, 25 - rejected);
        QCOMPARE(series.buckets.front().rejected, rejected);
        QVERIFY(rejected > 0); // 25 at once against 10/minute
    }

    void preflightFollowsEdits()
    {
        pc::PolicyDocument doc;
        doc.reset(pc::test::samplePolicy(), {});
        pc::CorsPreflightWidget widget(&doc);
        widget.setRequest(QStringLiteral("https://admin.example.com"), QStringLiteral("PUT"),
                          QStringLiteral("Content-Type"), false, QStringLiteral("/api/users"));
        QVERIFY(!widget.verdict().allowed);
        pc::Policy next = doc.policy();
        next.cors->allowOrigins.push_back("https://admin.example.com");
        doc.reset(next, {});
        widget.simulate();
        QVERIFY(widget.verdict().allowed);
    }

    void rateLimitSimulationMatchesReplayingThroughThePolicy_data()
    {
        QTest::addColumn<int>("strategy");
        QTest::addColumn<int>("kind");
        for (auto s :
             {pc::RateStrategy::FixedWindow, pc::RateStrategy::MovingWindow, pc::RateStrategy::SlidingWindowCounter,
              pc::RateStrategy::TokenBucket, pc::RateStrategy::LeakyBucket}) {
            for (auto k :
                 {pc::TrafficPattern::Kind::Steady, pc::TrafficPattern::Kind::Burst, pc::TrafficPattern::Kind::Ramp}) {
                const std::string name = std::string(pc::enumName(s)) + " " +
                                         (k == pc::TrafficPattern::Kind::Steady  ? "steady"
                                          : k == pc::TrafficPattern::Kind::Burst ? "burst"
                                                                                 : "ramp");
                QTest::newRow(name.c_str()) << static_cast<int>(s) << static_cast<int>(k);
            }
        }
    }
    void rateLimitSimulationMatchesReplayingThroughThePolicy()
    {
        QFETCH(int, strategy);
        QFETCH(int, kind);
        pc::Policy policy = pc::test::samplePolicy();
        policy.rateLimits[0].strategy = static_cast<pc::RateStrategy>(strategy);
        pc::TrafficPattern pattern;
        pattern.kind = static_cast<pc::TrafficPattern::Kind>(kind);
        pattern.durationSeconds = 150;
        pattern.ratePerSecond = 0.5;

        const pc::SimulationSeries series = pc::RateLimitSimulation::run(
            policy.rateLimits[0], pattern, policy.rateLimits[0].strategy, policy.auth.apiKeyHeader);
        QVERIFY(series.errors.empty());
        QCOMPARE(series.admitted + series.rejected, static_cast<int>(pattern.schedule().size()));

        // The same traffic against the tutorial's own limited route.
        const auto engine = compile(policy);
        QVERIFY(engine);
        pc::RateLimitStore store;
        pc::HttpRequest request;
        request.method = "GET";
        request.target = "/api/data";
        request.peerAddress = std::string(pc::RateLimitSimulation::kClient);
        const pc::SystemTime start{std::chrono::seconds(1'700'000'000)};
        int admitted = 0;
        int rejected = 0;
        for (std::int64_t at : pattern.schedule()) {
            const pc::Decision d = engine->evaluate(request, start + std::chrono::milliseconds(at), store);
            (d.status == 429 ? rejected : admitted) += 1;
        }
        QCOMPARE(series.admitted, admitted);
        QCOMPARE(series.rejected, rejected);
    }

    void fixedWindowAdmitsTenAMinute()
    {
        pc::TrafficPattern steady;
        steady.durationSeconds = 120;
        steady.ratePerSecond = 0.5; // 30 a minute against 10/minute
        const pc::SimulationSeries series =
            pc::RateLimitSimulation::run(pc::test::samplePolicy().rateLimits[0], steady, pc::RateStrategy::FixedWindow);
        QCOMPARE(series.admitted, 20);
        QCOMPARE(series.rejected, 40);
        QCOMPARE(series.buckets.size(), size_t(120));
    }

    void theWidgetDrawsOneChartPerStrategy()
    {
        pc::PolicyDocument doc;
        doc.reset(pc::test::samplePolicy(), {});
        pc::RateLimitSimulatorWidget widget(&doc);
        widget.setLimit(0);
        QCOMPARE(widget.results().size(), size_t(4));
        QVERIFY(widget.findChild<QChartView*>(QStringLiteral("fixed_windowChartView")));
        QVERIFY(widget.findChild<QChartView*>(QStringLiteral("token_bucketChartView")));
        // A stricter limit shows at once.
        const int before = widget.results().front().admitted;
        pc::Policy stricter = doc.policy();
        stricter.rateLimits[0].limit = "5/minute";
        doc.reset(stricter, {});
        widget.simulate();
        QVERIFY(widget.results().front().admitted < before);
    }
};

QTEST_MAIN(TestSimulators)
#include "TestSimulators.moc"
