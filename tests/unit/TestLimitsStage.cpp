// SPDX-License-Identifier: Apache-2.0
#include "engine/LimitsStage.h"
#include "engine/RateLimitStore.h"

#include "EngineTestSupport.h"
#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;

namespace {

pc::Policy limitsPolicy()
{
    pc::Policy p = pc::test::tutorialPolicy();
    p.limits.maxUrlBytes = pc::ByteSize(64);
    p.limits.maxHeaderBytes = pc::ByteSize(200);
    p.limits.maxHeaders = 5;
    p.limits.maxBodyBytes = pc::ByteSize(32);
    p.limits.contentTypes = {"application/json", "text/*"};
    p.routes[3].request.maxBodyBytes = pc::ByteSize(64); // create-user: larger than the default
    p.routes[6].request.maxBodyBytes = pc::ByteSize(8);  // upload: smaller
    return p;
}

} // namespace

class TestLimitsStage final : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<const pc::CompiledPolicy> m_policy;
    pc::RateLimitStore m_store;

private Q_SLOTS:
    void initTestCase() { m_policy = pc::test::compileOrDie(limitsPolicy()); }

    void enforcesLimits_data()
    {
        QTest::addColumn<pc::HttpRequest>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<std::string>("detail");
        QTest::addColumn<std::string>("where");
        using pc::test::request;
        const std::string json = "application/json";
        QTest::newRow("target at the limit") << request("GET", "/users/me?" + std::string(54, 'q')) << 200 << ""s
                                             << "/limits"s;
        QTest::newRow("target over the limit")
            << request("GET", "/users/me?" + std::string(55, 'q')) << 414 << "URI Too Long"s
            << "/limits/max_url_bytes"s;
        QTest::newRow("too many header lines")
            << request("GET", "/users/me", {{"A", "1"}, {"B", "2"}, {"C", "3"}, {"D", "4"}, {"E", "5"}, {"F", "6"}})
            << 431 << "Request Header Fields Too Large"s
            << "/limits/max_headers"s;
        // 200 bytes: "X-Big: " + value + CRLF = 4 + 5 + value.
        QTest::newRow("header bytes at the limit")
            << request("GET", "/users/me", {{"X-Big", std::string(191, 'v')}}) << 200 << ""s
            << "/limits"s;
        QTest::newRow("header bytes over the limit") << request("GET", "/users/me", {{"X-Big", std::string(192, 'v')}})
                                                     << 431 << "Request Header Fields Too Large"s
                                                     << "/limits/max_header_bytes"s;
        QTest::newRow("body over the default limit")
            << request("PUT", "/users/7", {{"Content-Type", json}}, std::string(33, 'b')) << 405
            << "Method Not Allowed"s
            << "/routes/1/methods"s; // routing answers before the body is judged
        QTest::newRow("route override raises the limit")
            << request("POST", "/users", {{"Content-Type", json}}, R"({"name":")" + std::string(40, 'n') + R"("})")
            << 200 << ""s
            << "/routes/3/request/max_body_bytes"s;
        QTest::newRow("route override is still a limit")
            << request("POST", "/users", {{"Content-Type", json}}, std::string(65, 'b')) << 413 << "Content Too Large"s
            << "/routes/3/request/max_body_bytes"s;
        QTest::newRow("route override lowers the limit")
            << request("PUT", "/upload", {{"Content-Type", "text/plain"}}, "123456789") << 413 << "Content Too Large"s
            << "/routes/6/request/max_body_bytes"s;
        QTest::newRow("declared length over the limit")
            << request("PUT", "/upload", {{"Content-Type", "text/plain"}, {"Content-Length", "4096"}}, "1") << 413
            << "Content Too Large"s
            << "/routes/6/request/max_body_bytes"s;
        QTest::newRow("default content types")
            << request("POST", "/users", {{"Content-Type", "application/xml"}}, "<a/>") << 415
            << "Unsupported Media Type"s
            << "/limits/content_types"s;
        QTest::newRow("media type case and parameters ignored")
            << request("POST", "/users", {{"Content-Type", "Application/JSON; charset=UTF-8"}}, "{}") << 200 << ""s
            << "/routes/3/request/max_body_bytes"s;
        QTest::newRow("type wildcard in the list")
            << request("POST", "/users", {{"Content-Type", "text/csv"}}, "a,b") << 200 << ""s
            << "/routes/3/request/max_body_bytes"s;
        QTest::newRow("body without Content-Type")
            << request("POST", "/users", {}, "{}") << 415 << "Unsupported Media Type"s
            << "/limits/content_types"s;
        QTest::newRow("route content types override")
            << request("PUT", "/upload", {{"Content-Type", "application/json"}}, "{}") << 415
            << "Unsupported Media Type"s
            << "/routes/6/request/content_types"s;
        QTest::newRow("route content type accepted")
            << request("PUT", "/upload", {{"Content-Type", "application/octet-stream"}}, "1234") << 201 << ""s
            << "/routes/6/request/max_body_bytes"s;
        QTest::newRow("no body, no content type needed") << request("POST", "/users") << 200 << ""s
                                                         << "/limits"s;
    }
    void enforcesLimits()
    {
        QFETCH(pc::HttpRequest, request);
        QFETCH(int, status);
        QFETCH(std::string, detail);
        QFETCH(std::string, where);
        const pc::Decision d = m_policy->evaluate(request, {}, m_store);
        QCOMPARE(d.status, status);
        if (!detail.empty()) {
            QCOMPARE(d.body, R"({"detail":")" + detail + R"("})");
            QCOMPARE(pc::test::header(d, "Content-Type").value_or(""), "application/json"s);
            QCOMPARE(pc::test::header(d, "Content-Length").value_or(""), std::to_string(d.body.size()));
            QCOMPARE(pc::test::header(d, "X-Frame-Options").value_or(""), "DENY"s);
        }
        // The deciding step is the last "limits" or "routing" step with a verdict other than skip.
        std::string decidedAt;
        for (const pc::TraceStep& s : d.trace) {
            if ((s.stage == "limits" || s.stage == "routing") && s.verdict != "skip") {
                decidedAt = s.where;
                if (s.verdict == "deny") {
                    break;
                }
            }
        }
        QCOMPARE(decidedAt, where);
    }

    void corsHeadersOnLimitAnswers()
    {
        const pc::Decision d = m_policy->evaluate(
            pc::test::request("POST", "/users",
                              {{"Origin", "https://app.example.com"}, {"Content-Type", "application/xml"}}, "<a/>"),
            {}, m_store);
        QCOMPARE(d.status, 415);
        QCOMPARE(pc::test::header(d, "Access-Control-Allow-Origin").value_or(""), "https://app.example.com"s);
    }

    void reasonsAreSentences()
    {
        const pc::Decision d = m_policy->evaluate(pc::test::request("GET", "/" + std::string(100, 'x')), {}, m_store);
        const pc::TraceStep* step = pc::test::traceStep(d, "limits");
        QCOMPARE(step->verdict, "deny"s);
        QVERIFY(step->reason.find("101 bytes") != std::string::npos);
        QVERIFY(step->reason.find("414") != std::string::npos);
        QCOMPARE(step->reason.back(), '.');
    }

    void countsHeaderLines()
    {
        QCOMPARE(pc::LimitsStage::headerLineBytes({"Host", "a"}), uint64_t(9)); // "Host: a\r\n"
    }

    void refusesBadLimits_data()
    {
        QTest::addColumn<pc::Policy>("policy");
        QTest::addColumn<std::vector<std::string>>("pointers");
        pc::Policy zero = pc::test::tutorialPolicy();
        zero.limits.maxUrlBytes = pc::ByteSize(0);
        zero.limits.maxHeaders = 0;
        QTest::newRow("zero limits") << zero
                                     << std::vector<std::string>{"/limits/max_url_bytes", "/limits/max_headers"};
        pc::Policy types = pc::test::tutorialPolicy();
        types.limits.contentTypes = {"application/json", "json", "text/plain; charset=utf-8"};
        types.routes[6].request.contentTypes = {"text/plain", "*/json"};
        QTest::newRow("bad content types")
            << types
            << std::vector<std::string>{"/limits/content_types/1", "/limits/content_types/2",
                                        "/routes/6/request/content_types/1"};
    }
    void refusesBadLimits()
    {
        QFETCH(pc::Policy, policy);
        QFETCH(std::vector<std::string>, pointers);
        auto compiled = pc::CompiledPolicy::compile(policy);
        QVERIFY(!compiled.ok());
        QCOMPARE(pc::test::errorPointers(compiled.errors()), pointers);
    }
};

QTEST_GUILESS_MAIN(TestLimitsStage)
#include "TestLimitsStage.moc"
