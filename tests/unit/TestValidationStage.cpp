// SPDX-License-Identifier: Apache-2.0
// ValidationStage answers exactly what FastAPI + Pydantic v2 answer: the
// expected bodies below are byte-for-byte FastAPI's (compact JSON, keys in
// type/loc/msg/input/ctx order, locations path -> query -> header -> body).
// Schemas: tests/data/validation/tutorial_schemas.json (the FastAPI-tutorial
// UserInput and friends).
#include "engine/ValidationStage.h"

#include "engine/RateLimitStore.h"
#include "engine/ValidationIssue.h"

#include "SchemaFixture.h"
#include "TestSupport.h"

#include <QTest>

#include <fstream>
#include <sstream>

using namespace std::string_literals;

namespace {

pc::Policy tutorialPolicy()
{
    std::ifstream in(pc::test::sourcePath("tests/data/validation/tutorial_schemas.json"));
    std::stringstream text;
    text << in.rdbuf();
    pc::Policy policy;
    policy.schemas = pc::test::schemasFromJson(text.str());
    pc::Route user;
    user.id = "update-user";
    user.methods = {"PUT"};
    user.path = "/users/{user_id:int}";
    user.request.body = "UserInput";
    user.request.query = "Filters";
    user.request.pathParams = "UserPath";
    user.request.headers = "Auth";
    pc::Route comment;
    comment.id = "comment";
    comment.methods = {"POST"};
    comment.path = "/comments";
    comment.request.body = "Comment";
    pc::Route health;
    health.id = "health";
    health.methods = {"GET"};
    health.path = "/health";
    policy.routes = {user, comment, health};
    return policy;
}

struct Run {
    std::optional<pc::StageAnswer> answer;
    nlohmann::json validated;
    std::vector<pc::TraceStep> trace;
};

Run runStage(const pc::ValidationStage& stage, const pc::Policy& policy, int route, const std::string& target,
             const std::string& headers, const std::string& body, const std::string& userId = "42")
{
    pc::HttpRequest request;
    request.method = route == 0 ? "PUT" : "POST";
    request.target = target;
    std::istringstream lines(headers);
    for (std::string line; std::getline(lines, line);) {
        const auto colon = line.find(':');
        if (colon != std::string::npos) {
            request.headers.push_back({line.substr(0, colon), line.substr(colon + 2)});
        }
    }
    request.body = body;
    pc::RateLimitStore store;
    pc::RequestContext ctx(request, pc::SystemTime{}, store);
    ctx.routeIndex = route;
    ctx.route = &policy.routes.at(static_cast<std::size_t>(route));
    if (route == 0) {
        ctx.pathParams = {{"user_id", userId}};
    }
    stage.run(ctx);
    return {ctx.answer, ctx.validated, ctx.trace};
}

const std::string kGoodHeaders = "X-Token: secret-token\nContent-Type: application/json";

} // namespace

class TestValidationStage final : public QObject {
    Q_OBJECT

private:
    pc::Policy m_policy = tutorialPolicy();
    std::unique_ptr<pc::ValidationStage> m_stage;

private Q_SLOTS:
    void initTestCase()
    {
        auto compiled = pc::ValidationStage::compile(m_policy);
        QVERIFY2(compiled.ok(), compiled.ok() ? "" : compiled.error().toString().c_str());
        m_stage = std::move(compiled).value();
        QCOMPARE(std::string(m_stage->name()), "validation"s);
    }

