// SPDX-License-Identifier: Apache-2.0
// Which origins the CORS stage answers: every misconfiguration class of cors.md
// §4, what an allowed origin's actual request gets, the wildcard, null and
// no-CORS policies, origin patterns, and origin lists refused at compile time.
#include "engine/CompiledPolicy.h"
#include "engine/OriginMatcher.h"
#include "engine/RateLimitStore.h"

#include "CorsTestSupport.h"
#include "EngineTestSupport.h"
#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;
using Lines = std::vector<std::string>;
using pc::test::actual;
using pc::test::hasAnyCorsHeader;
using pc::test::preflight;

namespace {

pc::CorsPolicy patternCors()
{
    pc::CorsPolicy cors;
    cors.allowOriginPatterns = {"https://*.example.com"};
    cors.allowCredentials = true;
    return cors;
}

} // namespace

class TestCorsOrigins final : public QObject, private pc::test::CorsStageFixture {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { compileFixture(); }

    // cors.md §4: every misconfiguration class answered the correct way by a typical policy (allow-list
    // {https://app.example.com}, credentials on). Class 13 is refused at compile time
    // (refusesWildcardWithCredentials); classes 15 and 16 are checked on every row.
    void refusesMisconfigurationClasses_data()
    {
        QTest::addColumn<std::string>("origin");
        QTest::addColumn<std::string>("requestMethod");  // Access-Control-Request-Method of the preflight
        QTest::addColumn<std::string>("requestHeaders"); // Access-Control-Request-Headers of the preflight
        QTest::newRow("1 reflection") << "https://evil.com"s
                                      << "GET"s
                                      << ""s;
        QTest::newRow("1 random domain") << "https://a1b2c3.example.net"s
                                         << "GET"s
                                         << ""s;
        QTest::newRow("2 prefix match") << "https://app.example.com.evil.com"s
                                        << "GET"s
                                        << ""s;
        QTest::newRow("3 suffix match") << "https://evilexample.com"s
                                        << "GET"s
                                        << ""s;
        QTest::newRow("3 suffix of the allowed host") << "https://evilapp.example.com"s
                                                      << "GET"s
                                                      << ""s;
        QTest::newRow("4 substring") << "https://pp.example.com"s
                                     << "GET"s
                                     << ""s;
        QTest::newRow("4 registered domain minus a character") << "https://xample.com"s
                                                               << "GET"s
                                                               << ""s;
        QTest::newRow("5 unescaped dot, last") << "https://app.exampleacom"s
                                               << "GET"s
                                               << ""s;
        QTest::newRow("5 unescaped dot, first") << "https://appxexample.com"s
                                                << "GET"s
                                                << ""s;
        QTest::newRow("6 null") << "null"s
                                << "GET"s
                                << ""s;
        QTest::newRow("7 http origin") << "http://app.example.com"s
                                       << "GET"s
                                       << ""s;
        QTest::newRow("8 any subdomain") << "https://evil.app.example.com"s
                                         << "GET"s
                                         << ""s;
        QTest::newRow("8 sibling subdomain") << "https://api.example.com"s
                                             << "GET"s
                                             << ""s;
        QTest::newRow("9 third-party hosting") << "https://whatever.github.io"s
                                               << "GET"s
                                               << ""s;
        QTest::newRow("9 codepen") << "https://codepen.io"s
                                   << "GET"s
                                   << ""s;
        QTest::newRow("10 underscore") << "https://app.example.com_.evil.com"s
                                       << "GET"s
                                       << ""s;
        QTest::newRow("10 backtick escaped") << "https://app.example.com%60.evil.com"s
                                             << "GET"s
                                             << ""s;
        QTest::newRow("10 backtick raw") << "https://app.example.com`.evil.com"s
                                         << "GET"s
                                         << ""s;
        for (const char* c :
             {"-", "\"", "{", "}", "+", "^", "!", "~", ";", "|", "&", "'", "(", ")", "*", ",", "$", "=", "%0b"}) {
            const std::string origin = "https://app.example.com"s + c + ".evil.com";
            QTest::newRow(("10 special character " + std::string(c)).c_str()) << origin << "GET"s
                                                                              << ""s;
        }
        QTest::newRow("11 localhost edge") << "https://localhost.evil-random.com"s
                                           << "GET"s
                                           << ""s;
        QTest::newRow("12 never a wildcard answer") << "https://random.example.org"s
                                                    << "GET"s
                                                    << ""s;
        QTest::newRow("upper-case host is not the serialised origin") << "https://APP.example.com"s
                                                                      << "GET"s
                                                                      << ""s;
        QTest::newRow("trailing slash") << "https://app.example.com/"s
                                        << "GET"s
                                        << ""s;
        QTest::newRow("explicit default port") << "https://app.example.com:443"s
                                               << "GET"s
                                               << ""s;
        QTest::newRow("other port") << "https://app.example.com:8443"s
                                    << "GET"s
                                    << ""s;
        QTest::newRow("leading space") << " https://app.example.com"s
                                       << "GET"s
                                       << ""s;
        QTest::newRow("two origins in one value") << "https://app.example.com https://evil.com"s
                                                  << "GET"s
                                                  << ""s;
        QTest::newRow("empty") << ""s
                               << "GET"s
                               << ""s;
        QTest::newRow("14 over-permissive preflight") << "https://evil.com"s
                                                      << "DELETE"s
                                                      << "x-anything"s;
        QTest::newRow("14 with credentials header") << "https://evil.com"s
                                                    << "PUT"s
                                                    << "authorization,cookie"s;
    }
    void refusesMisconfigurationClasses()
    {
        QFETCH(std::string, origin);
        QFETCH(std::string, requestMethod);
        QFETCH(std::string, requestHeaders);
        const pc::Decision get = run(actual(origin));
        QCOMPARE(get.status, 200); // the usual status: CORS is not access control
        QVERIFY2(!hasAnyCorsHeader(get), "an actual request from a denied origin must get no CORS headers");
        QCOMPARE(pc::test::header(get, "Vary").value_or(""), "Origin"s); // class 15

        const pc::Decision pre = run(preflight(origin, requestMethod, requestHeaders));
        QCOMPARE(pre.status, 403);
        QVERIFY2(!hasAnyCorsHeader(pre), "a denied preflight carries no CORS headers at all");
        QVERIFY(!pc::test::header(pre, "Vary"));
        QVERIFY(pre.body.starts_with("{\"detail\":\"Disallowed CORS origin"));
        QCOMPARE(pc::test::header(pre, "X-Content-Type-Options").value_or(""), "nosniff"s);
        QCOMPARE(pc::test::traceStep(pre, "cors")->where, "/cors/allow_origins"s);
    }

