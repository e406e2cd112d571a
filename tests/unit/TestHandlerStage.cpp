// SPDX-License-Identifier: Apache-2.0
#include "engine/HandlerStage.h"
#include "engine/RateLimitStore.h"

#include "EngineTestSupport.h"
#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;

class TestHandlerStage final : public QObject {
    Q_OBJECT

private:
    pc::RateLimitStore m_store;

private Q_SLOTS:
    void answersWithMocks()
    {
        pc::Policy policy = pc::test::tutorialPolicy();
        policy.routes[6].mock.headers = {{"X-Request-Id", "abc"}, {"Location", "/upload/1"}};
        auto compiled = pc::test::compileOrDie(policy);
        const pc::Decision d = compiled->evaluate(
            pc::test::request("PUT", "/upload", {{"Content-Type", "text/plain"}}, "data"), {}, m_store);
        QCOMPARE(d.status, 201);
        QCOMPARE(d.body, R"({"stored":true})"s);
        QCOMPARE(pc::test::header(d, "Content-Type").value_or(""), "application/json"s);
        QCOMPARE(pc::test::header(d, "Location").value_or(""), "/upload/1"s);
        QCOMPARE(pc::test::header(d, "X-Request-Id").value_or(""), "abc"s);
        const pc::TraceStep* step = pc::test::traceStep(d, "handler");
        QCOMPARE(step->verdict, "answer"s);
        QCOMPARE(step->where, "/routes/6/mock"s);
    }

    void echoesTheRequest()
    {
        auto compiled = pc::test::compileOrDie(pc::test::tutorialPolicy());
        const pc::Decision d =
            compiled->evaluate(pc::test::request("POST", "/users?tag=a&tag=b%20c&q=x+y&flag",
                                                 {{"Content-Type", "application/json"},
                                                  {"Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.secret"},
                                                  {"Cookie", "session=s3cr3t"},
                                                  {"Proxy-Authorization", "Basic abc"},
                                                  {"X-API-Key", "k-123"},
                                                  {"X-Trace", "1"},
                                                  {"x-trace", "2"}},
                                                 R"({"username":"ada"})"),
                               {}, m_store);
        QCOMPARE(d.status, 200);
        QVERIFY(d.body.find("s3cr3t") == std::string::npos);
        QVERIFY(d.body.find("eyJ") == std::string::npos);
        QVERIFY(d.body.find("k-123") == std::string::npos);
        const nlohmann::json echo = nlohmann::json::parse(d.body);
        QCOMPARE(echo["method"].get<std::string>(), "POST"s);
        QCOMPARE(echo["path"].get<std::string>(), "/users"s);
        QCOMPARE(echo["query"].dump(), R"({"flag":"","q":"x y","tag":["a","b c"]})"s);
        QCOMPARE(echo["headers"]["authorization"].get<std::string>(), "[redacted]"s);
        QCOMPARE(echo["headers"]["cookie"].get<std::string>(), "[redacted]"s);
        QCOMPARE(echo["headers"]["proxy-authorization"].get<std::string>(), "[redacted]"s);
        QCOMPARE(echo["headers"]["x-api-key"].get<std::string>(), "[redacted]"s);
        QCOMPARE(echo["headers"]["x-trace"].get<std::string>(), "1, 2"s);
        QCOMPARE(echo["body"].dump(), R"({"username":"ada"})"s);
        QCOMPARE(pc::test::header(d, "Content-Length").value_or(""), std::to_string(d.body.size()));
    }

    void echoesTextBodiesAndPathParameters()
    {
        pc::Policy policy = pc::test::tutorialPolicy();
        policy.routes[1].handler = pc::RouteHandler::Echo;
        policy.routes[1].response.allowFields.clear();
        auto compiled = pc::test::compileOrDie(policy);
        const pc::Decision d = compiled->evaluate(pc::test::request("GET", "/users/42"), {}, m_store);
        const nlohmann::json echo = nlohmann::json::parse(d.body);
        QCOMPARE(echo["path_params"].dump(), R"({"id":"42"})"s);
        QVERIFY(!echo.contains("body"));

        const pc::Decision text = compiled->evaluate(
            pc::test::request("POST", "/users", {{"Content-Type", "application/json"}}, "not json \xff"), {}, m_store);
        QCOMPARE(text.status, 200);
        QVERIFY(nlohmann::json::parse(text.body)["body"].is_string()); // invalid UTF-8 replaced, never a throw
    }

