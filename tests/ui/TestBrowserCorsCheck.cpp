// SPDX-License-Identifier: Apache-2.0
// The browser side of the preflight simulator (Fetch standard rules) and the
// traffic schedules of the rate-limit simulator.
#include "simulation/BrowserCorsCheck.h"
#include "simulation/TrafficPattern.h"

#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;
using Headers = std::vector<pc::HeaderField>;

Q_DECLARE_METATYPE(Headers)

class TestBrowserCorsCheck final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void requestHeadersAreSentAsBrowsersSendThem()
    {
        QCOMPARE(pc::BrowserCorsCheck::requestHeadersValue(
                     {"X-Trace", "Authorization", "Accept", "content-type", "authorization"}),
                 "authorization,content-type,x-trace"s);
        QVERIFY(!pc::BrowserCorsCheck::needsPreflight({"https://a.example", "post", {"Accept"}, false}));
        QVERIFY(pc::BrowserCorsCheck::needsPreflight({"https://a.example", "PATCH", {}, false}));
        QVERIFY(pc::BrowserCorsCheck::needsPreflight({"https://a.example", "GET", {"Authorization"}, false}));
        QCOMPARE(pc::BrowserCorsCheck::normalisedMethod("delete"), "DELETE"s);
        QCOMPARE(pc::BrowserCorsCheck::normalisedMethod("patch"), "patch"s);
    }

    void judgesPreflightsLikeFetch_data()
    {
        QTest::addColumn<bool>("credentials");
        QTest::addColumn<QString>("method");
        QTest::addColumn<int>("status");
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("reason");
        const Headers good{{"Access-Control-Allow-Origin", "https://app.example.com"},
                           {"Access-Control-Allow-Credentials", "true"},
                           {"Access-Control-Allow-Methods", "GET, POST, PUT, DELETE"},
                           {"Access-Control-Allow-Headers", "Authorization, Content-Type"}};
        QTest::newRow("allowed with credentials")
            << true << QStringLiteral("PUT") << 200 << good << true << QStringLiteral("passes");
        QTest::newRow("403 without headers")
            << true << QStringLiteral("PUT") << 403 << Headers{} << false << QStringLiteral("ok status");
        QTest::newRow("other origin") << false << QStringLiteral("PUT") << 200
                                      << Headers{{"Access-Control-Allow-Origin", "https://evil.example"},
                                                 good[2],
                                                 good[3]}
                                      << false << QStringLiteral("not the request's origin");
        QTest::newRow("wildcard origin with credentials")
            << true << QStringLiteral("PUT") << 200
            << Headers{{"Access-Control-Allow-Origin", "*"}, good[1], good[2], good[3]} << false
            << QStringLiteral("no wildcard");
        QTest::newRow("wildcard origin without credentials")
            << false << QStringLiteral("PUT") << 200 << Headers{{"Access-Control-Allow-Origin", "*"}, good[2], good[3]}
            << true << QStringLiteral("passes");
        QTest::newRow("credentials flag missing")
            << true << QStringLiteral("PUT") << 200 << Headers{good[0], good[2], good[3]} << false
            << QStringLiteral("Allow-Credentials");
        QTest::newRow("method not listed")
            << true << QStringLiteral("PATCH") << 200 << good << false << QStringLiteral("PATCH is not in");
        QTest::newRow("duplicate origin header")
            << true << QStringLiteral("PUT") << 200 << Headers{good[0], good[0], good[1], good[2], good[3]} << false
            << QStringLiteral("2 times");
        QTest::newRow("header wildcard never covers Authorization")
            << false << QStringLiteral("PUT") << 204
            << Headers{{"Access-Control-Allow-Origin", "*"},
                       {"Access-Control-Allow-Methods", "*"},
                       {"Access-Control-Allow-Headers", "*"}}
            << false << QStringLiteral("authorization is not in");
    }
    void judgesPreflightsLikeFetch()
    {
        QFETCH(bool, credentials);
        QFETCH(QString, method);
        QFETCH(int, status);
        QFETCH(Headers, headers);
        QFETCH(bool, allowed);
        QFETCH(QString, reason);
        const pc::BrowserRequest request{
            "https://app.example.com", method.toStdString(), {"Authorization", "Content-Type"}, credentials};
        const pc::BrowserVerdict verdict = pc::BrowserCorsCheck::judgePreflight(request, status, headers);
        QCOMPARE(verdict.allowed, allowed);
        const bool mentioned = std::any_of(verdict.reasons.begin(), verdict.reasons.end(), [&](const std::string& r) {
            return QString::fromStdString(r).contains(reason);
        });
        QVERIFY2(mentioned, verdict.reasons.empty() ? "no reasons" : verdict.reasons.front().c_str());
    }

    void schedules_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("rate");
        QTest::addColumn<int>("count");
        QTest::addColumn<qint64>("last");
        QTest::newRow("steady 2/s for 60 s")
            << static_cast<int>(pc::TrafficPattern::Kind::Steady) << 2.0 << 120 << qint64(59'500);
        QTest::newRow("bursts of 20 every 30 s")
            << static_cast<int>(pc::TrafficPattern::Kind::Burst) << 0.0 << 40 << qint64(30'000);
        QTest::newRow("ramp to 4/s over 60 s")
            << static_cast<int>(pc::TrafficPattern::Kind::Ramp) << 4.0 << 120 << qint64(59'749);
    }
    void schedules()
    {
        QFETCH(int, kind);
        QFETCH(double, rate);
        QFETCH(int, count);
        QFETCH(qint64, last);
        pc::TrafficPattern pattern;
        pattern.kind = static_cast<pc::TrafficPattern::Kind>(kind);
        pattern.durationSeconds = 60;
        pattern.ratePerSecond = rate;
        const std::vector<std::int64_t> times = pattern.schedule();
        QCOMPARE(static_cast<int>(times.size()), count);
        QVERIFY(std::is_sorted(times.begin(), times.end()));
        QCOMPARE(static_cast<qint64>(times.back()), last);
    }
};

QTEST_MAIN(TestBrowserCorsCheck)
#include "TestBrowserCorsCheck.moc"