    // Class 16 for the allowed origin: exactly one ACAO, the engine's, even though the handler adds one.
    void allowedOriginGetsOneAllowOrigin()
    {
        const pc::Decision d = run(actual("https://app.example.com"));
        QCOMPARE(pc::test::headerCount(d, "Access-Control-Allow-Origin"), 1);
        QCOMPARE(pc::test::header(d, "Access-Control-Allow-Origin").value_or(""), "https://app.example.com"s);
        QCOMPARE(pc::test::headerCount(d, "Access-Control-Allow-Credentials"), 1);
    }

    void refusesTwoOriginHeaders()
    {
        pc::HttpRequest r = actual("https://app.example.com");
        r.headers.push_back({"Origin", "https://app.example.com"});
        const pc::Decision d = run(r);
        QVERIFY(!hasAnyCorsHeader(d));
        QCOMPARE(pc::test::traceStep(d, "cors")->verdict, "deny"s);
    }

    // Class 14: an over-permissive preflight.
    void refusesOverPermissivePreflight()
    {
        const pc::Decision d = run(preflight("https://evil.com", "DELETE", "x-anything"));
        QCOMPARE(d.status, 403);
        QVERIFY(!hasAnyCorsHeader(d));
        QCOMPARE(d.body, R"({"detail":"Disallowed CORS origin, headers"})"s);
        const pc::TraceStep* step = pc::test::traceStep(d, "cors");
        QCOMPARE(step->verdict, "deny"s);
        QCOMPARE(step->where, "/cors/allow_origins"s);
        QVERIFY(step->reason.find("x-anything") != std::string::npos);
    }

    // Class 13: "*" with credentials is refused when the policy compiles.
    void refusesWildcardWithCredentials()
    {
        pc::Policy policy = pc::test::tutorialPolicy();
        policy.cors->allowOrigins = {"https://app.example.com", "*"};
        auto compiled = pc::CompiledPolicy::compile(policy);
        QVERIFY(!compiled.ok());
        QCOMPARE(compiled.error().code, "cors-wildcard-with-credentials"s);
        QCOMPARE(compiled.error().pointer, "/cors/allow_origins/1"s);
    }

