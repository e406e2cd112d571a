// SPDX-License-Identifier: Apache-2.0
#include "engine/RateLimitStore.h"
#include "engine/Router.h"
#include "engine/UrlPath.h"

#include "EngineTestSupport.h"
#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;

namespace {

pc::Route route(std::string id, std::vector<std::string> methods, std::string path)
{
    pc::Route r;
    r.id = std::move(id);
    r.methods = std::move(methods);
    r.path = std::move(path);
    return r;
}

// "route-id" when found, "404", or "405 <Allow>".
std::string outcome(const std::vector<pc::Route>& routes, const pc::Router& router, const std::string& method,
                    const std::string& path, std::string* params = nullptr)
{
    pc::PathTemplate::Params captured;
    const pc::Router::Match match = router.match(method, path, &captured);
    if (params) {
        params->clear();
        for (const auto& [name, value] : captured) {
            *params += (params->empty() ? "" : ",") + name + "=" + value;
        }
    }
    switch (match.outcome) {
    case pc::Router::Match::Outcome::Found:
        return routes[static_cast<size_t>(match.routeIndex)].id;
    case pc::Router::Match::Outcome::NotFound:
        return "404";
    case pc::Router::Match::Outcome::MethodNotAllowed:
        return "405 " + match.allow;
    }
    return "?";
}

} // namespace