    void answers_data()
    {
        QTest::addColumn<int>("route");
        QTest::addColumn<std::string>("target");
        QTest::addColumn<std::string>("headers");
        QTest::addColumn<std::string>("body");
        QTest::addColumn<std::string>("userId");
        QTest::addColumn<int>("status");
        QTest::addColumn<std::string>("expected"); // the 422/400 body, or ctx.validated on success

        QTest::newRow("valid request: coerced, defaulted, validated by location")
            << 0 << "/users/42?tags=a&tags=b&q=hello+world"s << kGoodHeaders
            << R"({"username": "alice_1", "email": "alice@example.com", "age": "30"})"s
            << "42"s << 200
            << R"({"body":{"age":30,"email":"alice@example.com","username":"alice_1"},"headers":{"x_token":"secret-token"},"path":{"user_id":42},"query":{"limit":10,"q":"hello world","tags":["a","b"]}})"s;
        QTest::newRow("username too short")
            << 0 << "/users/42"s << kGoodHeaders << R"({"username": "ab", "email": "a@b.co"})"s
            << "42"s << 422
            << R"({"detail":[{"type":"string_too_short","loc":["body","username"],"msg":"String should have at least 3 characters","input":"ab","ctx":{"min_length":3}}]})"s;
        QTest::newRow("a'-- is refused, naming the field")
            << 0 << "/users/42"s << kGoodHeaders << R"({"username": "a'--", "email": "a@b.co"})"s
            << "42"s << 422
            << R"({"detail":[{"type":"string_pattern_mismatch","loc":["body","username"],"msg":"String should match pattern '^[a-zA-Z0-9_]+$'","input":"a'--","ctx":{"pattern":"^[a-zA-Z0-9_]+$"}}]})"s;
        QTest::newRow("deny list where no pattern guards the field")
            << 1 << "/comments"s
            << "Content-Type: application/json"s
            << R"({"text": "x -- y"})"s
            << ""s << 422
            << R"({"detail":[{"type":"string_denied_substring","loc":["body","text"],"msg":"String should not contain '--'","input":"x -- y","ctx":{"substring":"--"}}]})"s;
        QTest::newRow("missing body")
            << 0 << "/users/42"s << kGoodHeaders << ""s
            << "42"s << 422 << R"({"detail":[{"type":"missing","loc":["body"],"msg":"Field required","input":null}]})"s;
        QTest::newRow("JSON null body is a missing body")
            << 0 << "/users/42"s << kGoodHeaders << "null"s
            << "42"s << 422 << R"({"detail":[{"type":"missing","loc":["body"],"msg":"Field required","input":null}]})"s;
        QTest::newRow("malformed JSON: only the decode error, at a character offset")
            << 0 << "/users/0?limit=x"s
            << "Content-Type: application/json"s
            << R"({"username": })"s
            << "0"s << 422
            << R"({"detail":[{"type":"json_invalid","loc":["body",13],"msg":"JSON decode error","input":{},"ctx":{"error":"Expecting value"}}]})"s;
        QTest::newRow("trailing comma")
            << 1 << "/comments"s
            << ""s
            << R"({"text": "hi",})"s
            << ""s << 422
            << R"({"detail":[{"type":"json_invalid","loc":["body",14],"msg":"JSON decode error","input":{},"ctx":{"error":"Expecting property name enclosed in double quotes"}}]})"s;
        QTest::newRow("array instead of an object")
            << 1 << "/comments"s
            << "Content-Type: application/json"s
            << "[1, 2]"s
            << ""s << 422
            << R"({"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from","input":[1,2]}]})"s;
        QTest::newRow("text/plain body reaches the model as text")
            << 1 << "/comments"s
            << "Content-Type: text/plain"s
            << "hello"s
            << ""s << 422
            << R"({"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from","input":"hello"}]})"s;
        QTest::newRow("application/*+json is JSON") << 1 << "/comments"s
                                                    << "Content-Type: application/vnd.api+json; charset=utf-8"s
                                                    << R"({"text": "hi"})"s
                                                    << ""s << 200 << R"({"body":{"text":"hi"}})"s;
        QTest::newRow("no content type is JSON") << 1 << "/comments"s
                                                 << ""s
                                                 << R"({"text": "hi"})"s
                                                 << ""s << 200 << R"({"body":{"text":"hi"}})"s;
        QTest::newRow("every location, in FastAPI's order")
            << 0 << "/users/0?limit=500&active=maybe"s
            << "Content-Type: application/json"s
            << R"({"username": "bob_1", "email": "nope", "admin": true})"s
            << "0"s << 422
            << R"({"detail":[{"type":"greater_than","loc":["path","user_id"],"msg":"Input should be greater than 0","input":"0","ctx":{"gt":0}},{"type":"less_than_equal","loc":["query","limit"],"msg":"Input should be less than or equal to 100","input":"500","ctx":{"le":100}},{"type":"bool_parsing","loc":["query","active"],"msg":"Input should be a valid boolean, unable to interpret input","input":"maybe"},{"type":"missing","loc":["header","x-token"],"msg":"Field required","input":null},{"type":"string_pattern_mismatch","loc":["body","email"],"msg":"String should match pattern '^[\\w\\.-]+@[\\w\\.-]+\\.\\w+$'","input":"nope","ctx":{"pattern":"^[\\w\\.-]+@[\\w\\.-]+\\.\\w+$"}},{"type":"extra_forbidden","loc":["body","admin"],"msg":"Extra inputs are not permitted","input":true}]})"s;
        QTest::newRow("nested object and array indexes in loc")
            << 0 << "/users/42"s << kGoodHeaders
            << R"({"username": "carol", "email": "c@d.io", "tags": ["ok", "far too long"], "address": {"zip": "1"}})"s
            << "42"s << 422
            << R"({"detail":[{"type":"string_too_long","loc":["body","tags",1],"msg":"String should have at most 10 characters","input":"far too long","ctx":{"max_length":10}},{"type":"missing","loc":["body","address","street"],"msg":"Field required","input":{"zip":"1"}},{"type":"string_pattern_mismatch","loc":["body","address","zip"],"msg":"String should match pattern '^[0-9]{5}$'","input":"1","ctx":{"pattern":"^[0-9]{5}$"}}]})"s;
        QTest::newRow("integer from a non-numeric path segment")
            << 0 << "/users/abc"s << kGoodHeaders << R"({"username": "dave", "email": "d@e.fr"})"s
            << "abc"s << 422
            << R"({"detail":[{"type":"int_parsing","loc":["path","user_id"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"abc"}]})"s;
        QTest::newRow("a lone query key is an empty string")
            << 0 << "/users/42?active"s << kGoodHeaders << R"({"username": "erin", "email": "e@f.de"})"s
            << "42"s << 422
            << R"({"detail":[{"type":"bool_parsing","loc":["query","active"],"msg":"Input should be a valid boolean, unable to interpret input","input":""}]})"s;
        QTest::newRow("the last repeated scalar query value wins")
            << 0 << "/users/42?limit=500&limit=5&q=%E2%82%AC"s << kGoodHeaders
            << R"({"username": "erin", "email": "e@f.de"})"s
            << "42"s << 200
            << R"({"body":{"email":"e@f.de","username":"erin"},"headers":{"x_token":"secret-token"},"path":{"user_id":42},"query":{"limit":5,"q":"€"}})"s;
        QTest::newRow("header names: case-insensitive, '_' matches '-'")
            << 0 << "/users/42"s
            << "x-TOKEN: short\nContent-Type: application/json"s
            << R"({"username": "fred", "email": "f@g.nl"})"s
            << "42"s << 422
            << R"({"detail":[{"type":"string_too_short","loc":["header","x-token"],"msg":"String should have at least 8 characters","input":"short","ctx":{"min_length":8}}]})"s;
        QTest::newRow("body that is not UTF-8: FastAPI's 400")
            << 1 << "/comments"s
            << "Content-Type: application/json"s
            << "{\"text\": \"caf\xE9\"}"s
            << ""s << 400 << R"({"detail":"There was an error parsing the body"})"s;
        QTest::newRow("nesting beyond max_json_depth")
            << 1 << "/comments"s
            << ""s << std::string(40, '[') + std::string(40, ']') << ""s << 422
            << R"({"detail":[{"type":"json_invalid","loc":["body",32],"msg":"JSON decode error","input":{},"ctx":{"error":"Maximum nesting depth of 32 exceeded"}}]})"s;
        QTest::newRow("big integers are echoed exactly")
            << 0 << "/users/42"s << kGoodHeaders
            << R"({"username": "gina", "email": "g@h.it", "age": 123456789012345678901234567890})"s
            << "42"s << 422
            << R"({"detail":[{"type":"less_than_equal","loc":["body","age"],"msg":"Input should be less than or equal to 130","input":123456789012345678901234567890,"ctx":{"le":130}}]})"s;
        QTest::newRow("duplicate keys: the last value counts") << 1 << "/comments"s
                                                               << ""s
                                                               << R"({"text": "a -- b", "text": "fine"})"s
                                                               << ""s << 200 << R"({"body":{"text":"fine"}})"s;
    }
    void answers()
    {
        QFETCH(int, route);
        QFETCH(std::string, target);
        QFETCH(std::string, headers);
        QFETCH(std::string, body);
        QFETCH(std::string, userId);
        QFETCH(int, status);
        QFETCH(std::string, expected);
        const Run run = runStage(*m_stage, m_policy, route, target, headers, body, userId);
        QVERIFY(!run.trace.empty());
        QCOMPARE(run.trace.back().stage.str(), "validation"s);
        if (status == 200) {
            QVERIFY2(!run.answer, run.answer ? run.answer->body.c_str() : "");
            QCOMPARE(run.validated.dump(), expected);
            QCOMPARE(run.trace.back().verdict.str(), "pass"s);
            return;
        }
        QVERIFY(run.answer.has_value());
        QCOMPARE(run.answer->status, status);
        QCOMPARE(run.answer->body, expected);
        QCOMPARE(run.answer->headers.size(), size_t(1));
        QCOMPARE(run.answer->headers[0].name, "Content-Type"s);
        QCOMPARE(run.answer->headers[0].value, "application/json"s);
        QCOMPARE(run.trace.back().verdict.str(), "deny"s);
        QVERIFY(nlohmann::json::accept(run.answer->body));
    }