    // Class 16: exactly one ACAO, even when the mock or the upstream adds its own.
    void sendsExactlyOneAllowOrigin()
    {
        pc::Policy policy = pc::test::tutorialPolicy();
        policy.routes[0].mock.headers = {{"Access-Control-Allow-Origin", "*"},
                                         {"access-control-allow-credentials", "true"}};
        auto compiled = pc::test::compileOrDie(policy);
        pc::RateLimitStore store;
        const pc::Decision allowed = compiled->evaluate(actual("https://app.example.com"), {}, store);
        QCOMPARE(pc::test::headerCount(allowed, "Access-Control-Allow-Origin"), 1);
        QCOMPARE(pc::test::header(allowed, "Access-Control-Allow-Origin").value_or(""), "https://app.example.com"s);
        QCOMPARE(pc::test::headerCount(allowed, "Access-Control-Allow-Credentials"), 1);
        const pc::Decision denied = compiled->evaluate(actual("https://evil.com"), {}, store);
        QVERIFY(!hasAnyCorsHeader(denied));

        const pc::Decision pending = compiled->evaluate(actual("https://evil.com", "/files/a.txt"), {}, store);
        QVERIFY(pending.forward);
        const pc::Decision upstream = compiled->completeUpstream(
            pending, 200, {{"Content-Type", "text/plain"}, {"Access-Control-Allow-Origin", "https://evil.com"}}, "hi");
        QVERIFY(!hasAnyCorsHeader(upstream));
        QCOMPARE(pc::test::header(upstream, "Vary").value_or(""), "Origin"s);
    }

    void answersAllowedActualRequest()
    {
        const pc::Decision d = run(actual("https://app.example.com"));
        QCOMPARE(d.status, 200);
        QCOMPARE(
            pc::test::headersStartingWith(d, "Access-Control-", true),
            (Lines{"Access-Control-Allow-Origin: https://app.example.com", "Access-Control-Allow-Credentials: true",
                   "Access-Control-Expose-Headers: X-Request-Id", "Vary: Origin"}));
        const pc::TraceStep* step = pc::test::traceStep(d, "cors");
        QCOMPARE(step->verdict, "pass"s);
        QCOMPARE(step->where, "/cors/allow_origins/0"s);
    }

    void corsHeadersOnErrorAnswers_data()
    {
        QTest::addColumn<std::string>("method");
        QTest::addColumn<std::string>("target");
        QTest::addColumn<int>("status");
        QTest::newRow("404 from routing") << "GET"s
                                          << "/nowhere"s << 404;
        QTest::newRow("405 from routing") << "PATCH"s
                                          << "/api/data"s << 405;
        QTest::newRow("400 from routing") << "GET"s
                                          << "/files/%2e%2e/x"s << 400;
    }
    void corsHeadersOnErrorAnswers()
    {
        QFETCH(std::string, method);
        QFETCH(std::string, target);
        QFETCH(int, status);
        pc::HttpRequest r = actual("https://app.example.com", target);
        r.method = method;
        const pc::Decision d = run(r);
        QCOMPARE(d.status, status);
        QCOMPARE(pc::test::header(d, "Access-Control-Allow-Origin").value_or(""), "https://app.example.com"s);
        QCOMPARE(pc::test::header(d, "Vary").value_or(""), "Origin"s);
    }

    void noOriginStillVaries()
    {
        const pc::Decision d = run(pc::test::request("GET", "/api/data"));
        QVERIFY(!hasAnyCorsHeader(d));
        QCOMPARE(pc::test::header(d, "Vary").value_or(""), "Origin"s);
    }