class TestRouter final : public QObject {
    Q_OBJECT

private:
    std::vector<pc::Route> m_routes{
        route("users-path", {"GET"}, "/users/{rest:path}"), // declared first, ranks last
        route("user-by-name", {"GET"}, "/users/{name}"),
        route("user-by-id", {"GET", "PUT"}, "/users/{id:int}"),
        route("user-me", {"GET"}, "/users/me"),
        route("user-delete", {"DELETE"}, "/users/{name}"),
        route("price", {"GET"}, "/prices/{value:float}"),
        route("item", {"GET"}, "/items/{id:uuid}"),
        route("root", {"GET"}, "/"),
        route("first-tie", {"GET"}, "/a/{x:int}/b"),
        route("second-tie", {"GET"}, "/a/{y:float}/b"),
        route("deep-static", {"GET"}, "/mix/{a}/c"),
        route("shallow-static", {"GET"}, "/{b}/one/c"),
        route("trailing", {"POST"}, "/forms/"),
        route("report", {"REPORT"}, "/reports"),
    };

private Q_SLOTS:
    void matchesWithPrecedence_data()
    {
        QTest::addColumn<std::string>("method");
        QTest::addColumn<std::string>("path");
        QTest::addColumn<std::string>("expected");
        QTest::addColumn<std::string>("params");
        QTest::newRow("static beats typed and str") << "GET"s
                                                    << "/users/me"s
                                                    << "user-me"s
                                                    << ""s;
        QTest::newRow("typed beats str") << "GET"s
                                         << "/users/42"s
                                         << "user-by-id"s
                                         << "id=42"s;
        QTest::newRow("str beats path wildcard") << "GET"s
                                                 << "/users/ada"s
                                                 << "user-by-name"s
                                                 << "name=ada"s;
        QTest::newRow("path wildcard takes the rest") << "GET"s
                                                      << "/users/ada/photos/1"s
                                                      << "users-path"s
                                                      << "rest=ada/photos/1"s;
        QTest::newRow("path wildcard may be empty") << "GET"s
                                                    << "/users/"s
                                                    << "users-path"s
                                                    << "rest="s;
        QTest::newRow("no segment for the wildcard") << "GET"s
                                                     << "/users"s
                                                     << "404"s
                                                     << ""s;
        QTest::newRow("method picks among same path") << "DELETE"s
                                                      << "/users/42"s
                                                      << "user-delete"s
                                                      << "name=42"s;
        QTest::newRow("PUT only on the typed route") << "PUT"s
                                                     << "/users/42"s
                                                     << "user-by-id"s
                                                     << "id=42"s;
        QTest::newRow("float converter") << "GET"s
                                         << "/prices/9.99"s
                                         << "price"s
                                         << "value=9.99"s;
        QTest::newRow("float without fraction") << "GET"s
                                                << "/prices/10"s
                                                << "price"s
                                                << "value=10"s;
        QTest::newRow("float refuses a sign") << "GET"s
                                              << "/prices/-1"s
                                              << "404"s
                                              << ""s;
        QTest::newRow("float refuses a bare dot") << "GET"s
                                                  << "/prices/1."s
                                                  << "404"s
                                                  << ""s;
        QTest::newRow("uuid lower case") << "GET"s
                                         << "/items/123e4567-e89b-12d3-a456-426614174000"s
                                         << "item"s
                                         << "id=123e4567-e89b-12d3-a456-426614174000"s;
        QTest::newRow("uuid upper case is not Starlette's uuid") << "GET"s
                                                                 << "/items/123E4567-E89B-12D3-A456-426614174000"s
                                                                 << "404"s
                                                                 << ""s;
        QTest::newRow("root") << "GET"s
                              << "/"s
                              << "root"s
                              << ""s;
        QTest::newRow("equal ranks keep declaration order") << "GET"s
                                                            << "/a/7/b"s
                                                            << "first-tie"s
                                                            << "x=7"s;
        QTest::newRow("second tie still reachable") << "GET"s
                                                    << "/a/7.5/b"s
                                                    << "second-tie"s
                                                    << "y=7.5"s;
        QTest::newRow("earlier segment decides precedence") << "GET"s
                                                            << "/mix/one/c"s
                                                            << "deep-static"s
                                                            << "a=one"s;
        QTest::newRow("trailing slash is part of the path") << "POST"s
                                                            << "/forms/"s
                                                            << "trailing"s
                                                            << ""s;
        QTest::newRow("no trailing slash, no match") << "POST"s
                                                     << "/forms"s
                                                     << "404"s
                                                     << ""s;
        QTest::newRow("extension method") << "REPORT"s
                                          << "/reports"s
                                          << "report"s
                                          << ""s;
        QTest::newRow("HEAD served by GET") << "HEAD"s
                                            << "/users/me"s
                                            << "user-me"s
                                            << ""s;
        QTest::newRow("unknown path") << "GET"s
                                      << "/nowhere"s
                                      << "404"s
                                      << ""s;
        QTest::newRow("405 lists every matching route, HEAD with GET") << "PATCH"s
                                                                       << "/users/42"s
                                                                       << "405 DELETE, GET, HEAD, PUT"s
                                                                       << ""s;
        QTest::newRow("methods are case-sensitive") << "get"s
                                                    << "/users/me"s
                                                    << "405 DELETE, GET, HEAD"s
                                                    << ""s;
        QTest::newRow("405 on a single route") << "GET"s
                                               << "/reports"s
                                               << "405 REPORT"s
                                               << ""s;
    }
    void matchesWithPrecedence()
    {
        QFETCH(std::string, method);
        QFETCH(std::string, path);
        QFETCH(std::string, expected);
        QFETCH(std::string, params);
        auto router = pc::Router::compile(m_routes);
        QVERIFY(router.ok());
        std::string got;
        QCOMPARE(outcome(m_routes, router.value(), method, path, &got), expected);
        QCOMPARE(got, params);
    }

    void precedenceOrderIsDocumented()
    {
        auto router = pc::Router::compile(m_routes);
        QVERIFY(router.ok());
        const std::vector<int> order = router->precedence();
        const auto pos = [&](int index) { return std::find(order.begin(), order.end(), index) - order.begin(); };
        QVERIFY(pos(3) < pos(2)); // /users/me before /users/{id:int}
        QVERIFY(pos(2) < pos(1)); // typed before str
        QVERIFY(pos(1) < pos(0)); // str before path
        QVERIFY(pos(8) < pos(9)); // tie: declaration order
    }

