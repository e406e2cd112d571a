// SPDX-License-Identifier: Apache-2.0
#include "engine/RateLimitStage.h"
#include "engine/RateLimitStore.h"

#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(pc::RateStrategy)
Q_DECLARE_METATYPE(pc::RateHeaderStyle)

namespace {

const pc::SystemTime kT0 = pc::SystemTime(std::chrono::seconds(1'699'999'200));
const std::int64_t kT0Seconds = 1'699'999'200;

pc::RateLimit limit(std::string name, std::string spec, pc::RateStrategy strategy = pc::RateStrategy::FixedWindow)
{
    pc::RateLimit l;
    l.name = std::move(name);
    l.limit = std::move(spec);
    l.strategy = strategy;
    return l;
}

pc::Policy policy(std::vector<pc::RateLimit> limits, std::vector<std::vector<std::string>> routes)
{
    pc::Policy p;
    p.rateLimits = std::move(limits);
    for (std::size_t i = 0; i < routes.size(); ++i) {
        pc::Route r;
        r.id = "route-" + std::to_string(i);
        r.methods = {"GET"};
        r.path = "/r" + std::to_string(i);
        r.rateLimits = routes[i];
        p.routes.push_back(r);
    }
    return p;
}

std::unique_ptr<pc::RateLimitStage> compile(const pc::Policy& p)
{
    auto stage = pc::RateLimitStage::compile(p);
    if (!stage.ok()) {
        qWarning("%s", stage.error().toString().c_str());
        return nullptr;
    }
    return std::move(stage).value();
}

struct Request {
    std::string peer = "203.0.113.7";
    std::vector<pc::HeaderField> headers;
    std::optional<nlohmann::json> claims;
    int route = 0;
};

struct Outcome {
    int status = 200; // 200 when the stage did not answer
    std::string body;
    std::vector<pc::HeaderField> answerHeaders;
    std::vector<pc::HeaderField> headers; // ctx.responseHeaders
    std::vector<pc::TraceStep> trace;

    [[nodiscard]] std::string header(std::string_view name) const
    {
        for (const auto* list : {&answerHeaders, &headers}) {
            for (const auto& h : *list) {
                if (pc::equalsIgnoreCase(h.name, name)) {
                    return h.value;
                }
            }
        }
        return {};
    }
    [[nodiscard]] std::string traceText() const
    {
        std::string all;
        for (const auto& t : trace) {
            all += t.stage.str() + "|" + t.verdict.str() + "|" + t.reason + "|" + t.where + "\n";
        }
        return all;
    }
};

Outcome run(const pc::PipelineStage& stage, pc::RateLimitStore& store, pc::SystemTime now, const Request& r = {})
{
    pc::HttpRequest request;
    request.method = "GET";
    request.target = "/r" + std::to_string(r.route);
    request.peerAddress = r.peer;
    request.headers = r.headers;
    pc::RequestContext ctx(request, now, store);
    ctx.routeIndex = r.route;
    ctx.claims = r.claims;
    stage.run(ctx);
    Outcome out;
    if (ctx.answer) {
        out.status = ctx.answer->status;
        out.body = ctx.answer->body;
        out.answerHeaders = ctx.answer->headers;
    }
    out.headers = ctx.responseHeaders;
    out.trace = ctx.trace;
    return out;
}

bool contains(const std::string& haystack, const std::string& needle)
{
    return haystack.find(needle) != std::string::npos;
}

} // namespace

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

QTEST_GUILESS_MAIN(TestRateLimitStage)
#include "TestRateLimitStage.moc"
