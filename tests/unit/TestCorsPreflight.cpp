// SPDX-License-Identifier: Apache-2.0
// CORS preflights: when a browser sends one (the request-header safelist), how
// the stage answers or refuses it (methods, headers, private network, the denied
// status), and the preflight settings refused at compile time.
#include "engine/CompiledPolicy.h"
#include "engine/CorsSafelist.h"
#include "engine/CorsStage.h"
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

class TestCorsPreflight final : public QObject, private pc::test::CorsStageFixture {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { compileFixture(); }

    void answersAllowedPreflight_data()
    {
        QTest::addColumn<std::string>("method");
        QTest::addColumn<std::string>("requestHeaders");
        QTest::newRow("PUT with headers") << "PUT"s
                                          << "authorization,content-type"s;
        QTest::newRow("headers compare case-insensitively") << "DELETE"s
                                                            << "Authorization, CONTENT-TYPE"s;
        QTest::newRow("no request headers") << "GET"s
                                            << ""s;
        QTest::newRow("safelisted POST") << "POST"s
                                         << "content-type"s;
    }
    void answersAllowedPreflight()
    {
        QFETCH(std::string, method);
        QFETCH(std::string, requestHeaders);
        const pc::Decision d = run(preflight("https://app.example.com", method, requestHeaders));
        QCOMPARE(d.status, 204);
        QVERIFY(d.body.empty());
        QCOMPARE(
            pc::test::headersStartingWith(d, "Access-Control-", true),
            (Lines{"Access-Control-Allow-Origin: https://app.example.com", "Access-Control-Allow-Credentials: true",
                   "Access-Control-Allow-Methods: GET, POST, PUT, DELETE",
                   "Access-Control-Allow-Headers: Authorization, Content-Type", "Access-Control-Max-Age: 600",
                   "Vary: Origin"}));
        QVERIFY(!pc::test::header(d, "Content-Length")); // 204 has no content
        QVERIFY(!pc::test::header(d, "Content-Type"));
        QCOMPARE(pc::test::header(d, "X-Frame-Options").value_or(""), "DENY"s);
        // Never reaches auth or any later request stage: the trace ends with the response stages.
        QCOMPARE(pc::test::traceStages(d),
                 (Lines{"limits:pass", "routing:skip", "limits:skip", "cors:answer", "response:skip", "headers:set"}));
        QCOMPARE(pc::test::traceStep(d, "cors")->where, "/cors/allow_origins/0"s);
    }

    void preflightForAnyPath()
    {
        const pc::Decision d = run(preflight("https://app.example.com", "GET", "", "/not/a/route"));
        QCOMPARE(d.status, 204);
    }

    void refusesPreflights_data()
    {
        QTest::addColumn<std::string>("method");
        QTest::addColumn<std::string>("requestHeaders");
        QTest::addColumn<std::string>("detail");
        QTest::addColumn<std::string>("where");
        QTest::newRow("method not listed") << "PATCH"s
                                           << ""s
                                           << "Disallowed CORS method"s
                                           << "/cors/allow_methods"s;
        QTest::newRow("methods are case-sensitive") << "delete"s
                                                    << ""s
                                                    << "Disallowed CORS method"s
                                                    << "/cors/allow_methods"s;
        QTest::newRow("header not listed") << "PUT"s
                                           << "x-custom"s
                                           << "Disallowed CORS headers"s
                                           << "/cors/allow_headers"s;
        QTest::newRow("one bad header among good") << "PUT"s
                                                   << "authorization,x-custom"s
                                                   << "Disallowed CORS headers"s
                                                   << "/cors/allow_headers"s;
        QTest::newRow("method and header") << "PATCH"s
                                           << "x-custom"s
                                           << "Disallowed CORS method, headers"s
                                           << "/cors/allow_methods"s;
        QTest::newRow("empty method") << ""s
                                      << ""s
                                      << "Disallowed CORS method"s
                                      << "/cors/allow_methods"s;
    }
    void refusesPreflights()
    {
        QFETCH(std::string, method);
        QFETCH(std::string, requestHeaders);
        QFETCH(std::string, detail);
        QFETCH(std::string, where);
        const pc::Decision d = run(preflight("https://app.example.com", method, requestHeaders));
        QCOMPARE(d.status, 403);
        QVERIFY(!hasAnyCorsHeader(d));
        QCOMPARE(d.body, R"({"detail":")" + detail + R"("})");
        QCOMPARE(pc::test::traceStep(d, "cors")->where, where);
    }