    void wildcardWithoutCredentials()
    {
        pc::Policy policy = pc::test::tutorialPolicy();
        policy.cors->allowOrigins = {"*"};
        policy.cors->allowCredentials = false;
        auto compiled = pc::test::compileOrDie(policy);
        pc::RateLimitStore store;
        for (const std::string origin : {"https://anything.example", "null"}) {
            const pc::Decision d = compiled->evaluate(actual(origin), {}, store);
            QCOMPARE(pc::test::headersStartingWith(d, "Access-Control-", true),
                     (Lines{"Access-Control-Allow-Origin: *", "Access-Control-Expose-Headers: X-Request-Id"}));
        }
        // "send it on every response, CORS or not, and do not add Vary"
        const pc::Decision none = compiled->evaluate(pc::test::request("GET", "/api/data"), {}, store);
        QCOMPARE(pc::test::header(none, "Access-Control-Allow-Origin").value_or(""), "*"s);
        QVERIFY(!pc::test::header(none, "Vary"));
        const pc::Decision pre = compiled->evaluate(preflight("https://x.example", "PUT"), {}, store);
        QCOMPARE(pre.status, 204);
        QCOMPARE(pc::test::header(pre, "Access-Control-Allow-Origin").value_or(""), "*"s);
        QVERIFY(!pc::test::header(pre, "Access-Control-Allow-Credentials"));
        QVERIFY(!pc::test::header(pre, "Vary"));
    }

    void nullOnlyWhenListed()
    {
        pc::Policy policy = pc::test::tutorialPolicy();
        policy.cors->allowOrigins.push_back("null");
        auto compiled = pc::test::compileOrDie(policy);
        pc::RateLimitStore store;
        const pc::Decision d = compiled->evaluate(actual("null"), {}, store);
        QCOMPARE(pc::test::header(d, "Access-Control-Allow-Origin").value_or(""), "null"s);
        QCOMPARE(pc::test::traceStep(d, "cors")->where, "/cors/allow_origins/1"s);
    }

    void noCorsSection()
    {
        pc::Policy policy = pc::test::tutorialPolicy();
        policy.cors.reset();
        auto compiled = pc::test::compileOrDie(policy);
        pc::RateLimitStore store;
        const pc::Decision d = compiled->evaluate(actual("https://app.example.com"), {}, store);
        QVERIFY(!hasAnyCorsHeader(d));
        QVERIFY(!pc::test::header(d, "Vary"));
        QCOMPARE(pc::test::traceStep(d, "cors")->verdict, "skip"s);
        // Without CORS an OPTIONS preflight is just another request for routing.
        QCOMPARE(compiled->evaluate(preflight("https://app.example.com", "GET"), {}, store).status, 405);
    }

    // https://*.example.com matches exactly one extra label (like a TLS certificate wildcard).
    void matchesOriginPatterns_data()
    {
        QTest::addColumn<std::string>("origin");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("one label") << "https://a.example.com"s << true;
        QTest::newRow("label with digits and hyphen") << "https://app-2.example.com"s << true;
        QTest::newRow("two labels are not matched") << "https://a.b.example.com"s << false;
        QTest::newRow("apex") << "https://example.com"s << false;
        QTest::newRow("empty label") << "https://.example.com"s << false;
        QTest::newRow("prefix attack") << "https://example.com.evil.com"s << false;
        QTest::newRow("prefix attack with label") << "https://a.example.com.evil.com"s << false;
        QTest::newRow("suffix attack") << "https://evilexample.com"s << false;
        QTest::newRow("http scheme") << "http://a.example.com"s << false;
        QTest::newRow("other port") << "https://a.example.com:8443"s << false;
        QTest::newRow("upper case") << "https://A.example.com"s << false;
        QTest::newRow("underscore") << "https://a_b.example.com"s << false;
        QTest::newRow("leading hyphen") << "https://-a.example.com"s << false;
        QTest::newRow("trailing hyphen") << "https://a-.example.com"s << false;
        QTest::newRow("label too long") << "https://" + std::string(64, 'a') + ".example.com" << false;
        QTest::newRow("63-byte label") << "https://" + std::string(63, 'a') + ".example.com" << true;
        QTest::newRow("userinfo trick") << "https://evil.com@a.example.com"s << false;
        QTest::newRow("trailing slash") << "https://a.example.com/"s << false;
        for (const char* c : {"_", "%60", "`", "-", "\"", "{", "}", "+",   "^", "!", "~", ";", "|", "&",
                              "'", "(",   ")", "*", ",",  "$", "=", "%0b", ":", "/", "@", "#", "?"}) {
            QTest::newRow(("special character " + std::string(c) + " in the label").c_str())
                << "https://a" + std::string(c) + ".example.com" << false;
            QTest::newRow(("special character " + std::string(c) + " after the host").c_str())
                << "https://example.com" + std::string(c) + ".evil.com" << false;
        }
    }
    void matchesOriginPatterns()
    {
        QFETCH(std::string, origin);
        QFETCH(bool, allowed);
        auto matcher = pc::OriginMatcher::compile(patternCors(), "/cors");
        QVERIFY(matcher.ok());
        const auto hit = matcher->match(origin);
        QCOMPARE(hit.allowed(), allowed);
        if (allowed) {
            QCOMPARE(matcher->where(hit), "/cors/allow_origin_patterns/0"s);
        }
    }

