// SPDX-License-Identifier: Apache-2.0
#include "engine/CompiledPolicy.h"
#include "engine/DecisionFormatter.h"
#include "engine/RateLimitStore.h"

#include "EngineTestSupport.h"
#include "TestSupport.h"

#include <QTest>

#include <thread>

using namespace std::string_literals;
using Lines = std::vector<std::string>;

namespace {

std::string expectedSimpleGet()
{
    return "{\"status\":200,\"headers\":[[\"Content-Type\",\"application/json\"],[\"Content-Length\",\"18\"],"
           "[\"Access-Control-Allow-Origin\",\"https://app.example.com\"],"
           "[\"Access-Control-Allow-Credentials\",\"true\"],"
           "[\"Access-Control-Expose-Headers\",\"X-Request-Id\"],[\"Vary\",\"Origin\"],"
           "[\"X-Content-Type-Options\",\"nosniff\"],[\"X-Frame-Options\",\"DENY\"],"
           "[\"Referrer-Policy\",\"no-referrer\"]],\"body\":\"{\\\"data\\\":\\\"limited\\\"}\",";
}

} // namespace

class TestCompiledPolicy final : public QObject {
    Q_OBJECT

private:
    pc::RateLimitStore m_store;

    static std::vector<pc::HttpRequest> sampleRequests()
    {
        using pc::test::request;
        const pc::HeaderField origin{"Origin", "https://app.example.com"};
        return {
            request("GET", "/api/data", {origin}),
            request("GET", "/users/1", {{"Origin", "https://evil.com"}}),
            request("HEAD", "/users/me"),
            request("POST", "/users", {origin, {"Content-Type", "application/json"}, {"Authorization", "Bearer t"}},
                    R"({"username":"ada"})"),
            request("DELETE", "/users/9", {origin}),
            request("OPTIONS", "/users/9", {origin, {"Access-Control-Request-Method", "DELETE"}}),
            request("OPTIONS", "/users/9", {{"Origin", "null"}, {"Access-Control-Request-Method", "DELETE"}}),
            request("GET", "/files/%2e%2e/etc/passwd"),
            request("GET", "/files/report.pdf"),
            request("PATCH", "/api/data"),
            request("PUT", "/upload", {{"Content-Type", "image/png"}}, "png"),
            request("GET", "/" + std::string(10000, 'x')),
        };
    }

private Q_SLOTS:
    void runsStagesInPipelineOrder()
    {
        auto compiled = pc::test::compileOrDie(pc::test::tutorialPolicy());
        const std::vector<std::string_view> names = compiled->stageNames();
        QCOMPARE(Lines(names.begin(), names.end()), (Lines{"limits", "routing", "limits", "cors", "token", "rate_limit",
                                                           "auth", "validation", "handler", "response", "headers"}));
    }

    void evaluatesASimpleGet()
    {
        auto compiled = pc::test::compileOrDie(pc::test::tutorialPolicy());
        const pc::Decision d = compiled->evaluate(
            pc::test::request("GET", "/api/data", {{"Host", "api.example.com"}, {"Origin", "https://app.example.com"}}),
            {}, m_store);
        QCOMPARE(DecisionFormatter_json(d), expectedSimpleGet());
        Lines steps;
        for (const pc::TraceStep& s : d.trace) {
            steps.push_back(s.stage.str() + " " + s.verdict.str() + " " + s.where);
            QVERIFY2(!s.reason.empty() && s.reason.back() == '.', s.reason.c_str());
        }
        QCOMPARE(steps, (Lines{"limits pass /limits", "routing pass /routes/0", "limits pass /limits",
                               "cors pass /cors/allow_origins/0", "token skip ", "rate_limit skip /routes/0",
                               "auth skip /routes/0/auth", "validation skip /routes/0/request",
                               "handler answer /routes/0/mock", "response filter /routes/0/response/allow_fields",
                               "headers set /headers/set"}));
        QCOMPARE(d.routeIndex, 0);
        QVERIFY(!d.forward);
    }

    void collectsErrorsFromEveryStage()
    {
        pc::Policy policy = pc::test::tutorialPolicy();
        policy.routes[0].path = "/api/{bad";
        policy.routes[1].response.allowFields = {"a..b"};
        policy.routes[6].request.contentTypes = {"nope"};
        policy.cors->allowOrigins = {"https://app.example.com/"};
        policy.headers.set.push_back({"Content-Length", "1"});
        policy.transport.upstream.clear();
        policy.limits.maxHeaders = 0;
        auto compiled = pc::CompiledPolicy::compile(policy);
        QVERIFY(!compiled.ok());
        QCOMPARE(pc::test::errorPointers(compiled.errors()),
                 (Lines{"/limits/max_headers", "/routes/0/path", "/routes/6/request/content_types/0",
                        "/cors/allow_origins/0", "/routes/5/upstream", "/routes/1/response/allow_fields/0",
                        "/headers/set/Content-Length"}));
        for (const pc::Error& e : compiled.errors()) {
            QVERIFY2(!e.code.empty() && !e.message.empty() && e.message.back() == '.', e.message.c_str());
        }
    }

    void keepsItsOwnCopyOfThePolicy()
    {
        pc::Policy policy = pc::test::tutorialPolicy();
        auto compiled = pc::test::compileOrDie(policy);
        policy.routes.clear();
        policy.cors.reset();
        QCOMPARE(compiled->policy().routes.size(), size_t(7));
        const pc::Decision d = compiled->evaluate(pc::test::request("GET", "/users/me"), {}, m_store);
        QCOMPARE(d.status, 200);
        QCOMPARE(d.routeIndex, 2);
    }