    void refusesBadRoutes_data()
    {
        QTest::addColumn<std::vector<pc::Route>>("routes");
        QTest::addColumn<std::string>("code");
        QTest::addColumn<std::string>("pointer");
        const auto one = [](std::string path, std::vector<std::string> methods = {"GET"}) {
            return std::vector<pc::Route>{route("r", std::move(methods), std::move(path))};
        };
        QTest::newRow("relative path") << one("users") << "route-bad-path"s
                                       << "/routes/0/path"s;
        QTest::newRow("query in template") << one("/users?x=1") << "route-bad-path"s
                                           << "/routes/0/path"s;
        QTest::newRow("escape in template") << one("/a%20b") << "route-bad-path"s
                                            << "/routes/0/path"s;
        QTest::newRow("dot segment") << one("/a/../b") << "route-bad-path"s
                                     << "/routes/0/path"s;
        QTest::newRow("unknown converter") << one("/users/{id:integer}") << "route-unknown-converter"s
                                           << "/routes/0/path"s;
        QTest::newRow("text around parameter") << one("/files/{name}.txt") << "route-partial-segment"s
                                               << "/routes/0/path"s;
        QTest::newRow("unclosed brace") << one("/users/{id") << "route-partial-segment"s
                                        << "/routes/0/path"s;
        QTest::newRow("stray closing brace") << one("/users/id}") << "route-partial-segment"s
                                             << "/routes/0/path"s;
        QTest::newRow("path converter not last") << one("/files/{rest:path}/raw") << "route-path-not-last"s
                                                 << "/routes/0/path"s;
        QTest::newRow("duplicate parameter") << one("/a/{id}/b/{id}") << "route-duplicate-parameter"s
                                             << "/routes/0/path"s;
        QTest::newRow("bad parameter name") << one("/a/{1st}") << "route-bad-parameter"s
                                            << "/routes/0/path"s;
        QTest::newRow("empty parameter name") << one("/a/{}") << "route-bad-parameter"s
                                              << "/routes/0/path"s;
        QTest::newRow("no methods") << one("/a", {}) << "route-no-methods"s
                                    << "/routes/0/methods"s;
        QTest::newRow("lower-case method") << one("/a", {"GET", "patch"}) << "route-lowercase-method"s
                                           << "/routes/0/methods/1"s;
        QTest::newRow("method with a space") << one("/a", {"GE T"}) << "route-bad-method"s
                                             << "/routes/0/methods/0"s;
        QTest::newRow("same shape, same method")
            << std::vector<pc::Route>{route("a", {"GET"}, "/u/{id}"), route("b", {"GET", "POST"}, "/u/{name}")}
            << "route-ambiguous"s
            << "/routes/1/path"s;
        QTest::newRow("GET shadows a later HEAD")
            << std::vector<pc::Route>{route("a", {"GET"}, "/u"), route("b", {"HEAD"}, "/u")} << "route-ambiguous"s
            << "/routes/1/path"s;
        QTest::newRow("duplicate id") << std::vector<pc::Route>{route("a", {"GET"}, "/u"), route("a", {"POST"}, "/u")}
                                      << "route-duplicate-id"s
                                      << "/routes/1/id"s;
    }
    void refusesBadRoutes()
    {
        QFETCH(std::vector<pc::Route>, routes);
        QFETCH(std::string, code);
        QFETCH(std::string, pointer);
        auto router = pc::Router::compile(routes);
        QVERIFY(!router.ok());
        QCOMPARE(router.error().code, code);
        QCOMPARE(router.error().pointer, pointer);
        QVERIFY(!router.error().hint.empty());
    }

    void acceptsDistinctShapes()
    {
        // An explicit HEAD declared before GET is a legitimate override; float after int is reachable.
        const std::vector<pc::Route> routes{route("h", {"HEAD"}, "/u"), route("g", {"GET"}, "/u"),
                                            route("i", {"GET"}, "/n/{x:int}"), route("f", {"GET"}, "/n/{x:float}")};
        auto router = pc::Router::compile(routes);
        QVERIFY(router.ok());
        QCOMPARE(outcome(routes, router.value(), "HEAD", "/u"), "h"s);
        QCOMPARE(outcome(routes, router.value(), "GET", "/u"), "g"s);
    }

