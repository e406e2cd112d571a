// SPDX-License-Identifier: Apache-2.0
// RateLimitStage as a pipeline stage: the compile errors it points at, the 429
// it answers as slowapi does, the rate-limit headers in each style, its trace,
// and the requests it skips. Who is counted: TestRateLimitKeys; how hits are
// charged: TestRateLimitCounting.
#include "engine/RateLimitStage.h"
#include "engine/RateLimitStore.h"

#include "RateLimitStageHarness.h"
#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;
using namespace std::chrono_literals;
using namespace pc::test::ratelimit;

class TestRateLimitStage final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void compileErrorsArePointed_data()
    {
        QTest::addColumn<int>("mutation");
        QTest::addColumn<std::string>("code");
        QTest::addColumn<std::string>("pointer");
        QTest::newRow("unreadable rate") << 0 << "bad-rate-limit"s
                                         << "/rate_limits/per-client/limit"s;
        QTest::newRow("unknown limit on a route") << 1 << "unknown-rate-limit"s
                                                  << "/routes/0/rate_limits/1"s;
        QTest::newRow("burst on a fixed window") << 2 << "burst-not-applicable"s
                                                 << "/rate_limits/per-client/burst"s;
        QTest::newRow("bad exempt block") << 3 << "bad-cidr"s
                                          << "/rate_limits/per-client/exempt/1"s;
        QTest::newRow("IPv6 prefix out of range") << 4 << "bad-ipv6-prefix"s
                                                  << "/rate_limits/per-client/ipv6_prefix"s;
        QTest::newRow("status not an error") << 5 << "bad-rate-limit-status"s
                                             << "/rate_limits/per-client/status"s;
        QTest::newRow("leaky bucket nginx cannot express") << 6 << "bad-rate-limit"s
                                                           << "/rate_limits/per-client/limit"s;
        QTest::newRow("bad trusted proxy") << 7 << "bad-cidr"s
                                           << "/transport/trusted_proxies/0"s;
        QTest::newRow("limit named twice on a route") << 8 << "duplicate-rate-limit"s
                                                      << "/routes/0/rate_limits/1"s;
        QTest::newRow("name escaped in the pointer") << 9 << "bad-rate-limit"s
                                                     << "/rate_limits/a~1b/limit"s;
        QTest::newRow("empty token bucket") << 10 << "bad-burst"s
                                            << "/rate_limits/per-client/burst"s;
    }
    void compileErrorsArePointed()
    {
        QFETCH(int, mutation);
        QFETCH(std::string, code);
        QFETCH(std::string, pointer);
        pc::Policy p = policy({limit("per-client", "10/minute")}, {{"per-client"}});
        pc::RateLimit& l = p.rateLimits[0];
        switch (mutation) {
        case 0:
            l.limit = "10/minit";
            break;
        case 1:
            p.routes[0].rateLimits.push_back("nope");
            break;
        case 2:
            l.burst = 5;
            break;
        case 3:
            l.exempt = {"10.0.0.0/8", "10.0.0.0/40"};
            break;
        case 4:
            l.ipv6Prefix = 129;
            break;
        case 5:
            l.status = 200;
            break;
        case 6:
            l.strategy = pc::RateStrategy::LeakyBucket;
            l.limit = "1/hour";
            break;
        case 7:
            p.transport.trustedProxies = {"lb.internal"};
            break;
        case 8:
            p.routes[0].rateLimits.push_back("per-client");
            break;
        case 9:
            l.name = "a/b";
            l.limit = "x";
            p.routes[0].rateLimits = {"a/b"};
            break;
        case 10:
            l.strategy = pc::RateStrategy::TokenBucket;
            l.burst = 0;
            break;
        }
        const auto stage = pc::RateLimitStage::compile(p);
        QVERIFY(!stage.ok());
        QCOMPARE(stage.errors().size(), std::size_t(1));
        QCOMPARE(stage.error().code, code);
        QCOMPARE(stage.error().pointer, pointer);
        QVERIFY(!stage.error().message.empty());
    }

    void rejectsLikeSlowapi()
    {
        const auto stage = compile(policy({limit("per-client", "2/minute")}, {{"per-client"}}));
        QVERIFY(stage);
        QCOMPARE(std::string(stage->name()), "rate_limit"s);
        pc::RateLimitStore store;
        QCOMPARE(run(*stage, store, kT0).status, 200);
        QCOMPARE(run(*stage, store, kT0 + 1s).status, 200);
        const Outcome denied = run(*stage, store, kT0 + 2s);
        QCOMPARE(denied.status, 429);
        QCOMPARE(denied.body, R"({"error":"Rate limit exceeded: 2 per 1 minute"})"s);
        QCOMPARE(denied.header("Content-Type"), "application/json"s);
        // slowapi: int(1 + reset - now) with reset = first hit + 60 s.
        QCOMPARE(denied.header("Retry-After"), "59"s);
        QVERIFY(contains(denied.traceText(), "rate_limit|deny|"));
        QCOMPARE(denied.trace.back().where, "/rate_limits/per-client"s);
    }

    void statusAndDescriptionFollowTheLimit()
    {
        pc::RateLimit l = limit("burst", "5/10seconds");
        l.status = 503;
        const auto stage = compile(policy({l}, {{"burst"}}));
        pc::RateLimitStore store;
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(run(*stage, store, kT0).status, 200);
        }
        const Outcome denied = run(*stage, store, kT0);
        QCOMPARE(denied.status, 503);
        QCOMPARE(denied.body, R"({"error":"Rate limit exceeded: 5 per 10 second"})"s);
    }

    void headersInEachStyle_data()
    {
        QTest::addColumn<pc::RateHeaderStyle>("style");
        QTest::addColumn<std::string>("spec");
        QTest::addColumn<int>("requests"); // all at kT0
        QTest::addColumn<std::vector<pc::HeaderField>>("expected");
        const std::string reset = std::to_string(kT0Seconds + 61); // slowapi: 1 + (first hit + 60)
        QTest::newRow("none: nothing on a pass")
            << pc::RateHeaderStyle::None << "10/minute"s << 1 << std::vector<pc::HeaderField>{};
        QTest::newRow("none: Retry-After only on a 429")
            << pc::RateHeaderStyle::None << "1/minute"s << 2
            << std::vector<pc::HeaderField>{{"Content-Type", "application/json"}, {"Retry-After", "61"}};
        QTest::newRow("legacy") << pc::RateHeaderStyle::Legacy << "10/minute"s << 1
                                << std::vector<pc::HeaderField>{{"X-RateLimit-Limit", "10"},
                                                                {"X-RateLimit-Remaining", "9"},
                                                                {"X-RateLimit-Reset", reset}};
        QTest::newRow("legacy on a 429") << pc::RateHeaderStyle::Legacy << "1/minute"s << 2
                                         << std::vector<pc::HeaderField>{{"Content-Type", "application/json"},
                                                                         {"Retry-After", "61"},
                                                                         {"X-RateLimit-Limit", "1"},
                                                                         {"X-RateLimit-Remaining", "0"},
                                                                         {"X-RateLimit-Reset", reset}};
        QTest::newRow("legacy reports the smallest granularity")
            << pc::RateHeaderStyle::Legacy << "100/hour;10/minute"s << 1
            << std::vector<pc::HeaderField>{
                   {"X-RateLimit-Limit", "10"}, {"X-RateLimit-Remaining", "9"}, {"X-RateLimit-Reset", reset}};
        QTest::newRow("ietf draft-11") << pc::RateHeaderStyle::Ietf << "10/minute"s << 3
                                       << std::vector<pc::HeaderField>{
                                              {"RateLimit-Policy", R"("per-client";q=10;w=60)"},
                                              {"RateLimit", R"("per-client";r=7;t=60)"}};
        QTest::newRow("ietf, one member per rate")
            << pc::RateHeaderStyle::Ietf << "10/minute;100/hour"s << 1
            << std::vector<pc::HeaderField>{
                   {"RateLimit-Policy", R"("per-client/10/minute";q=10;w=60, "per-client/100/hour";q=100;w=3600)"},
                   {"RateLimit", R"("per-client/10/minute";r=9;t=60, "per-client/100/hour";r=99;t=3600)"}};
        QTest::newRow("ietf on a 429") << pc::RateHeaderStyle::Ietf << "1/minute"s << 2
                                       << std::vector<pc::HeaderField>{{"Content-Type", "application/json"},
                                                                       {"Retry-After", "61"},
                                                                       {"RateLimit-Policy", R"("per-client";q=1;w=60)"},
                                                                       {"RateLimit", R"("per-client";r=0;t=61)"}};
    }
    void headersInEachStyle()
    {
        QFETCH(pc::RateHeaderStyle, style);
        QFETCH(std::string, spec);
        QFETCH(int, requests);
        QFETCH(std::vector<pc::HeaderField>, expected);
        pc::RateLimit l = limit("per-client", spec);
        l.headers = style;
        const auto stage = compile(policy({l}, {{"per-client"}}));
        pc::RateLimitStore store;
        Outcome last;
        for (int i = 0; i < requests; ++i) {
            last = run(*stage, store, kT0);
        }
        std::vector<pc::HeaderField> got = last.answerHeaders;
        got.insert(got.end(), last.headers.begin(), last.headers.end());
        QCOMPARE(got, expected);
    }

    void traceNamesLimitKeyCountAndPointer()
    {
        const auto stage = compile(policy({limit("per-client", "10/minute")}, {{"per-client"}}));
        pc::RateLimitStore store;
        const Outcome o = run(*stage, store, kT0);
        QCOMPARE(o.trace.size(), std::size_t(1));
        QCOMPARE(o.trace[0].stage.str(), "rate_limit"s);
        QCOMPARE(o.trace[0].verdict.str(), "pass"s);
        QCOMPARE(o.trace[0].where, "/rate_limits/per-client"s);
        QVERIFY2(contains(o.trace[0].reason, "\"per-client\""), o.trace[0].reason.c_str());
        QVERIFY2(contains(o.trace[0].reason, "count 1/10"), o.trace[0].reason.c_str());
        QVERIFY2(contains(o.trace[0].reason, "client 203.0.113.7"), o.trace[0].reason.c_str());
    }

    void skipsWithoutRouteOrLimits()
    {
        const auto stage = compile(policy({limit("per-client", "1/minute")}, {{"per-client"}, {}}));
        pc::RateLimitStore store;
        Request noRoute;
        noRoute.route = -1;
        for (int i = 0; i < 3; ++i) {
            const Outcome o = run(*stage, store, kT0, noRoute);
            QCOMPARE(o.status, 200);
            QCOMPARE(o.trace.back().verdict.str(), "skip"s);
        }
        // A request an earlier stage answered (a CORS preflight) is not counted.
        pc::HttpRequest preflight;
        preflight.peerAddress = "203.0.113.7";
        pc::RequestContext answered(preflight, kT0, store);
        answered.routeIndex = 0;
        answered.answer = pc::StageAnswer{204, {}, {}, {}};
        static_cast<const pc::PipelineStage&>(*stage).run(answered);
        QCOMPARE(answered.trace.back().verdict.str(), "skip"s);
        QCOMPARE(answered.answer->status, 204);
        Request unlimited;
        unlimited.route = 1;
        const Outcome o = run(*stage, store, kT0, unlimited);
        QCOMPARE(o.trace.back().verdict.str(), "skip"s);
        QCOMPARE(o.trace.back().where, "/routes/1"s);
        QCOMPARE(store.usage().keys, std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestRateLimitStage)
#include "TestRateLimitStage.moc"