    void traceNamesSchemasAndPolicyLocations()
    {
        const Run ok = runStage(*m_stage, m_policy, 1, "/comments", "", R"({"text": "hi"})");
        QCOMPARE(ok.trace.back().reason, "Validated body (Comment)."s);
        QCOMPARE(ok.trace.back().where, "/routes/1/request"s);
        const Run bad = runStage(*m_stage, m_policy, 0, "/users/42", kGoodHeaders, R"({"username": "ab", "email": 1})");
        QCOMPARE(bad.trace.back().where, "/schemas/UserInput/fields/username/min_length"s);
        QCOMPARE(bad.trace.back().reason,
                 "2 validation errors: body.username string_too_short; body.email string_type."s);
        const Run skip = runStage(*m_stage, m_policy, 2, "/health", "", "");
        QCOMPARE(skip.trace.back().verdict.str(), "skip"s);
        QVERIFY(!skip.answer);
    }

    void pathBytesThatAreNotUtf8()
    {
        pc::Policy policy = tutorialPolicy();
        policy.schemas.push_back(pc::test::schemasFromJson(R"({"Slug": {"fields": {"user_id": {}}}})").front());
        policy.routes[0].request = {};
        policy.routes[0].request.pathParams = "Slug";
        auto stage = pc::ValidationStage::compile(policy);
        QVERIFY(stage.ok());
        const Run run = runStage(**stage, policy, 0, "/users/x", "", "", "caf\xE9");
        QVERIFY(run.answer);
        QCOMPARE(
            run.answer->body,
            R"({"detail":[{"type":"string_unicode","loc":["path","user_id"],"msg":"Input should be a valid string, unable to parse raw data as a unicode string","input":"caf�"}]})"s);
    }

