// SPDX-License-Identifier: Apache-2.0
#include "engine/FieldFilter.h"
#include "engine/RateLimitStore.h"

#include "EngineTestSupport.h"
#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;
using Lines = std::vector<std::string>;

class TestResponseFilter final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void filtersJson_data()
    {
        QTest::addColumn<std::string>("input");
        QTest::addColumn<Lines>("allow");
        QTest::addColumn<std::string>("output");
        QTest::addColumn<Lines>("dropped");
        QTest::newRow("top-level fields")
            << R"({"data":1,"internal":2})"s << Lines{"data"} << R"({"data":1})"s << Lines{"internal"};
        QTest::newRow("whole subtree kept") << R"({"user":{"name":"a","email":"b"}})"s << Lines{"user"}
                                            << R"({"user":{"email":"b","name":"a"}})"s << Lines{};
        QTest::newRow("nested path") << R"({"user":{"name":"a","email":"b"},"token":"t"})"s << Lines{"user.name"}
                                     << R"({"user":{"name":"a"}})"s << Lines{"token", "user.email"};
        QTest::newRow("arrays entered transparently")
            << R"({"items":[{"id":1,"secret":"s"},{"id":2,"secret":"t"}]})"s << Lines{"items.id"}
            << R"({"items":[{"id":1},{"id":2}]})"s << Lines{"items.secret"};
        QTest::newRow("top-level array") << R"([{"id":1,"pw":"x"},{"id":2}])"s << Lines{"id"}
                                         << R"([{"id":1},{"id":2}])"s << Lines{"pw"};
        QTest::newRow("nested arrays") << R"({"m":[[{"a":1,"b":2}]]})"s << Lines{"m.a"} << R"({"m":[[{"a":1}]]})"s
                                       << Lines{"m.b"};
        QTest::newRow("scalar where an object was expected")
            << R"({"user":"ada","id":1})"s << Lines{"user.name", "id"} << R"({"id":1})"s << Lines{"user"};
        QTest::newRow("scalars in an array of objects")
            << R"({"items":[{"id":1},7]})"s << Lines{"items.id"} << R"({"items":[{"id":1}]})"s << Lines{"items[]"};
        QTest::newRow("shorter path wins")
            << R"({"u":{"a":1,"b":2}})"s << Lines{"u.a", "u"} << R"({"u":{"a":1,"b":2}})"s << Lines{};
        QTest::newRow("missing allowed field is fine")
            << R"({"a":1})"s << Lines{"a", "b.c"} << R"({"a":1})"s << Lines{};
        QTest::newRow("dropped names reported once")
            << R"([{"id":1,"pw":"x"},{"id":2,"pw":"y"}])"s << Lines{"id"} << R"([{"id":1},{"id":2}])"s << Lines{"pw"};
        QTest::newRow("keys with dots cannot be reached by paths")
            << R"({"a.b":1,"a":{"b":2}})"s << Lines{"a.b"} << R"({"a":{"b":2}})"s << Lines{"a.b"};
    }
    void filtersJson()
    {
        QFETCH(std::string, input);
        QFETCH(Lines, allow);
        QFETCH(std::string, output);
        QFETCH(Lines, dropped);
        auto filter = pc::FieldFilter::compile(allow, "/routes/0/response/allow_fields");
        QVERIFY(filter.ok());
        nlohmann::json value = nlohmann::json::parse(input);
        Lines got;
        QVERIFY(filter->apply(value, got));
        QCOMPARE(value.dump(), output);
        QCOMPARE(got, dropped);
    }

    void refusesBadPaths()
    {
        auto filter = pc::FieldFilter::compile({"ok", "", "a..b", ".a", "a."}, "/routes/3/response/allow_fields");
        QVERIFY(!filter.ok());
        QCOMPARE(pc::test::errorPointers(filter.errors()),
                 (Lines{"/routes/3/response/allow_fields/1", "/routes/3/response/allow_fields/2",
                        "/routes/3/response/allow_fields/3", "/routes/3/response/allow_fields/4"}));
    }

    void filtersMockAnswers()
    {
        auto compiled = pc::test::compileOrDie(pc::test::tutorialPolicy());
        pc::RateLimitStore store;
        const pc::Decision d = compiled->evaluate(pc::test::request("GET", "/users/1"), {}, store);
        QCOMPARE(d.status, 200);
        QCOMPARE(d.body, R"({"id":1,"name":"Ada","roles":[{"name":"admin"},{"name":"dev"}]})"s);
        QCOMPARE(pc::test::header(d, "Content-Length").value_or(""), std::to_string(d.body.size()));
        const pc::TraceStep* step = pc::test::traceStep(d, "response");
        QCOMPARE(step->verdict, "filter"s);
        QCOMPARE(step->where, "/routes/1/response/allow_fields"s);
        QCOMPARE(step->reason,
                 "Dropped the fields not in response.allow_fields: email, password_hash, roles.granted_by."s);
        QVERIFY(step->reason.find("ada@example.com") == std::string::npos); // names, never values
    }

    void filtersEchoAnswers()
    {
        pc::Policy policy = pc::test::tutorialPolicy();
        policy.routes[3].response.allowFields = {"body.username"};
        auto compiled = pc::test::compileOrDie(policy);
        pc::RateLimitStore store;
        const pc::Decision d =
            compiled->evaluate(pc::test::request("POST", "/users", {{"Content-Type", "application/json"}},
                                                 R"({"username":"ada","password":"hunter2"})"),
                               {}, store);
        QCOMPARE(d.body, R"({"body":{"username":"ada"}})"s);
        QVERIFY(pc::test::traceStep(d, "response")->reason.find("body.password") != std::string::npos);
    }

    void filtersUpstreamAnswers()
    {
        pc::Policy policy = pc::test::tutorialPolicy();
        policy.routes[5].response.allowFields = {"name"};
        auto compiled = pc::test::compileOrDie(policy);
        pc::RateLimitStore store;
        const pc::Decision pending = compiled->evaluate(pc::test::request("GET", "/files/a.json"), {}, store);
        QVERIFY(pending.forward);
        const pc::Decision d = compiled->completeUpstream(
            pending, 200,
            {{"Content-Type", "application/json"}, {"Content-Length", "37"}, {"Transfer-Encoding", "chunked"}},
            R"({"name":"a.json","owner":"root","x":1})");
        QCOMPARE(d.body, R"({"name":"a.json"})"s);
        QCOMPARE(pc::test::header(d, "Content-Length").value_or(""), "17"s);
        QVERIFY(!pc::test::header(d, "Transfer-Encoding"));
        QCOMPARE(pc::test::traceStep(d, "response")->reason,
                 "Dropped the fields not in response.allow_fields: owner, x."s);
    }

    void passesUntouched_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<std::string>("contentType");
        QTest::addColumn<std::string>("body");
        QTest::addColumn<std::string>("why");
        QTest::newRow("not JSON") << 200 << "text/html"s
                                  << "<p>secret</p>"s
                                  << "not JSON"s;
        QTest::newRow("invalid JSON") << 200 << "application/json"s
                                      << "{nope"s
                                      << "does not parse"s;
        QTest::newRow("error answer") << 404 << "application/json"s
                                      << R"({"detail":"Not Found"})"s
                                      << "Only successful answers"s;
        QTest::newRow("JSON scalar") << 200 << "application/json"s
                                     << R"("just text")"s
                                     << "neither an object"s;
        QTest::newRow("empty body") << 200 << "application/json"s
                                    << ""s
                                    << "no body"s;
    }
    void passesUntouched()
    {
        QFETCH(int, status);
        QFETCH(std::string, contentType);
        QFETCH(std::string, body);
        QFETCH(std::string, why);
        pc::Policy policy = pc::test::tutorialPolicy();
        policy.routes[5].response.allowFields = {"name"};
        auto compiled = pc::test::compileOrDie(policy);
        pc::RateLimitStore store;
        const pc::Decision pending = compiled->evaluate(pc::test::request("GET", "/files/x"), {}, store);
        const pc::Decision d = compiled->completeUpstream(pending, status, {{"Content-Type", contentType}}, body);
        QCOMPARE(d.body, body);
        const pc::TraceStep* step = pc::test::traceStep(d, "response");
        QCOMPARE(step->verdict, "skip"s);
        QVERIFY2(step->reason.find(why) != std::string::npos, step->reason.c_str());
    }

    void plusJsonMediaTypesAreJson()
    {
        pc::Policy policy = pc::test::tutorialPolicy();
        policy.routes[5].response.allowFields = {"a"};
        auto compiled = pc::test::compileOrDie(policy);
        pc::RateLimitStore store;
        const pc::Decision pending = compiled->evaluate(pc::test::request("GET", "/files/x"), {}, store);
        const pc::Decision d = compiled->completeUpstream(
            pending, 200, {{"content-type", "application/problem+json; charset=utf-8"}}, R"({"a":1,"b":2})");
        QCOMPARE(d.body, R"({"a":1})"s);
    }
};

QTEST_GUILESS_MAIN(TestResponseFilter)
#include "TestResponseFilter.moc"
