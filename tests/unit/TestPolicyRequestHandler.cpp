// SPDX-License-Identifier: Apache-2.0
#include "server/HttpServer.h"
#include "server/PolicyRequestHandler.h"

#include "policy/PolicyFile.h"

#include "EventCollector.h"
#include "FakeUpstream.h"
#include "RawHttpClient.h"
#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;
using namespace std::chrono_literals;
using pc::test::FakeUpstream;
using pc::test::RawHttpClient;

namespace {

std::string policyText(const std::string& upstream, const std::string& limit = "3/minute",
                       const std::string& dataBody = "x")
{
    return R"({
  "portcullis": 1,
  "name": "handler test",
  "routes": [
    {"id": "data", "methods": ["GET"], "path": "/api/data", "rate_limits": ["burst"],
     "mock": {"body": {"data": ")" +
           dataBody + R"("}}},
    {"id": "streamed", "methods": ["GET", "POST"], "path": "/streamed", "handler": "upstream", "upstream": ")" +
           upstream + R"("},
    {"id": "filtered", "methods": ["GET"], "path": "/filtered", "handler": "upstream", "upstream": ")" +
           upstream +
           R"(", "response": {"allow_fields": ["keep"]}}
  ],
  "rate_limits": {"burst": {"limit": ")" +
           limit + R"(", "key": "client_ip", "strategy": "fixed_window"}},
  "headers": {"set": {"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY"}, "remove": ["Server"]}
})";
}

std::shared_ptr<const pc::CompiledPolicy> compile(const std::string& text)
{
    auto policy = pc::PolicyFile::loadText(text, "test.json");
    if (!policy) {
        qWarning("%s", policy.error().toString().c_str());
        return nullptr;
    }
    auto compiled = pc::CompiledPolicy::compile(*policy);
    if (!compiled) {
        qWarning("%s", compiled.error().toString().c_str());
        return nullptr;
    }
    return *compiled;
}

std::string get(const std::string& target)
{
    return "GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n";
}

bool hasSecurityHeaders(const pc::test::RawResponse& r)
{
    return r.header("X-Content-Type-Options") == "nosniff"s && r.header("X-Frame-Options") == "DENY"s;
}

} // namespace

class TestPolicyRequestHandler final : public QObject {
    Q_OBJECT

private:
    pc::ManualClock m_clock{pc::SystemTime(std::chrono::hours(24 * 365 * 55))};