    void wildcardHeadersNeverCoverAuthorization()
    {
        pc::Policy policy = pc::test::tutorialPolicy();
        policy.cors->allowHeaders = {"*"};
        policy.cors->allowMethods = {"*"};
        auto compiled = pc::test::compileOrDie(policy);
        pc::RateLimitStore store;
        const pc::Decision ok = compiled->evaluate(preflight("https://app.example.com", "PATCH", "x-a,x-b"), {}, store);
        QCOMPARE(ok.status, 204);
        QCOMPARE(pc::test::header(ok, "Access-Control-Allow-Methods").value_or(""), "PATCH"s);
        QCOMPARE(pc::test::header(ok, "Access-Control-Allow-Headers").value_or(""), "x-a, x-b"s);
        QCOMPARE(pc::test::header(ok, "Vary").value_or(""),
                 "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"s);
        const pc::Decision auth =
            compiled->evaluate(preflight("https://app.example.com", "GET", "authorization"), {}, store);
        QCOMPARE(auth.status, 403);
        QCOMPARE(auth.body, R"({"detail":"Disallowed CORS headers"})"s);

        policy.cors->allowHeaders = {"*", "Authorization"};
        compiled = pc::test::compileOrDie(policy);
        const pc::Decision named =
            compiled->evaluate(preflight("https://app.example.com", "GET", "authorization"), {}, store);
        QCOMPARE(named.status, 204);
    }

    void privateNetworkAccess()
    {
        pc::HttpRequest r = preflight("https://app.example.com", "GET");
        r.headers.push_back({"Access-Control-Request-Private-Network", "true"});
        const pc::Decision denied = run(r);
        QCOMPARE(denied.status, 403);
        QVERIFY(!hasAnyCorsHeader(denied));
        QCOMPARE(denied.body, R"({"detail":"Disallowed CORS private-network"})"s);
        QCOMPARE(pc::test::traceStep(denied, "cors")->where, "/cors/allow_private_network"s);

        pc::Policy policy = pc::test::tutorialPolicy();
        policy.cors->allowPrivateNetwork = true;
        auto compiled = pc::test::compileOrDie(policy);
        pc::RateLimitStore store;
        const pc::Decision allowed = compiled->evaluate(r, {}, store);
        QCOMPARE(allowed.status, 204);
        QCOMPARE(pc::test::header(allowed, "Access-Control-Allow-Private-Network").value_or(""), "true"s);
        const pc::Decision plain = compiled->evaluate(preflight("https://app.example.com", "GET"), {}, store);
        QVERIFY(!pc::test::header(plain, "Access-Control-Allow-Private-Network"));
    }

