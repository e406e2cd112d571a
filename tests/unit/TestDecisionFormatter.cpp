// SPDX-License-Identifier: Apache-2.0
#include "engine/DecisionFormatter.h"
#include "engine/RateLimitStore.h"
#include "engine/RawHttpRequest.h"

#include "EngineTestSupport.h"
#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;

namespace {

pc::Decision sample()
{
    pc::Decision d;
    d.status = 404;
    d.headers = {{"Content-Type", "application/json"}, {"Content-Length", "22"}};
    d.body = R"({"detail":"Not Found"})";
    d.trace = {{"limits", "pass", "Within limits.", "/limits"},
               {"routing", "deny", "No route matches the path \"/x\", so the answer is 404.", "/routes"},
               {"headers", "skip", "The policy sets no response headers.", ""}};
    return d;
}

} // namespace

class TestDecisionFormatter final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rendersJsonExactly()
    {
        QCOMPARE(
            pc::DecisionFormatter::json(sample()),
            std::string("{\"status\":404,\"headers\":[[\"Content-Type\",\"application/json\"],[\"Content-Length\","
                        "\"22\"]],\"body\":\"{\\\"detail\\\":\\\"Not Found\\\"}\",\"trace\":[{\"stage\":"
                        "\"limits\",\"verdict\":\"pass\",\"reason\":\"Within limits.\",\"where\":\"/limits\"},"
                        "{\"stage\":\"routing\",\"verdict\":\"deny\",\"reason\":\"No route matches the path "
                        "\\\"/x\\\", so the answer is 404.\",\"where\":\"/routes\"},{\"stage\":\"headers\","
                        "\"verdict\":\"skip\",\"reason\":\"The policy sets no response headers.\",\"where\":\"\"}]}"));
    }

    void rendersJsonOfAnEmptyDecision()
    {
        pc::Decision d;
        d.status = 204;
        QCOMPARE(pc::DecisionFormatter::json(d), R"({"status":204,"headers":[],"body":"","trace":[]})"s);
    }

    void replacesInvalidUtf8()
    {
        pc::Decision d = sample();
        d.body = "bad \xff byte";
        const std::string json = pc::DecisionFormatter::json(d);
        QVERIFY(json.find("bad \xEF\xBF\xBD byte") != std::string::npos); // U+FFFD
        QVERIFY(nlohmann::json::accept(json));
    }

    void rendersText()
    {
        QCOMPARE(pc::DecisionFormatter::text(sample()),
                 "HTTP/1.1 404 Not Found\n"
                 "Content-Type: application/json\n"
                 "Content-Length: 22\n"
                 "\n"
                 "{\"detail\":\"Not Found\"}\n"
                 "\n"
                 "Trace:\n"
                 "  1. limits pass: Within limits. [/limits]\n"
                 "  2. routing deny: No route matches the path \"/x\", so the answer is 404. [/routes]\n"
                 "  3. headers skip: The policy sets no response headers.\n"s);
    }

    void rendersPendingForwards()
    {
        pc::Decision d;
        d.status = 0;
        d.forward = true;
        d.upstream = "http://127.0.0.1:8000/files/a";
        d.pendingHeaders = {{"Vary", "Origin"}};
        d.trace = {{"handler", "forward", "Forwarded.", "/transport/upstream"}};
        const std::string text = pc::DecisionFormatter::text(d);
        QVERIFY(text.starts_with("Forward to http://127.0.0.1:8000/files/a\n"));
        QVERIFY(text.find("Vary: Origin\n") != std::string::npos);
        QVERIFY(text.find("  1. handler forward: Forwarded. [/transport/upstream]\n") != std::string::npos);
    }

    // What the `simulate` verb will do: raw request text -> evaluate -> formatted decision.
    void simulatesFromRawText()
    {
        auto parsed = pc::RawHttpRequest::parse("GET /users/me HTTP/1.1\r\nHost: api.example.com\r\n\r\n");
        QVERIFY(parsed.ok());
        auto compiled = pc::test::compileOrDie(pc::test::tutorialPolicy());
        pc::RateLimitStore store;
        const std::string text = pc::DecisionFormatter::text(compiled->evaluate(parsed.value(), {}, store));
        QVERIFY(text.starts_with("HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: 20\n"));
        QVERIFY(text.find("\n\n{\"id\":0,\"name\":\"me\"}\n\nTrace:\n  1. limits pass: ") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestDecisionFormatter)
#include "TestDecisionFormatter.moc"