    void decodesPaths_data()
    {
        QTest::addColumn<std::string>("raw");
        QTest::addColumn<std::string>("decoded"); // or the problem
        QTest::newRow("plain") << "/users/ada"s
                               << "/users/ada"s;
        QTest::newRow("escaped letters") << "/users/%41da"s
                                         << "/users/Ada"s;
        QTest::newRow("escaped space") << "/a%20b"s
                                       << "/a b"s;
        QTest::newRow("escaped slash splits segments, as in Starlette") << "/files/a%2Fb"s
                                                                        << "/files/a/b"s;
        QTest::newRow("utf-8") << "/caf%C3%A9"s
                               << "/café"s;
        QTest::newRow("literal dot-dot") << "/files/../admin"s
                                         << "dot"s;
        QTest::newRow("literal dot") << "/files/./x"s
                                     << "dot"s;
        QTest::newRow("escaped dot-dot") << "/files/%2e%2e/admin"s
                                         << "dot"s;
        QTest::newRow("mixed escape dot-dot") << "/files/.%2E/admin"s
                                              << "dot"s;
        QTest::newRow("dot-dot with escaped slash") << "/files/..%2fadmin"s
                                                    << "dot"s;
        QTest::newRow("dot-dot with backslash") << "/files/..%5Cadmin"s
                                                << "dot"s;
        QTest::newRow("trailing dot-dot") << "/files/.."s
                                          << "dot"s;
        QTest::newRow("dots inside a name are fine") << "/files/a..b"s
                                                     << "/files/a..b"s;
        QTest::newRow("servlet path parameter after dot-dot") << "/files/..;/admin"s
                                                              << "dot"s;
        QTest::newRow("escaped path parameter after dot-dot") << "/files/..%3Bx/admin"s
                                                              << "dot"s;
        QTest::newRow("semicolon elsewhere is fine") << "/files/a;v=1"s
                                                     << "/files/a;v=1"s;
        QTest::newRow("overlong dot") << "/files/%C0%AE%C0%AE/admin"s
                                      << "utf8"s;
        QTest::newRow("overlong slash") << "/files/..%C0%AFadmin"s
                                        << "utf8"s;
        QTest::newRow("stray byte") << "/caf%E9"s
                                    << "utf8"s;
        QTest::newRow("surrogate") << "/a%ED%A0%80"s
                                   << "utf8"s;
        QTest::newRow("truncated sequence") << "/a%F0%9F%98"s
                                            << "utf8"s;
        QTest::newRow("four-byte sequence") << "/a%F0%9F%98%80"s
                                            << "/a\xF0\x9F\x98\x80"s;
        QTest::newRow("raw non-UTF-8 byte") << "/caf\xE9"s
                                            << "utf8"s;
        QTest::newRow("bad escape") << "/a%zz"s
                                    << "escape"s;
        QTest::newRow("truncated escape") << "/a%4"s
                                          << "escape"s;
        QTest::newRow("NUL") << "/a%00b"s
                             << "nul"s;
        QTest::newRow("not origin-form") << "*"s
                                         << "form"s;
    }
    void decodesPaths()
    {
        QFETCH(std::string, raw);
        QFETCH(std::string, decoded);
        std::string out;
        const pc::UrlPath::Problem problem = pc::UrlPath::decode(raw, out);
        switch (problem) {
        case pc::UrlPath::Problem::None:
            QCOMPARE(out, decoded);
            break;
        case pc::UrlPath::Problem::DotSegment:
            QCOMPARE("dot"s, decoded);
            break;
        case pc::UrlPath::Problem::BadEscape:
            QCOMPARE("escape"s, decoded);
            break;
        case pc::UrlPath::Problem::NulByte:
            QCOMPARE("nul"s, decoded);
            break;
        case pc::UrlPath::Problem::NotOriginForm:
            QCOMPARE("form"s, decoded);
            break;
        case pc::UrlPath::Problem::BadUtf8:
            QCOMPARE("utf8"s, decoded);
            break;
        }
    }