    std::pair<std::unique_ptr<pc::HttpServer>, std::shared_ptr<pc::PolicyRequestHandler>> serve(const std::string& text)
    {
        auto compiled = compile(text);
        if (!compiled) {
            return {};
        }
        auto handler = std::make_shared<pc::PolicyRequestHandler>(compiled, m_clock);
        pc::ServerConfig config;
        pc::PolicyRequestHandler::configure(config, compiled->policy());
        auto server = std::make_unique<pc::HttpServer>(config, handler);
        server->setClock(m_clock);
        if (!server->start()) {
            return {};
        }
        return {std::move(server), handler};
    }

private Q_SLOTS:
    void mocksAndRefusalsCarryThePolicyHeaders()
    {
        FakeUpstream upstream({});
        auto [server, handler] = serve(policyText(upstream.url()));
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.send(get("/api/data") + get("/nowhere") + "HEAD /api/data HTTP/1.1\r\nHost: t\r\n\r\n"));
        const auto ok = c.read();
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.body, R"({"data":"x"})"s);
        QVERIFY(hasSecurityHeaders(ok));
        const auto missing = c.read();
        QCOMPARE(missing.status, 404);
        QVERIFY(hasSecurityHeaders(missing));
        const auto head = c.read(true);
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("Content-Length").value_or(""), std::to_string(ok.body.size()));
        QVERIFY(c.send(get("/api/data")));
        QCOMPARE(c.read().status, 200); // the HEAD answer carried no body
    }

    void serverAnswersCarryThePolicyHeaders()
    {
        FakeUpstream upstream({});
        auto [server, handler] = serve(policyText(upstream.url()));
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.send("GET / HTTP/1.1\r\nHost : t\r\n\r\n"));
        const auto r = c.read();
        QCOMPARE(r.status, 400);
        QVERIFY(hasSecurityHeaders(r));
    }

    void burstAdmitsExactlyTheLimitAndReloadsKeepCounters()
    {
        FakeUpstream upstream({});
        auto [server, handler] = serve(policyText(upstream.url()));
        QVERIFY(server);
        const auto stages = handler->policy()->stageNames();
        if (std::find(stages.begin(), stages.end(), "rate_limit") == stages.end()) {
            QSKIP("the engine's CompiledPolicy does not run a rate_limit stage yet");
        }
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        std::string burst;
        for (int i = 0; i < 6; ++i) {
            burst += get("/api/data");
        }
        QVERIFY(c.send(burst));
        std::vector<int> statuses;
        for (int i = 0; i < 6; ++i) {
            statuses.push_back(c.read().status);
        }
        QCOMPARE(statuses, (std::vector<int>{200, 200, 200, 429, 429, 429}));

        // An edit that leaves the limit alone: the counter survives the swap.
        auto edited = pc::PolicyFile::loadText(policyText(upstream.url(), "3/minute", "edited"), "test.json");
        QVERIFY(edited);
        QVERIFY(handler->reload(*edited));
        QVERIFY(c.send(get("/api/data")));
        const auto still = c.read();
        QCOMPARE(still.status, 429);
        QVERIFY(hasSecurityHeaders(still));

        // A changed limit is a new counter.
        auto raised = pc::PolicyFile::loadText(policyText(upstream.url(), "5/minute", "edited"), "test.json");
        QVERIFY(raised);
        QVERIFY(handler->reload(*raised));
        QVERIFY(c.send(get("/api/data")));
        const auto fresh = c.read();
        QCOMPARE(fresh.status, 200);
        QCOMPARE(fresh.body, R"({"data":"edited"})"s);

        // The window passes (injected clock): admitted again.
        m_clock.advance(61s);
        QVERIFY(c.send(get("/api/data")));
        QCOMPARE(c.read().status, 200);
    }

    void aFailedReloadKeepsThePolicy()
    {
        FakeUpstream upstream({});
        auto [server, handler] = serve(policyText(upstream.url()));
        QVERIFY(server);
        auto broken = pc::PolicyFile::loadText(policyText(upstream.url()), "test.json");
        QVERIFY(broken);
        broken->routes[1].upstream = "ftp://not-http.example";
        const auto before = handler->policy();
        QVERIFY(!handler->reload(*broken));
        QCOMPARE(handler->policy(), before);
    }

    void streamsUnfilteredUpstreamAnswers()
    {
        FakeUpstream upstream({{0, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nServer: dev-api\r\n"
                                   "X-Frame-Options: SAMEORIGIN\r\n\r\n4\r\nstre\r\n"},
                               {30, "2\r\nam\r\n0\r\n\r\n"}});
        auto [server, handler] = serve(policyText(upstream.url()));
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.send(get("/streamed?x=1")));
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, "stream"s);
        QCOMPARE(r.header("Transfer-Encoding").value_or(""), "chunked"s);
        QVERIFY(hasSecurityHeaders(r)); // the policy's X-Frame-Options replaced the upstream's
        QVERIFY(!r.header("Server"));   // headers.remove
        QVERIFY(upstream.lastRequest().rfind("GET /streamed?x=1 HTTP/1.1\r\n", 0) == 0);
    }

    void filtersBufferedUpstreamAnswers()
    {
        FakeUpstream upstream({{0, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 33\r\n\r\n"
                                   R"({"keep": 1, "secret": "s3cr3t!!"})"}});
        auto [server, handler] = serve(policyText(upstream.url()));
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.send(get("/filtered")));
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.find("secret") == std::string::npos, r.body.c_str());
        QVERIFY(r.body.find("keep") != std::string::npos);
        QVERIFY(hasSecurityHeaders(r));
    }

    void unreachableUpstreamIs502WithHeadersAndReason()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        const std::string dead = "http://127.0.0.1:" + std::to_string(probe.serverPort());
        probe.close();
        auto [server, handler] = serve(policyText(dead));
        QVERIFY(server);
        pc::test::EventCollector events(*server);
        for (const char* path : {"/streamed", "/filtered"}) {
            RawHttpClient c;
            QVERIFY(c.connect(server->port()));
            QVERIFY(c.send(get(path)));
            const auto r = c.read();
            QCOMPARE(r.status, 502);
            QVERIFY(hasSecurityHeaders(r));
            QVERIFY(r.body.find("refused") != std::string::npos);
        }
        QTRY_COMPARE(events.count(), 2);
        const auto& trace = events.events.front().trace;
        QVERIFY(std::any_of(trace.begin(), trace.end(), [](const pc::TraceStep& s) {
            return s.stage == "handler" && s.reason.find("refused") != std::string::npos;
        }));
    }
};

QTEST_GUILESS_MAIN(TestPolicyRequestHandler)
#include "TestPolicyRequestHandler.moc"
