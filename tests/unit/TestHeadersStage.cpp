// SPDX-License-Identifier: Apache-2.0
#include "engine/HeadersStage.h"
#include "engine/RateLimitStore.h"

#include "EngineTestSupport.h"
#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;
using Lines = std::vector<std::string>;

namespace {

Lines lines(const std::vector<pc::HeaderField>& headers)
{
    Lines out;
    for (const pc::HeaderField& h : headers) {
        out.push_back(h.name + ": " + h.value);
    }
    return out;
}

pc::Policy headersPolicy()
{
    pc::Policy p = pc::test::tutorialPolicy();
    p.headers.hsts = pc::HstsPolicy{};
    p.routes[2].mock.headers = {{"server", "uvicorn"}, {"X-Frame-Options", "SAMEORIGIN"}, {"Vary", "Accept-Encoding"}};
    p.limits.maxBodyBytes = pc::ByteSize(16);
    return p;
}

} // namespace

class TestHeadersStage final : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<const pc::CompiledPolicy> m_policy;
    pc::RateLimitStore m_store;

private Q_SLOTS:
    void initTestCase() { m_policy = pc::test::compileOrDie(headersPolicy()); }

    void securityHeadersOnEveryAnswer_data()
    {
        QTest::addColumn<pc::HttpRequest>("request");
        QTest::addColumn<int>("status");
        using pc::test::request;
        QTest::newRow("200 mock") << request("GET", "/api/data") << 200;
        QTest::newRow("201 mock") << request("PUT", "/upload", {{"Content-Type", "text/plain"}}, "x") << 201;
        QTest::newRow("204 mock") << request("DELETE", "/users/3") << 204;
        QTest::newRow("echo") << request("POST", "/users") << 200;
        QTest::newRow("400") << request("GET", "/a/%2e%2e/b") << 400;
        QTest::newRow("404") << request("GET", "/missing") << 404;
        QTest::newRow("405") << request("DELETE", "/api/data") << 405;
        QTest::newRow("405 before the body is judged") << request("POST", "/upload", {}, std::string(100, 'x')) << 405;
        QTest::newRow("413 on a route") << request("PUT", "/upload", {{"Content-Type", "text/plain"}},
                                                   std::string(17, 'x'))
                                        << 413;
        QTest::newRow("414") << request("GET", "/" + std::string(9000, 'a')) << 414;
        QTest::newRow("415") << request("PUT", "/upload", {{"Content-Type", "image/png"}}, "x") << 415;
        QTest::newRow("431") << request("GET", "/api/data", {{"X", std::string(20000, 'x')}}) << 431;
        QTest::newRow("preflight 204") << request("OPTIONS", "/api/data",
                                                  {{"Origin", "https://app.example.com"},
                                                   {"Access-Control-Request-Method", "GET"}})
                                       << 204;
        QTest::newRow("preflight 403") << request("OPTIONS", "/api/data",
                                                  {{"Origin", "https://evil.com"},
                                                   {"Access-Control-Request-Method", "GET"}})
                                       << 403;
    }
    void securityHeadersOnEveryAnswer()
    {
        QFETCH(pc::HttpRequest, request);
        QFETCH(int, status);
        const pc::Decision d = m_policy->evaluate(request, {}, m_store);
        QCOMPARE(d.status, status);
        QCOMPARE(pc::test::header(d, "X-Content-Type-Options").value_or(""), "nosniff"s);
        QCOMPARE(pc::test::header(d, "X-Frame-Options").value_or(""), "DENY"s);
        QCOMPARE(pc::test::header(d, "Referrer-Policy").value_or(""), "no-referrer"s);
        QCOMPARE(pc::test::header(d, "Strict-Transport-Security").value_or(""), "max-age=31536000"s);
        for (const pc::HeaderField& h : d.headers) {
            QCOMPARE(pc::test::headerCount(d, h.name), 1); // merged without duplicates
        }
        if (status == 204) {
            QVERIFY(d.body.empty());
            QVERIFY(!pc::test::header(d, "Content-Length"));
        } else {
            QCOMPARE(pc::test::header(d, "Content-Length").value_or(""), std::to_string(d.body.size()));
            QCOMPARE(pc::test::header(d, "Content-Type").has_value(), !d.body.empty());
        }
        QVERIFY(pc::test::traceStep(d, "headers"));
    }

    void mergesAndStrips()
    {
        const pc::Decision d = m_policy->evaluate(
            pc::test::request("GET", "/users/me", {{"Origin", "https://app.example.com"}}), {}, m_store);
        QCOMPARE(lines(d.headers),
                 (Lines{"Content-Type: application/json", "Vary: Accept-Encoding, Origin", "Content-Length: 20",
                        "Access-Control-Allow-Origin: https://app.example.com",
                        "Access-Control-Allow-Credentials: true", "Access-Control-Expose-Headers: X-Request-Id",
                        "X-Content-Type-Options: nosniff", "X-Frame-Options: DENY", "Referrer-Policy: no-referrer",
                        "Strict-Transport-Security: max-age=31536000"}));
        std::vector<std::string> notes;
        for (const pc::TraceStep& s : d.trace) {
            if (s.stage == "headers") {
                notes.push_back(s.verdict.str() + " " + s.where);
            }
        }
        QCOMPARE(notes, (Lines{"set /headers/set", "set /headers/remove/0", "set /headers/set/X-Frame-Options"}));
    }

    void stripsUpstreamHeaders()
    {
        const pc::Decision pending = m_policy->evaluate(
            pc::test::request("GET", "/files/readme", {{"Origin", "https://app.example.com"}}), {}, m_store);
        QVERIFY(pending.forward);
        QCOMPARE(pending.status, 0);
        QCOMPARE(pending.upstream, "http://127.0.0.1:8000/files/readme"s);
        QCOMPARE(pc::test::header(pending.pendingHeaders, "Access-Control-Allow-Origin").value_or(""),
                 "https://app.example.com"s);
        const pc::Decision d = m_policy->completeUpstream(pending, 200,
                                                          {{"Content-Type", "text/plain"},
                                                           {"Content-Length", "5"},
                                                           {"SERVER", "nginx"},
                                                           {"x-powered-by", "PHP"},
                                                           {"Access-Control-Allow-Origin", "*"},
                                                           {"X-Frame-Options", "ALLOWALL"}},
                                                          "hello");
        QCOMPARE(lines(d.headers),
                 (Lines{"Content-Type: text/plain", "Content-Length: 5",
                        "Access-Control-Allow-Origin: https://app.example.com",
                        "Access-Control-Allow-Credentials: true", "Access-Control-Expose-Headers: X-Request-Id",
                        "Vary: Origin", "X-Content-Type-Options: nosniff", "X-Frame-Options: DENY",
                        "Referrer-Policy: no-referrer", "Strict-Transport-Security: max-age=31536000"}));
        QCOMPARE(d.body, "hello"s);
        QVERIFY(!d.forward);
        QCOMPARE(d.upstream, "http://127.0.0.1:8000/files/readme"s);
    }

    void upstreamHeadKeepsItsFraming()
    {
        const pc::Decision pending = m_policy->evaluate(pc::test::request("HEAD", "/files/big"), {}, m_store);
        const pc::Decision d = m_policy->completeUpstream(pending, 200, {{"Content-Length", "1000"}}, "");
        QCOMPARE(pc::test::header(d, "Content-Length").value_or(""), "1000"s);
    }

    void invalidUpstreamStatusIsBadGateway()
    {
        const pc::Decision pending = m_policy->evaluate(pc::test::request("GET", "/files/x"), {}, m_store);
        const pc::Decision d = m_policy->completeUpstream(pending, 42, {}, "junk");
        QCOMPARE(d.status, 502);
        QCOMPARE(d.body, R"({"detail":"Bad Gateway"})"s);
        QCOMPARE(pc::test::header(d, "Content-Length").value_or(""), std::to_string(d.body.size()));
    }

    void mergesVaryTokens()
    {
        std::vector<pc::HeaderField> headers{{"vary", "Accept-Encoding, origin"}};
        QVERIFY(!pc::HeadersStage::merge(headers, {"Vary", "Origin, Accept-Language"}));
        QCOMPARE(lines(headers), (Lines{"vary: Accept-Encoding, origin, Accept-Language"}));
        QVERIFY(pc::HeadersStage::merge(headers, {"X-A", "1"}) == false);
        QVERIFY(pc::HeadersStage::merge(headers, {"x-a", "2"}));
        QCOMPARE(lines(headers), (Lines{"vary: Accept-Encoding, origin, Accept-Language", "x-a: 2"}));
    }

    void mockContentTypes()
    {
        pc::Policy policy = pc::test::tutorialPolicy();
        policy.routes[2].mock.headers = {{"Content-Type", "text/plain; charset=utf-8"}};
        policy.routes[2].mock.body = "plain words";
        policy.routes[0].mock.body = nullptr;
        policy.routes[0].response.allowFields.clear();
        auto compiled = pc::test::compileOrDie(policy);
        const pc::Decision text = compiled->evaluate(pc::test::request("GET", "/users/me"), {}, m_store);
        QCOMPARE(text.body, "plain words"s);
        QCOMPARE(pc::test::header(text, "Content-Type").value_or(""), "text/plain; charset=utf-8"s);
        const pc::Decision empty = compiled->evaluate(pc::test::request("GET", "/api/data"), {}, m_store);
        QVERIFY(empty.body.empty());
        QVERIFY(!pc::test::header(empty, "Content-Type"));
        QCOMPARE(pc::test::header(empty, "Content-Length").value_or(""), "0"s);
    }

    void refusesBadHeaderPolicies_data()
    {
        QTest::addColumn<pc::Policy>("policy");
        QTest::addColumn<std::string>("code");
        QTest::addColumn<std::string>("pointer");
        pc::Policy length = pc::test::tutorialPolicy();
        length.headers.set.push_back({"Content-Length", "0"});
        QTest::newRow("framing header") << length << "header-not-settable"s
                                        << "/headers/set/Content-Length"s;
        pc::Policy cors = pc::test::tutorialPolicy();
        cors.headers.set.push_back({"Access-Control-Allow-Origin", "*"});
        QTest::newRow("CORS header") << cors << "header-owned-by-cors"s
                                     << "/headers/set/Access-Control-Allow-Origin"s;
        pc::Policy twice = pc::test::tutorialPolicy();
        twice.headers.set.push_back({"x-frame-options", "SAMEORIGIN"});
        QTest::newRow("set twice") << twice << "header-set-twice"s
                                   << "/headers/set/x-frame-options"s;
        pc::Policy builder = pc::test::tutorialPolicy();
        builder.headers.set.push_back({"Strict-Transport-Security", "max-age=1"});
        builder.headers.hsts = pc::HstsPolicy{};
        QTest::newRow("set and built") << builder << "header-set-twice"s
                                       << "/headers/hsts"s;
        pc::Policy injection = pc::test::tutorialPolicy();
        injection.headers.set.push_back({"X-A", "ok\r\nSet-Cookie: x=1"});
        QTest::newRow("line break in a value") << injection << "bad-header"s
                                               << "/headers/set/X-A"s;
        pc::Policy both = pc::test::tutorialPolicy();
        both.headers.remove.push_back("x-frame-options");
        QTest::newRow("set and removed") << both << "header-set-and-removed"s
                                         << "/headers/remove/2"s;
        pc::Policy badRemove = pc::test::tutorialPolicy();
        badRemove.headers.remove.push_back("Not A Name");
        QTest::newRow("bad name to remove") << badRemove << "bad-header"s
                                            << "/headers/remove/2"s;
        pc::Policy csp = pc::test::tutorialPolicy();
        csp.headers.csp = pc::CspPolicy{{{"script-src", {"self"}}}, false};
        QTest::newRow("invalid CSP") << csp << "csp-unquoted-keyword"s
                                     << "/headers/csp/directives/script-src/0"s;
        pc::Policy mock = pc::test::tutorialPolicy();
        mock.routes[2].mock.headers = {{"Content-Length", "3"}};
        QTest::newRow("mock framing header") << mock << "mock-framing-header"s
                                             << "/routes/2/mock/headers/Content-Length"s;
        pc::Policy mockBody = pc::test::tutorialPolicy();
        mockBody.routes[4].mock.body = {{"deleted", true}};
        QTest::newRow("body on a 204 mock") << mockBody << "mock-body-not-allowed"s
                                            << "/routes/4/mock/body"s;
    }
    void refusesBadHeaderPolicies()
    {
        QFETCH(pc::Policy, policy);
        QFETCH(std::string, code);
        QFETCH(std::string, pointer);
        auto compiled = pc::CompiledPolicy::compile(policy);
        QVERIFY(!compiled.ok());
        QCOMPARE(compiled.error().code, code);
        QCOMPARE(compiled.error().pointer, pointer);
    }
};

QTEST_GUILESS_MAIN(TestHeadersStage)
#include "TestHeadersStage.moc"