    void answersThroughTheWholePipeline_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("status");
        QTest::addColumn<Lines>("stages");
        QTest::newRow("allowed CORS GET")
            << 0 << 200 << Lines{"limits:pass",    "routing:pass",    "limits:pass", "cors:pass",
                                 "token:skip",     "rate_limit:skip", "auth:skip",   "validation:skip",
                                 "handler:answer", "response:filter", "headers:set"};
        QTest::newRow("denied origin still answered")
            << 1 << 200 << Lines{"limits:pass",    "routing:pass",    "limits:pass", "cors:deny",
                                 "token:skip",     "rate_limit:skip", "auth:skip",   "validation:skip",
                                 "handler:answer", "response:filter", "headers:set"};
        QTest::newRow("preflight") << 5 << 204 << Lines{"limits:pass", "routing:skip",  "limits:skip",
                                                        "cors:answer", "response:skip", "headers:set"};
        QTest::newRow("denied preflight") << 6 << 403 << Lines{"limits:pass", "routing:skip",  "limits:skip",
                                                               "cors:deny",   "response:skip", "headers:set"};
        QTest::newRow("traversal") << 7 << 400
                                   << Lines{"limits:pass", "routing:deny", "cors:pass", "response:skip", "headers:set"};
        QTest::newRow("forward") << 8 << 0 << Lines{"limits:pass", "routing:pass",    "limits:pass",
                                                    "cors:pass",   "token:skip",      "rate_limit:skip",
                                                    "auth:skip",   "validation:skip", "handler:forward"};
        QTest::newRow("415 after routing") << 10 << 415 << Lines{"limits:pass", "routing:pass",  "limits:deny",
                                                                 "cors:pass",   "response:skip", "headers:set"};
        QTest::newRow("414 first") << 11 << 414 << Lines{"limits:deny", "cors:pass", "response:skip", "headers:set"};
    }
    void answersThroughTheWholePipeline()
    {
        QFETCH(int, index);
        QFETCH(int, status);
        QFETCH(Lines, stages);
        auto compiled = pc::test::compileOrDie(pc::test::tutorialPolicy());
        const pc::Decision d = compiled->evaluate(sampleRequests()[static_cast<size_t>(index)], {}, m_store);
        QCOMPARE(d.status, status);
        QCOMPARE(pc::test::traceStages(d), stages);
    }

    void boundsJsonNesting()
    {
        auto compiled = pc::test::compileOrDie(pc::test::tutorialPolicy());
        const std::string deep = std::string(100000, '[') + std::string(100000, ']');
        const pc::Decision echo =
            compiled->evaluate(pc::test::request("POST", "/users", {{"Content-Type", "application/json"}},
                                                 std::string(40, '[') + std::string(40, ']')),
                               {}, m_store);
        QCOMPARE(echo.status, 200);
        QVERIFY(nlohmann::json::parse(echo.body)["body"].is_string()); // deeper than limits.max_json_depth (32)

        pc::Policy policy = pc::test::tutorialPolicy();
        policy.routes[5].response.allowFields = {"a"};
        compiled = pc::test::compileOrDie(policy);
        const pc::Decision pending = compiled->evaluate(pc::test::request("GET", "/files/x"), {}, m_store);
        const pc::Decision d = compiled->completeUpstream(pending, 200, {{"Content-Type", "application/json"}}, deep);
        QCOMPARE(d.status, 502);
        QCOMPARE(pc::test::traceStep(d, "response")->verdict, "deny"s);
        QCOMPARE(pc::test::header(d, "X-Frame-Options").value_or(""), "DENY"s);
    }

    void completeUpstreamIgnoresFinishedDecisions()
    {
        auto compiled = pc::test::compileOrDie(pc::test::tutorialPolicy());
        const pc::Decision done = compiled->evaluate(pc::test::request("GET", "/users/me"), {}, m_store);
        const pc::Decision again = compiled->completeUpstream(done, 500, {}, "x");
        QCOMPARE(again.status, done.status);
        QCOMPARE(again.body, done.body);
    }

    // One CompiledPolicy, 8 threads, the same answers as a single thread gives.
    void evaluatesConcurrently()
    {
        auto compiled = pc::test::compileOrDie(pc::test::tutorialPolicy());
        const std::vector<pc::HttpRequest> requests = sampleRequests();
        std::vector<std::string> expected;
        for (const pc::HttpRequest& r : requests) {
            expected.push_back(pc::DecisionFormatter::json(compiled->evaluate(r, {}, m_store)));
        }
        constexpr int kThreads = 8;
        constexpr int kRounds = 200;
        std::vector<int> mismatches(kThreads, 0);
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int round = 0; round < kRounds; ++round) {
                    const size_t i = static_cast<size_t>(round + t) % requests.size();
                    if (pc::DecisionFormatter::json(compiled->evaluate(requests[i], {}, m_store)) != expected[i]) {
                        ++mismatches[static_cast<size_t>(t)];
                    }
                }
            });
        }
        for (std::thread& thread : threads) {
            thread.join();
        }
        QCOMPARE(mismatches, std::vector<int>(kThreads, 0));
    }

private:
    // The formatter's JSON up to the trace, so the expected string stays readable.
    static std::string DecisionFormatter_json(const pc::Decision& d)
    {
        const std::string json = pc::DecisionFormatter::json(d);
        return json.substr(0, json.find(R"("trace":)"));
    }
};

QTEST_GUILESS_MAIN(TestCompiledPolicy)
#include "TestCompiledPolicy.moc"