    void compileErrors_data()
    {
        QTest::addColumn<std::string>("change");
        QTest::addColumn<std::string>("code");
        QTest::addColumn<std::string>("pointer");
        QTest::newRow("route names an unknown body schema") << "body"s
                                                            << "unknown-schema"s
                                                            << "/routes/1/request/body"s;
        QTest::newRow("object field in a query schema") << "query"s
                                                        << "unsupported-parameter-type"s
                                                        << "/schemas/UserInput/fields/address/type"s;
        QTest::newRow("path schema field missing from the template") << "path"s
                                                                     << "unknown-path-parameter"s
                                                                     << "/routes/1/request/path_params"s;
        QTest::newRow("schema error surfaces first") << "pattern"s
                                                     << "bad-pattern"s
                                                     << "/schemas/Comment/fields/text/pattern"s;
        QTest::newRow("max_json_depth below 1") << "depth"s
                                                << "bad-limit"s
                                                << "/limits/max_json_depth"s;
    }
    void compileErrors()
    {
        QFETCH(std::string, change);
        QFETCH(std::string, code);
        QFETCH(std::string, pointer);
        pc::Policy policy = tutorialPolicy();
        if (change == "body") {
            policy.routes[1].request.body = "Missing";
        } else if (change == "query") {
            policy.routes[1].request.query = "UserInput";
        } else if (change == "path") {
            policy.routes[1].request.pathParams = "UserPath";
        } else if (change == "pattern") {
            policy.schemas[2].fields[0].pattern = "(a)\\1";
        } else if (change == "depth") {
            policy.limits.maxJsonDepth = 0;
        }
        const auto result = pc::ValidationStage::compile(policy);
        QVERIFY(!result.ok());
        bool found = false;
        for (const pc::Error& e : result.errors()) {
            found = found || (e.code == code && e.pointer == pointer);
        }
        QVERIFY2(found, result.error().toString().c_str());
    }
};

QTEST_GUILESS_MAIN(TestValidationStage)
#include "TestValidationStage.moc"