    void echoesValidatedInput()
    {
        const pc::Policy policy = pc::test::tutorialPolicy();
        auto stage = pc::HandlerStage::compile(policy, {});
        QVERIFY(stage.ok());
        const pc::HttpRequest request = pc::test::request("POST", "/users");
        pc::RequestContext ctx(request, {}, m_store);
        ctx.routeIndex = 3;
        ctx.route = &policy.routes[3];
        ctx.validated = {{"body", {{"username", "ada"}}}, {"headers", {{"Authorization", "Bearer x"}, {"X-A", "1"}}}};
        stage.value()->run(ctx);
        QVERIFY(ctx.answer.has_value());
        QVERIFY(ctx.answer->json.has_value());
        QCOMPARE(ctx.answer->json->dump(),
                 R"({"body":{"username":"ada"},"headers":{"Authorization":"[redacted]","X-A":"1"}})"s);
    }

    void forwardsToTheUpstream_data()
    {
        QTest::addColumn<std::string>("routeUpstream");
        QTest::addColumn<std::string>("target");
        QTest::addColumn<std::string>("url");
        QTest::addColumn<std::string>("where");
        QTest::newRow("transport upstream") << ""s
                                            << "/files/a?x=1"s
                                            << "http://127.0.0.1:8000/files/a?x=1"s
                                            << "/transport/upstream"s;
        QTest::newRow("route upstream wins") << "https://files.internal:9443/base/"s
                                             << "/files/b"s
                                             << "https://files.internal:9443/base/files/b"s
                                             << "/routes/5/upstream"s;
    }
    void forwardsToTheUpstream()
    {
        QFETCH(std::string, routeUpstream);
        QFETCH(std::string, target);
        QFETCH(std::string, url);
        QFETCH(std::string, where);
        pc::Policy policy = pc::test::tutorialPolicy();
        policy.routes[5].upstream = routeUpstream;
        auto compiled = pc::test::compileOrDie(policy);
        const pc::Decision d = compiled->evaluate(pc::test::request("GET", target), {}, m_store);
        QVERIFY(d.forward);
        QCOMPARE(d.upstream, url);
        QCOMPARE(d.routeIndex, 5);
        QVERIFY(d.headers.empty());
        const pc::TraceStep* step = pc::test::traceStep(d, "handler");
        QCOMPARE(step->verdict, "forward"s);
        QCOMPARE(step->where, where);
    }

    void refusesBadHandlers_data()
    {
        QTest::addColumn<pc::Policy>("policy");
        QTest::addColumn<std::string>("code");
        QTest::addColumn<std::string>("pointer");
        pc::Policy none = pc::test::tutorialPolicy();
        none.transport.upstream.clear();
        QTest::newRow("no upstream anywhere") << none << "route-missing-upstream"s
                                              << "/routes/5/upstream"s;
        pc::Policy scheme = pc::test::tutorialPolicy();
        scheme.routes[5].upstream = "ftp://files";
        QTest::newRow("not http") << scheme << "bad-upstream"s
                                  << "/routes/5/upstream"s;
        pc::Policy creds = pc::test::tutorialPolicy();
        creds.transport.upstream = "http://user:pw@127.0.0.1:8000";
        QTest::newRow("credentials in the URL") << creds << "bad-upstream"s
                                                << "/transport/upstream"s;
        pc::Policy query = pc::test::tutorialPolicy();
        query.routes[5].upstream = "http://a/b?c=d";
        QTest::newRow("query in the URL") << query << "bad-upstream"s
                                          << "/routes/5/upstream"s;
        pc::Policy status = pc::test::tutorialPolicy();
        status.routes[0].mock.status = 99;
        QTest::newRow("mock status") << status << "mock-bad-status"s
                                     << "/routes/0/mock/status"s;
        pc::Policy header = pc::test::tutorialPolicy();
        header.routes[0].mock.headers = {{"Bad Name", "x"}};
        QTest::newRow("mock header") << header << "mock-bad-header"s
                                     << "/routes/0/mock/headers/Bad Name"s;
    }
    void refusesBadHandlers()
    {
        QFETCH(pc::Policy, policy);
        QFETCH(std::string, code);
        QFETCH(std::string, pointer);
        auto compiled = pc::CompiledPolicy::compile(policy);
        QVERIFY(!compiled.ok());
        QCOMPARE(compiled.error().code, code);
        QCOMPARE(compiled.error().pointer, pointer);
        QVERIFY(!compiled.error().hint.empty());
    }
};

QTEST_GUILESS_MAIN(TestHandlerStage)
#include "TestHandlerStage.moc"