    void deniedPreflightStatusIsConfigurable()
    {
        pc::Policy policy = pc::test::tutorialPolicy();
        policy.cors->deniedPreflightStatus = 400;
        auto compiled = pc::test::compileOrDie(policy);
        pc::RateLimitStore store;
        QCOMPARE(compiled->evaluate(preflight("https://evil.com", "GET"), {}, store).status, 400);
        policy.cors->deniedPreflightStatus = 200;
        auto refused = pc::CompiledPolicy::compile(policy);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().pointer, "/cors/denied_preflight_status"s);
    }

    void refusesOtherBadSettings()
    {
        pc::Policy policy = pc::test::tutorialPolicy();
        policy.cors->allowMethods = {"GET", "BAD METHOD"};
        policy.cors->allowHeaders = {"X-Ok", "Bad:Header"};
        policy.cors->exposeHeaders = {"*"};
        policy.cors->maxAge = -1;
        auto compiled = pc::CompiledPolicy::compile(policy);
        QVERIFY(!compiled.ok());
        QCOMPARE(pc::test::errorPointers(compiled.errors()),
                 (Lines{"/cors/allow_methods/1", "/cors/allow_headers/1", "/cors/expose_headers/0", "/cors/max_age"}));
    }

    void safelistedRequestHeaders_data()
    {
        QTest::addColumn<std::string>("name");
        QTest::addColumn<std::string>("value");
        QTest::addColumn<bool>("safelisted");
        QTest::newRow("accept") << "Accept"s
                                << "application/json"s << true;
        QTest::newRow("accept with unsafe byte") << "Accept"s
                                                 << "text/html(x)"s << false;
        QTest::newRow("accept-language") << "Accept-Language"s
                                         << "en-GB,en;q=0.9"s << true;
        QTest::newRow("accept-language with slash") << "Accept-Language"s
                                                    << "en/GB"s << false;
        QTest::newRow("content-language") << "Content-Language"s
                                          << "de"s << true;
        QTest::newRow("form content type") << "Content-Type"s
                                           << "application/x-www-form-urlencoded"s << true;
        QTest::newRow("multipart content type") << "content-type"s
                                                << "multipart/form-data; boundary=x"s << true;
        QTest::newRow("text/plain with charset") << "Content-Type"s
                                                 << "TEXT/PLAIN; charset=utf-8"s << true;
        QTest::newRow("JSON content type") << "Content-Type"s
                                           << "application/json"s << false;
        QTest::newRow("content type with unsafe byte") << "Content-Type"s
                                                       << "text/plain; a=\"b\""s << false;
        QTest::newRow("value over 128 bytes") << "Accept"s << std::string(129, 'a') << false;
        QTest::newRow("value of 128 bytes") << "Accept"s << std::string(128, 'a') << true;
        QTest::newRow("simple range") << "Range"s
                                      << "bytes=0-99"s << true;
        QTest::newRow("open range") << "Range"s
                                    << "bytes=100-"s << true;
        QTest::newRow("multiple ranges") << "Range"s
                                         << "bytes=0-1,5-6"s << false;
        QTest::newRow("reversed range") << "Range"s
                                        << "bytes=9-1"s << false;
        QTest::newRow("suffix range") << "Range"s
                                      << "bytes=-5"s << false;
        QTest::newRow("authorization") << "Authorization"s
                                       << "Bearer x"s << false;
        QTest::newRow("custom header") << "X-Requested-With"s
                                       << "XMLHttpRequest"s << false;
    }
    void safelistedRequestHeaders()
    {
        QFETCH(std::string, name);
        QFETCH(std::string, value);
        QFETCH(bool, safelisted);
        QCOMPARE(pc::CorsSafelist::isSafelistedRequestHeader(name, value), safelisted);
    }

    void computesUnsafeHeaderNames()
    {
        pc::HttpRequest r = pc::test::request("POST", "/users",
                                              {{"Host", "api"},
                                               {"Origin", "https://app.example.com"},
                                               {"Content-Type", "application/json"},
                                               {"Authorization", "Bearer x"},
                                               {"Accept", "*/*"},
                                               {"Sec-Fetch-Mode", "cors"},
                                               {"User-Agent", "Mozilla/5.0"}});
        QCOMPARE(pc::CorsSafelist::unsafeRequestHeaderNames(r), (Lines{"authorization", "content-type"}));
        // Safelisted values above 1024 bytes in total all become unsafe.
        pc::HttpRequest big = pc::test::request("GET", "/", {});
        for (int i = 0; i < 9; ++i) {
            big.headers.push_back({i % 2 ? "Accept" : "Accept-Language", std::string(120, 'a')});
        }
        QCOMPARE(pc::CorsSafelist::unsafeRequestHeaderNames(big), (Lines{"accept", "accept-language"}));
        QVERIFY(pc::CorsSafelist::preflightReason(pc::test::request("GET", "/", {{"Accept", "*/*"}})).empty());
        QVERIFY(!pc::CorsSafelist::preflightReason(r).empty());
    }

    void browserControlledHeadersNeverNeedAPreflight()
    {
        for (const char* name : {"Accept-Charset",
                                 "accept-encoding",
                                 "Access-Control-Request-Headers",
                                 "Access-Control-Request-Method",
                                 "Connection",
                                 "Content-Length",
                                 "Cookie",
                                 "Cookie2",
                                 "Date",
                                 "DNT",
                                 "Expect",
                                 "Host",
                                 "Keep-Alive",
                                 "Origin",
                                 "Referer",
                                 "Set-Cookie",
                                 "TE",
                                 "Trailer",
                                 "Transfer-Encoding",
                                 "Upgrade",
                                 "Via",
                                 "User-Agent",
                                 "Priority",
                                 "Proxy-Authorization",
                                 "Sec-Fetch-Site"}) {
            const pc::HttpRequest r = pc::test::request("GET", "/", {{name, "x"}});
            QVERIFY2(pc::CorsSafelist::unsafeRequestHeaderNames(r).empty(), name);
        }
        QVERIFY(pc::CorsSafelist::isForbiddenRequestHeader("proxy-x"));
        QVERIFY(!pc::CorsSafelist::isForbiddenRequestHeader("x-proxy"));
        QCOMPARE(
            pc::CorsSafelist::unsafeRequestHeaderNames(pc::test::request("GET", "/", {{"Proxy", "x"}, {"Sec", "y"}})),
            (Lines{"proxy", "sec"}));
    }

    void traceNotesWhenABrowserWouldPreflight()
    {
        pc::HttpRequest r = actual("https://app.example.com", "/users");
        r.method = "POST";
        r.headers.push_back({"Content-Type", "application/json"});
        r.body = R"({"username":"ada"})";
        const pc::Decision d = run(r);
        const std::string& reason = pc::test::traceStep(d, "cors")->reason;
        QVERIFY2(reason.find("preflight") != std::string::npos, reason.c_str());
        QVERIFY(reason.find("content-type") != std::string::npos);
    }

    void detectsPreflights()
    {
        QVERIFY(pc::CorsStage::isPreflight(preflight("https://a.example", "GET")));
        QVERIFY(!pc::CorsStage::isPreflight(pc::test::request("OPTIONS", "/", {{"Origin", "https://a.example"}})));
        QVERIFY(!pc::CorsStage::isPreflight(
            pc::test::request("GET", "/", {{"Origin", "https://a"}, {"Access-Control-Request-Method", "GET"}})));
    }
};

QTEST_GUILESS_MAIN(TestCorsPreflight)
#include "TestCorsPreflight.moc"
