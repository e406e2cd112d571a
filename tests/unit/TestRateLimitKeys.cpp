// SPDX-License-Identifier: Apache-2.0
// Who a rate limit counts: API keys, credential headers and JWT claims (hashed
// in the trace, else the client address), exempt addresses, spoofed forwarding
// headers, IPv6 prefixes, and route, shared and global scopes.
#include "engine/RateLimitStage.h"
#include "engine/RateLimitStore.h"

#include "RateLimitStageHarness.h"
#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;
using namespace pc::test::ratelimit;

class TestRateLimitKeys final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void apiKeysAreCountedButNeverShown()
    {
        pc::RateLimit l = limit("per-key", "2/minute");
        l.key = *pc::RateKey::parse("api_key");
        pc::Policy p = policy({l}, {{"per-key"}});
        p.auth.apiKeyHeader = "X-Api-Token";
        const auto stage = compile(p);
        pc::RateLimitStore store;
        Request alice{"203.0.113.7", {{"X-Api-Token", "sk_live_ALICE_SECRET_123"}}, {}, 0};
        Request aliceElsewhere{"198.51.100.1", {{"x-api-token", "sk_live_ALICE_SECRET_123"}}, {}, 0};
        Request bob{"203.0.113.7", {{"X-Api-Token", "sk_live_BOB_SECRET_456"}}, {}, 0};
        QCOMPARE(run(*stage, store, kT0, alice).status, 200);
        QCOMPARE(run(*stage, store, kT0, aliceElsewhere).status, 200);
        const Outcome denied = run(*stage, store, kT0, alice);
        QCOMPARE(denied.status, 429);
        QCOMPARE(run(*stage, store, kT0, bob).status, 200);
        QVERIFY(!contains(denied.traceText(), "SECRET"));
        QVERIFY(!contains(denied.body, "SECRET"));
        QVERIFY2(contains(denied.traceText(), "API key sha256:"), denied.traceText().c_str());
    }

    void credentialHeadersAreHashedInTheTrace()
    {
        pc::RateLimit l = limit("per-token", "5/minute");
        l.key = *pc::RateKey::parse("header:Authorization");
        const auto stage = compile(policy({l}, {{"per-token"}}));
        pc::RateLimitStore store;
        const Outcome o = run(*stage, store, kT0, {"203.0.113.7", {{"Authorization", "Bearer eyJsecret"}}, {}, 0});
        QVERIFY(!contains(o.traceText(), "eyJsecret"));
        QVERIFY(contains(o.traceText(), "Authorization sha256:"));
    }

    void headerKeysFallBackToTheClient()
    {
        pc::RateLimit l = limit("per-tenant", "1/minute");
        l.key = *pc::RateKey::parse("header:X-Tenant");
        const auto stage = compile(policy({l}, {{"per-tenant"}}));
        pc::RateLimitStore store;
        QCOMPARE(run(*stage, store, kT0, {"203.0.113.7", {{"X-Tenant", "acme"}}, {}, 0}).status, 200);
        QCOMPARE(run(*stage, store, kT0, {"198.51.100.1", {{"X-Tenant", "acme"}}, {}, 0}).status, 429);
        QCOMPARE(run(*stage, store, kT0, {"203.0.113.7", {{"X-Tenant", "globex"}}, {}, 0}).status, 200);
        const Outcome anonymous = run(*stage, store, kT0, {"203.0.113.7", {}, {}, 0});
        QCOMPARE(anonymous.status, 200); // its own bucket: the client address, not tenant "acme"
        QVERIFY2(contains(anonymous.traceText(), "no X-Tenant header, so counted by client address"),
                 anonymous.traceText().c_str());
        QVERIFY(contains(anonymous.traceText(), "client 203.0.113.7"));
        QCOMPARE(run(*stage, store, kT0, {"203.0.113.7", {}, {}, 0}).status, 429);
    }

    void jwtClaimKeysFallBackToTheClient()
    {
        pc::RateLimit l = limit("per-user", "1/minute");
        l.key = *pc::RateKey::parse("jwt_claim:sub");
        const auto stage = compile(policy({l}, {{"per-user"}}));
        pc::RateLimitStore store;
        const nlohmann::json alice = {{"sub", "alice"}, {"exp", 1}};
        QCOMPARE(run(*stage, store, kT0, {"203.0.113.7", {}, alice, 0}).status, 200);
        const Outcome again = run(*stage, store, kT0, {"198.51.100.1", {}, alice, 0});
        QCOMPARE(again.status, 429);
        QVERIFY2(contains(again.traceText(), "claim sub=\"alice\""), again.traceText().c_str());
        QCOMPARE(run(*stage, store, kT0, {"203.0.113.7", {}, nlohmann::json{{"sub", 42}}, 0}).status, 200);
        const Outcome unverified = run(*stage, store, kT0, {"203.0.113.7", {}, std::nullopt, 0});
        QCOMPARE(unverified.status, 200);
        QVERIFY2(contains(unverified.traceText(), "no verified token claim \"sub\", so counted by client address"),
                 unverified.traceText().c_str());
        QCOMPARE(run(*stage, store, kT0, {"203.0.113.7", {}, nlohmann::json{{"name", "x"}}, 0}).status, 429);
    }

    void exemptAddressesAreNeverLimited()
    {
        pc::RateLimit l = limit("per-client", "1/minute");
        l.exempt = {"10.0.0.0/8", "2001:db8::/32", "198.51.100.7"};
        const auto stage = compile(policy({l}, {{"per-client"}}));
        pc::RateLimitStore store;
        for (const std::string peer : {"10.1.2.3", "::ffff:10.9.9.9", "2001:db8:5::1", "198.51.100.7"}) {
            for (int i = 0; i < 3; ++i) {
                const Outcome o = run(*stage, store, kT0, {peer, {}, {}, 0});
                QCOMPARE(o.status, 200);
                QCOMPARE(o.trace.back().verdict.str(), "skip"s);
                QCOMPARE(o.trace.back().where, "/rate_limits/per-client/exempt"s);
            }
        }
        QCOMPARE(run(*stage, store, kT0, {"198.51.100.8", {}, {}, 0}).status, 200);
        QCOMPARE(run(*stage, store, kT0, {"198.51.100.8", {}, {}, 0}).status, 429);
        QCOMPARE(run(*stage, store, kT0, {"2001:db9::1", {}, {}, 0}).status, 200);
        QCOMPARE(run(*stage, store, kT0, {"2001:db9::1", {}, {}, 0}).status, 429);
    }

    void spoofedForwardingHeadersAreIgnored()
    {
        pc::Policy p = policy({limit("per-client", "2/minute")}, {{"per-client"}});
        p.transport.trustedProxies = {"10.0.0.0/8"};
        p.transport.clientIpHeader = pc::ClientIpHeader::XForwardedFor;
        const auto stage = compile(p);
        pc::RateLimitStore store;
        // An untrusted client rotating X-Forwarded-For still shares one bucket.
        for (int i = 0; i < 2; ++i) {
            const Request r{"203.0.113.50", {{"X-Forwarded-For", "192.0.2." + std::to_string(i)}}, {}, 0};
            QCOMPARE(run(*stage, store, kT0, r).status, 200);
        }
        const Outcome spoofed = run(*stage, store, kT0, {"203.0.113.50", {{"X-Forwarded-For", "192.0.2.99"}}, {}, 0});
        QCOMPARE(spoofed.status, 429);
        QVERIFY2(contains(spoofed.traceText(), "not a trusted proxy"), spoofed.traceText().c_str());
        // Behind the trusted proxy, clients are told apart.
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(run(*stage, store, kT0, {"10.0.0.2", {{"X-Forwarded-For", "198.51.100.1"}}, {}, 0}).status, 200);
        }
        QCOMPARE(run(*stage, store, kT0, {"10.0.0.2", {{"X-Forwarded-For", "198.51.100.1"}}, {}, 0}).status, 429);
        const Outcome other = run(*stage, store, kT0, {"10.0.0.3", {{"X-Forwarded-For", "198.51.100.2"}}, {}, 0});
        QCOMPARE(other.status, 200);
        QVERIFY(contains(other.traceText(), "client 198.51.100.2 (from X-Forwarded-For)"));
    }

    void ipv6ClientsAreGroupedByPrefix_data()
    {
        QTest::addColumn<int>("prefix");
        QTest::addColumn<std::string>("second");
        QTest::addColumn<bool>("shared");
        QTest::newRow("/64: same network shares") << 64 << "2001:db8:1:2:ffff::9"s << true;
        QTest::newRow("/64: next network is separate") << 64 << "2001:db8:1:3::1"s << false;
        QTest::newRow("/56: neighbouring /64 shares") << 56 << "2001:db8:1:3::1"s << true;
        QTest::newRow("/128: every address alone") << 128 << "2001:db8:1:2::2"s << false;
    }
    void ipv6ClientsAreGroupedByPrefix()
    {
        QFETCH(int, prefix);
        QFETCH(std::string, second);
        QFETCH(bool, shared);
        pc::RateLimit l = limit("per-client", "1/minute");
        l.ipv6Prefix = prefix;
        const auto stage = compile(policy({l}, {{"per-client"}}));
        pc::RateLimitStore store;
        const Outcome first = run(*stage, store, kT0, {"2001:db8:1:2::1", {}, {}, 0});
        QCOMPARE(first.status, 200);
        if (prefix < 128) {
            QVERIFY2(contains(first.traceText(), "/" + std::to_string(prefix)), first.traceText().c_str());
        }
        QCOMPARE(run(*stage, store, kT0, {second, {}, {}, 0}).status, shared ? 429 : 200);
    }

    void scopeRouteOrShared_data()
    {
        QTest::addColumn<bool>("sharedScope");
        QTest::newRow("route: one counter per route") << false;
        QTest::newRow("shared: one counter for every route") << true;
    }
    void scopeRouteOrShared()
    {
        QFETCH(bool, sharedScope);
        pc::RateLimit l = limit("per-client", "1/minute");
        l.scope = sharedScope ? pc::RateScope::Shared : pc::RateScope::Route;
        const auto stage = compile(policy({l}, {{"per-client"}, {"per-client"}}));
        pc::RateLimitStore store;
        QCOMPARE(run(*stage, store, kT0, {"203.0.113.7", {}, {}, 0}).status, 200);
        QCOMPARE(run(*stage, store, kT0, {"203.0.113.7", {}, {}, 1}).status, sharedScope ? 429 : 200);
    }

    void routeAndGlobalKeys()
    {
        pc::RateLimit global = limit("everyone", "2/minute");
        global.key = *pc::RateKey::parse("global");
        global.scope = pc::RateScope::Shared;
        pc::RateLimit perRoute = limit("per-route", "3/minute");
        perRoute.key = *pc::RateKey::parse("route");
        const auto stage = compile(policy({global, perRoute}, {{"everyone"}, {"per-route"}, {"per-route"}}));
        pc::RateLimitStore store;
        QCOMPARE(run(*stage, store, kT0, {"203.0.113.1", {}, {}, 0}).status, 200);
        QCOMPARE(run(*stage, store, kT0, {"203.0.113.2", {}, {}, 0}).status, 200);
        QCOMPARE(run(*stage, store, kT0, {"203.0.113.3", {}, {}, 0}).status, 429);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(run(*stage, store, kT0, {"198.51.100." + std::to_string(i), {}, {}, 1}).status, 200);
        }
        QCOMPARE(run(*stage, store, kT0, {"198.51.100.9", {}, {}, 1}).status, 429);
        QCOMPARE(run(*stage, store, kT0, {"198.51.100.9", {}, {}, 2}).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestRateLimitKeys)
#include "TestRateLimitKeys.moc"