    void patternWithPort()
    {
        pc::CorsPolicy cors = patternCors();
        cors.allowOriginPatterns = {"https://*.example.com:8443"};
        auto matcher = pc::OriginMatcher::compile(cors, "/cors");
        QVERIFY(matcher.ok());
        QVERIFY(matcher->match("https://a.example.com:8443").allowed());
        QVERIFY(!matcher->match("https://a.example.com").allowed());
        QVERIFY(!matcher->match("https://a.example.com:84430").allowed());
    }

    void refusesBadConfiguration_data()
    {
        QTest::addColumn<std::vector<std::string>>("origins");
        QTest::addColumn<std::vector<std::string>>("patterns");
        QTest::addColumn<std::string>("code");
        QTest::addColumn<std::string>("pointer");
        using V = std::vector<std::string>;
        QTest::newRow("trailing slash") << V{"https://app.example.com/"} << V{} << "cors-bad-origin"s
                                        << "/cors/allow_origins/0"s;
        QTest::newRow("path") << V{"https://a.com", "https://app.example.com/api"} << V{} << "cors-bad-origin"s
                              << "/cors/allow_origins/1"s;
        QTest::newRow("upper case") << V{"https://App.example.com"} << V{} << "cors-bad-origin"s
                                    << "/cors/allow_origins/0"s;
        QTest::newRow("default port") << V{"https://app.example.com:443"} << V{} << "cors-bad-origin"s
                                      << "/cors/allow_origins/0"s;
        QTest::newRow("no scheme") << V{"app.example.com"} << V{} << "cors-bad-origin"s
                                   << "/cors/allow_origins/0"s;
        QTest::newRow("pattern in exact list") << V{"https://*.example.com"} << V{} << "cors-bad-origin"s
                                               << "/cors/allow_origins/0"s;
        QTest::newRow("unicode host") << V{"https://bücher.example"} << V{} << "cors-bad-origin"s
                                      << "/cors/allow_origins/0"s;
        QTest::newRow("wildcard with credentials") << V{"*"} << V{} << "cors-wildcard-with-credentials"s
                                                   << "/cors/allow_origins/0"s;
        QTest::newRow("pattern on a TLD") << V{} << V{"https://*.com"} << "cors-bad-origin-pattern"s
                                          << "/cors/allow_origin_patterns/0"s;
        QTest::newRow("wildcard in the middle") << V{} << V{"https://a.*.example.com"} << "cors-bad-origin-pattern"s
                                                << "/cors/allow_origin_patterns/0"s;
        QTest::newRow("regex") << V{} << V{"https://.*\\.example\\.com"} << "cors-bad-origin-pattern"s
                               << "/cors/allow_origin_patterns/0"s;
        QTest::newRow("two wildcards") << V{} << V{"https://*.*.example.com"} << "cors-bad-origin-pattern"s
                                       << "/cors/allow_origin_patterns/0"s;
        QTest::newRow("pattern with path") << V{} << V{"https://*.example.com/"} << "cors-bad-origin-pattern"s
                                           << "/cors/allow_origin_patterns/0"s;
    }
    void refusesBadConfiguration()
    {
        QFETCH(std::vector<std::string>, origins);
        QFETCH(std::vector<std::string>, patterns);
        QFETCH(std::string, code);
        QFETCH(std::string, pointer);
        pc::Policy policy = pc::test::tutorialPolicy();
        policy.cors->allowOrigins = origins;
        policy.cors->allowOriginPatterns = patterns;
        auto compiled = pc::CompiledPolicy::compile(policy);
        QVERIFY(!compiled.ok());
        QCOMPARE(compiled.error().code, code);
        QCOMPARE(compiled.error().pointer, pointer);
    }
};

QTEST_GUILESS_MAIN(TestCorsOrigins)
#include "TestCorsOrigins.moc"
