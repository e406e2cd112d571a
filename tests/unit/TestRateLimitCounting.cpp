// SPDX-License-Identifier: Apache-2.0
// How RateLimitStage charges hits: limits and items in order as slowapi does,
// all or nothing as nginx's leaky bucket does, a Retry-After never early for any
// strategy, and counters kept across a recompile while their fingerprint holds.
#include "engine/RateLimitStage.h"
#include "engine/RateLimitStore.h"

#include "RateLimitStageHarness.h"
#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;
using namespace std::chrono_literals;
using namespace pc::test::ratelimit;

class TestRateLimitCounting final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // slowapi/limits: limits are hit in order, each hit consumes, the first failure stops.
    void earlierLimitsStayChargedWhenALaterOneRejects()
    {
        const auto stage =
            compile(policy({limit("wide", "5/minute"), limit("narrow", "1/minute")}, {{"wide", "narrow"}}));
        pc::RateLimitStore store;
        QCOMPARE(run(*stage, store, kT0).status, 200);
        for (int i = 2; i <= 5; ++i) {
            const Outcome denied = run(*stage, store, kT0);
            QCOMPARE(denied.status, 429);
            QVERIFY2(contains(denied.trace[0].reason, "count " + std::to_string(i) + "/5"), denied.traceText().c_str());
            QCOMPARE(denied.trace[1].verdict.str(), "deny"s);
            QCOMPARE(denied.body, R"({"error":"Rate limit exceeded: 1 per 1 minute"})"s);
        }
        // "wide" is spent by the rejected requests: it now rejects first, "narrow" is not even counted.
        const Outcome spent = run(*stage, store, kT0 + 1s);
        QCOMPARE(spent.trace.size(), std::size_t(1));
        QVERIFY(contains(spent.trace[0].reason, "count 6/5"));
    }

    void itemsOfOneLimitChargeInOrder()
    {
        // 1/second;3/minute, fixed window: a rejection by the first item spares the second.
        const auto stage = compile(policy({limit("mixed", "1/second;3/minute")}, {{"mixed"}}));
        pc::RateLimitStore store;
        QCOMPARE(run(*stage, store, kT0).status, 200);
        const Outcome first = run(*stage, store, kT0);
        QCOMPARE(first.status, 429);
        QVERIFY(!contains(first.trace[0].reason, "(3 per 1 minute)"));
        QCOMPARE(run(*stage, store, kT0 + 1s).status, 200);
        QCOMPARE(run(*stage, store, kT0 + 2s).status, 200);
        const Outcome second = run(*stage, store, kT0 + 3s);
        QCOMPARE(second.status, 429);
        QVERIFY2(contains(second.trace[0].reason, "count 1/1 (1 per 1 second), count 4/3 (3 per 1 minute)"),
                 second.trace[0].reason.c_str());
        QCOMPARE(second.body, R"({"error":"Rate limit exceeded: 3 per 1 minute"})"s);
    }

    // Six items in one limit and two limits on one route: more than the stage keeps on the stack.
    void manyItemsAreAllCountedAndReported()
    {
        const std::string spec = "9/second;8/minute;7/hour;6/day;5/month;4/year";
        const auto stage =
            compile(policy({limit("wide", spec), limit("also", "3/minute;3/hour;2/day;5/year")}, {{"wide", "also"}}));
        pc::RateLimitStore store;
        const Outcome first = run(*stage, store, kT0);
        QCOMPARE(first.status, 200);
        QVERIFY2(contains(first.trace[0].reason, "count 1/9 (9 per 1 second), count 1/8 (8 per 1 minute), count 1/7 "
                                                 "(7 per 1 hour), count 1/6 (6 per 1 day), count 1/5 (5 per 1 month), "
                                                 "count 1/4 (4 per 1 year)"),
                 first.trace[0].reason.c_str());
        QVERIFY2(contains(first.header("RateLimit"), R"("also/5/year";r=4;)"), first.header("RateLimit").c_str());
        QCOMPARE(run(*stage, store, kT0).status, 200);
        const Outcome third = run(*stage, store, kT0);
        QCOMPARE(third.status, 429); // "also": 2 per 1 day
        QCOMPARE(third.body, R"({"error":"Rate limit exceeded: 2 per 1 day"})"s);
    }

    // nginx: every limit_req of a location is checked; only when all pass are they charged.
    void leakyBucketItemsAreAllOrNothing()
    {
        pc::RateLimit l = limit("nginx", "4/second;1/second", pc::RateStrategy::LeakyBucket);
        l.burst = 3;
        const auto stage = compile(policy({l}, {{"nginx"}}));
        pc::RateLimitStore store;
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(run(*stage, store, kT0).status, 200);
        }
        const Outcome denied = run(*stage, store, kT0 + 500ms); // 4/second passes, 1/second rejects
        QCOMPARE(denied.status, 429);
        QVERIFY2(contains(denied.traceText(), "not charged"), denied.traceText().c_str());
        // Uncharged, 4/second has drained completely by 1 s (it would hold 1 excess if charged).
        const Outcome later = run(*stage, store, kT0 + 1s);
        QCOMPARE(later.status, 200);
        QVERIFY2(contains(later.header("RateLimit"), R"("nginx/4/second";r=3;t=0)"), later.header("RateLimit").c_str());
    }

    void leakyBucketExplainsNginxDelay()
    {
        pc::RateLimit l = limit("smooth", "10/second", pc::RateStrategy::LeakyBucket);
        l.burst = 5;
        l.nodelay = false;
        const auto stage = compile(policy({l}, {{"smooth"}}));
        pc::RateLimitStore store;
        const Outcome first = run(*stage, store, kT0);
        QVERIFY(!contains(first.traceText(), "delay"));
        const Outcome second = run(*stage, store, kT0);
        QCOMPARE(second.status, 200);
        QVERIFY2(contains(second.traceText(), "nginx without nodelay would delay this request by 100 ms"),
                 second.traceText().c_str());
        QVERIFY(contains(second.traceText(), "excess 1.000/5"));
    }

    void retryAfterIsNeverEarly_data()
    {
        QTest::addColumn<pc::RateStrategy>("strategy");
        QTest::addColumn<std::string>("spec");
        QTest::newRow("fixed") << pc::RateStrategy::FixedWindow << "3/minute"s;
        QTest::newRow("moving") << pc::RateStrategy::MovingWindow << "3/minute"s;
        QTest::newRow("sliding") << pc::RateStrategy::SlidingWindowCounter << "3/minute"s;
        QTest::newRow("token") << pc::RateStrategy::TokenBucket << "3/minute"s;
        QTest::newRow("leaky") << pc::RateStrategy::LeakyBucket << "3/minute"s;
    }
    void retryAfterIsNeverEarly()
    {
        QFETCH(pc::RateStrategy, strategy);
        QFETCH(std::string, spec);
        const auto stage = compile(policy({limit("l", spec, strategy)}, {{"l"}}));
        pc::RateLimitStore store;
        auto now = kT0 + 1234ms;
        Outcome o;
        for (int i = 0; i < 10 && o.status == 200; ++i) {
            o = run(*stage, store, now);
            now += 250ms;
        }
        QCOMPARE(o.status, 429);
        const int retryAfter = std::stoi(o.header("Retry-After"));
        QVERIFY(retryAfter >= 1);
        QCOMPARE(run(*stage, store, now - 250ms + std::chrono::seconds(retryAfter)).status, 200);
    }

    // A recompiled policy keeps the counters of the limits whose counting did not change.
    void recompileKeepsUnchangedCounters()
    {
        pc::Policy before = policy({limit("kept", "1/minute"), limit("changed", "1/minute")}, {{"kept"}, {"changed"}});
        pc::RateLimitStore store;
        {
            const auto stage = compile(before);
            QCOMPARE(run(*stage, store, kT0, {"203.0.113.7", {}, {}, 0}).status, 200);
            QCOMPARE(run(*stage, store, kT0, {"203.0.113.7", {}, {}, 1}).status, 200);
        }
        pc::Policy after = before;
        after.rateLimits[1].limit = "2/minute";                    // counting changed: reset
        after.rateLimits[0].headers = pc::RateHeaderStyle::Legacy; // presentation only: kept
        after.rateLimits[0].status = 503;
        after.rateLimits[0].exempt = {"192.0.2.0/24"};
        std::swap(after.routes[0], after.routes[1]); // routes are named by id, not position
        const auto stage = compile(after);
        QCOMPARE(run(*stage, store, kT0 + 1s, {"203.0.113.7", {}, {}, 1}).status, 503);
        QCOMPARE(run(*stage, store, kT0 + 1s, {"203.0.113.7", {}, {}, 0}).status, 200);
        QCOMPARE(run(*stage, store, kT0 + 1s, {"203.0.113.7", {}, {}, 0}).status, 200);
        QCOMPARE(run(*stage, store, kT0 + 1s, {"203.0.113.7", {}, {}, 0}).status, 429);
    }

    void fingerprintCoversCounting_data()
    {
        QTest::addColumn<int>("mutation");
        QTest::addColumn<bool>("changes");
        QTest::newRow("strategy") << 0 << true;
        QTest::newRow("key") << 1 << true;
        QTest::newRow("scope") << 2 << true;
        QTest::newRow("burst") << 3 << true;
        QTest::newRow("ipv6 prefix") << 4 << true;
        QTest::newRow("name") << 5 << true;
        QTest::newRow("rate spelled differently") << 6 << false;
        QTest::newRow("nodelay") << 7 << false;
        QTest::newRow("headers") << 8 << false;
    }
    void fingerprintCoversCounting()
    {
        QFETCH(int, mutation);
        QFETCH(bool, changes);
        pc::RateLimit a = limit("l", "10/minute", pc::RateStrategy::TokenBucket);
        pc::RateLimit b = a;
        switch (mutation) {
        case 0:
            b.strategy = pc::RateStrategy::LeakyBucket;
            break;
        case 1:
            b.key = *pc::RateKey::parse("global");
            break;
        case 2:
            b.scope = pc::RateScope::Shared;
            break;
        case 3:
            b.burst = 3;
            break;
        case 4:
            b.ipv6Prefix = 56;
            break;
        case 5:
            b.name = "m";
            break;
        case 6:
            b.limit = "10 per minute";
            break;
        case 7:
            b.nodelay = false;
            break;
        case 8:
            b.headers = pc::RateHeaderStyle::None;
            break;
        }
        const auto fa = pc::RateLimitStage::fingerprint(a, *pc::RateLimitSpec::parse(a.limit), 0);
        const auto fb = pc::RateLimitStage::fingerprint(b, *pc::RateLimitSpec::parse(b.limit), 0);
        QCOMPARE(fa != fb, changes);
        QVERIFY(pc::RateLimitStage::fingerprint(a, *pc::RateLimitSpec::parse(a.limit), 1) != fa);
    }
};

QTEST_GUILESS_MAIN(TestRateLimitCounting)
#include "TestRateLimitCounting.moc"