    void routingStageAnswers_data()
    {
        QTest::addColumn<std::string>("method");
        QTest::addColumn<std::string>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<std::string>("body");
        QTest::addColumn<std::string>("allow");
        QTest::addColumn<std::string>("where");
        QTest::newRow("found") << "GET"s
                               << "/users/me?x=1"s << 200 << R"({"id":0,"name":"me"})"s
                               << ""s
                               << "/routes/2"s;
        QTest::newRow("percent-decoded match") << "GET"s
                                               << "/users/%6De"s << 200 << R"({"id":0,"name":"me"})"s
                                               << ""s
                                               << "/routes/2"s;
        QTest::newRow("404") << "GET"s
                             << "/nothing"s << 404 << R"({"detail":"Not Found"})"s
                             << ""s
                             << "/routes"s;
        QTest::newRow("405 with Allow") << "POST"s
                                        << "/api/data"s << 405 << R"({"detail":"Method Not Allowed"})"s
                                        << "GET, HEAD"s
                                        << "/routes/0/methods"s;
        QTest::newRow("405 merges routes of the path") << "PATCH"s
                                                       << "/users/7"s << 405 << R"({"detail":"Method Not Allowed"})"s
                                                       << "DELETE, GET, HEAD"s
                                                       << "/routes/1/methods"s;
        QTest::newRow("traversal never reaches another route")
            << "GET"s
            << "/files/..%2f..%2fusers/me"s << 400 << R"({"detail":"Bad Request"})"s
            << ""s
            << "/routes"s;
        QTest::newRow("escaped traversal") << "GET"s
                                           << "/files/%2E%2E/api/data"s << 400 << R"({"detail":"Bad Request"})"s
                                           << ""s
                                           << "/routes"s;
        QTest::newRow("malformed escape") << "GET"s
                                          << "/users/%G1"s << 400 << R"({"detail":"Bad Request"})"s
                                          << ""s
                                          << "/routes"s;
        QTest::newRow("non-preflight OPTIONS is routed") << "OPTIONS"s
                                                         << "/api/data"s << 405 << R"({"detail":"Method Not Allowed"})"s
                                                         << "GET, HEAD"s
                                                         << "/routes/0/methods"s;
    }
    void routingStageAnswers()
    {
        QFETCH(std::string, method);
        QFETCH(std::string, target);
        QFETCH(int, status);
        QFETCH(std::string, body);
        QFETCH(std::string, allow);
        QFETCH(std::string, where);
        pc::Policy policy = pc::test::tutorialPolicy();
        policy.routes[2].response.allowFields.clear();
        auto compiled = pc::test::compileOrDie(policy);
        pc::RateLimitStore store;
        const pc::Decision d = compiled->evaluate(pc::test::request(method, target), {}, store);
        QCOMPARE(d.status, status);
        QCOMPARE(d.body, body);
        QCOMPARE(pc::test::header(d, "Allow").value_or(""), allow);
        const pc::TraceStep* step = pc::test::traceStep(d, "routing");
        QVERIFY(step);
        QCOMPARE(step->where, where);
        QCOMPARE(pc::test::header(d, "X-Frame-Options").value_or(""), "DENY"s); // errors carry security headers
    }

    void headIsGetWithoutBody()
    {
        auto compiled = pc::test::compileOrDie(pc::test::tutorialPolicy());
        pc::RateLimitStore store;
        const pc::Decision get = compiled->evaluate(pc::test::request("GET", "/users/me"), {}, store);
        const pc::Decision head = compiled->evaluate(pc::test::request("HEAD", "/users/me"), {}, store);
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.empty());
        QVERIFY(!get.body.empty());
        QCOMPARE(pc::test::header(head, "Content-Length"), pc::test::header(get, "Content-Length"));
        QCOMPARE(head.routeIndex, 2);
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "TestRouter.moc"
