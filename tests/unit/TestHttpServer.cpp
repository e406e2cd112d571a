// SPDX-License-Identifier: Apache-2.0
#include "server/HttpServer.h"
#include "server/Redactor.h"

#include "EchoHandler.h"
#include "EventCollector.h"
#include "RawHttpClient.h"
#include "TestSupport.h"

#include <QTest>

#include <mutex>

using namespace std::string_literals;
using namespace std::chrono_literals;
using pc::test::RawHttpClient;

namespace {

std::unique_ptr<pc::HttpServer> startServer(pc::ServerConfig config = {})
{
    auto server = std::make_unique<pc::HttpServer>(config, std::make_shared<pc::test::EchoHandler>());
    const pc::Status s = server->start();
    if (!s) {
        qWarning("start failed: %s", s.error().toString().c_str());
        return nullptr;
    }
    return server;
}

std::string get(const std::string& target, const std::string& extra = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: t\r\n" + extra + "\r\n";
}

} // namespace

class TestHttpServer final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void answersAndFrames()
    {
        auto server = startServer();
        QVERIFY(server);
        QVERIFY(server->url().startsWith(QStringLiteral("http://127.0.0.1:")));
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.send(get("/hello?x=1")));
        const auto r = c.read();
        QVERIFY(r.complete);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, "GET /hello?x=1 "s);
        QCOMPARE(r.header("Content-Length").value_or(""), std::to_string(r.body.size()));
        QVERIFY(r.header("Date").has_value());
        QVERIFY(!r.header("Server").has_value());
        QVERIFY(!r.header("Connection").has_value());
    }

    void keepsAliveAcrossRequests()
    {
        auto server = startServer();
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        for (int i = 0; i < 5; ++i) {
            QVERIFY(c.send(get("/n" + std::to_string(i))));
            const auto r = c.read();
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, "GET /n" + std::to_string(i) + ' ');
        }
        QCOMPARE(server->openConnections(), 1);
    }

    void pipelinedAnswersKeepRequestOrder()
    {
        auto server = startServer();
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        // Later requests finish first; their answers must still come in request order.
        std::string batch;
        for (int i = 0; i < 6; ++i) {
            batch += get("/slow/" + std::to_string((6 - i) * 40) + "/id" + std::to_string(i));
        }
        batch += get("/thread/t6") + get("/plain");
        QVERIFY(c.send(batch));
        for (int i = 0; i < 6; ++i) {
            const auto r = c.read();
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, "id" + std::to_string(i));
        }
        QCOMPARE(c.read().body, "t6"s);
        QCOMPARE(c.read().body, "GET /plain "s);
    }

    void pipelineDepthIsBounded()
    {
        pc::ServerConfig config;
        config.maxPipelinedRequests = 2;
        auto server = startServer(config);
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        std::string batch;
        for (int i = 0; i < 20; ++i) {
            batch += get("/slow/5/p" + std::to_string(i));
        }
        QVERIFY(c.send(batch));
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(c.read().body, "p" + std::to_string(i));
        }
    }

    void chunkedRequestBody()
    {
        auto server = startServer();
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.send("POST /up HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n"));
        QVERIFY(c.send("5;ext=1\r\npedia\r\n0\r\nTrailer-Field: x\r\n\r\n"));
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, "POST /up Wikipedia"s);
    }

    void headHasLengthButNoBody()
    {
        auto server = startServer();
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.send("HEAD /abc HTTP/1.1\r\nHost: t\r\n\r\n" + get("/after")));
        const auto head = c.read(true);
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("Content-Length").value_or(""), std::to_string("HEAD /abc "s.size()));
        // Had the HEAD answer carried a body, this read would see it instead of the next status line.
        const auto next = c.read();
        QCOMPARE(next.status, 200);
        QCOMPARE(next.body, "GET /after "s);
        // A handler that answers HEAD with an empty body may declare GET's length.
        QVERIFY(c.send("HEAD /head-length HTTP/1.1\r\nHost: t\r\n\r\n" + get("/after1")));
        QCOMPARE(c.read(true).header("Content-Length").value_or(""), "42"s);
        QCOMPARE(c.read().body, "GET /after1 "s);
        QVERIFY(c.send("HEAD /stream/3 HTTP/1.1\r\nHost: t\r\n\r\n" + get("/after2")));
        QCOMPARE(c.read(true).status, 200);
        QCOMPARE(c.read().body, "GET /after2 "s);
    }

    void expectContinue()
    {
        auto server = startServer();
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.send("PUT /e HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n"));
        QCOMPARE(c.read().status, 100);
        QVERIFY(c.send("abc"));
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, "PUT /e abc"s);

        // Too large: refused before the body is sent, never 100.
        RawHttpClient big;
        QVERIFY(big.connect(server->port()));
        QVERIFY(big.send("PUT /e HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 99999999\r\n\r\n"));
        QCOMPARE(big.read().status, 413);
        QVERIFY(big.waitClosed());
    }

    void closesWhenAsked_data()
    {
        QTest::addColumn<std::string>("request");
        QTest::addColumn<bool>("closeHeader");
        QTest::newRow("connection close") << get("/", "Connection: close\r\n") << true;
        QTest::newRow("http/1.0") << "GET / HTTP/1.0\r\n\r\n"s << true;
        QTest::newRow("upgrade request") << get("/", "Upgrade: websocket\r\nConnection: Upgrade\r\n") << true;
    }
    void closesWhenAsked()
    {
        QFETCH(std::string, request);
        QFETCH(bool, closeHeader);
        auto server = startServer();
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.send(request + get("/ignored")));
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Connection").value_or("") == "close", closeHeader);
        QVERIFY(c.waitClosed()); // and the pipelined request after it is not answered
    }

    void halfClosedClientStillGetsItsAnswers()
    {
        auto server = startServer();
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.send(get("/slow/50/first") + get("/second")));
        c.halfClose();
        QCOMPARE(c.read().body, "first"s);
        QCOMPARE(c.read().body, "GET /second "s);
        QVERIFY(c.waitClosed());
        QTRY_COMPARE(server->openConnections(), 0);
    }

    void http10StreamIsCloseDelimited()
    {
        auto server = startServer();
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.send("GET /stream/3 HTTP/1.0\r\n\r\n"));
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QVERIFY(!r.header("Transfer-Encoding"));
        QCOMPARE(r.body, "chunk-0;chunk-1;chunk-2;"s);
        QVERIFY(r.complete);
    }

    void streamsChunked()
    {
        auto server = startServer();
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.send(get("/stream/50") + get("/x")));
        const auto r = c.read();
        QCOMPARE(r.header("Transfer-Encoding").value_or(""), "chunked"s);
        QVERIFY(r.body.rfind("chunk-0;chunk-1;", 0) == 0);
        QVERIFY(r.body.find("chunk-49;") != std::string::npos);
        QCOMPARE(c.read().body, "GET /x "s);
    }

    void limitsAnswerWithTheirStatus_data()
    {
        QTest::addColumn<std::string>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("414 target") << get("/" + std::string(300, 'a')) << 414;
        QTest::newRow("431 headers") << get("/", "X-Big: " + std::string(2000, 'b') + "\r\n") << 431;
        QTest::newRow("413 body") << "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 5000\r\n\r\n"s << 413;
        QTest::newRow("413 chunked body")
            << "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n" + std::string(4096, 'c') +
                   "\r\n0\r\n\r\n"
            << 413;
    }
    void limitsAnswerWithTheirStatus()
    {
        QFETCH(std::string, request);
        QFETCH(int, status);
        pc::ServerConfig config;
        config.limits.maxTargetBytes = 256;
        config.limits.maxHeaderBytes = 1024;
        config.limits.maxBodyBytes = 1024;
        auto server = startServer(config);
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.send(request));
        const auto r = c.read();
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("Connection").value_or(""), "close"s);
        QCOMPARE(r.header("Content-Type").value_or(""), "application/json"s);
        QCOMPARE(r.header("X-Content-Type-Options").value_or(""), "nosniff"s); // decorateServerResponse
        QVERIFY(r.body.find("\"detail\"") != std::string::npos);
        QVERIFY(c.waitClosed());
    }

    void slowlorisGets408()
    {
        pc::ServerConfig config;
        config.headerTimeout = 300ms;
        auto server = startServer(config);
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        // A byte every 50 ms would keep an inactivity timer alive forever; the header
        // timeout counts from the first byte, so the dribbler is cut off.
        const std::string head =
            "GET / HTTP/1.1\r\nHost: t\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        bool cut = false;
        for (const char ch : head) {
            if (!c.send(std::string(1, ch)) || c.socket().waitForReadyRead(50)) {
                cut = true;
                break;
            }
        }
        QVERIFY(cut);
        const auto r = c.read();
        QCOMPARE(r.status, 408);
        QVERIFY(c.waitClosed());
    }

    void silentConnectionIsDroppedWithoutAnswer()
    {
        pc::ServerConfig config;
        config.headerTimeout = 200ms;
        auto server = startServer(config);
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.waitClosed());
    }

    void stalledBodyGets408()
    {
        pc::ServerConfig config;
        config.bodyTimeout = 200ms;
        auto server = startServer(config);
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc"));
        QCOMPARE(c.read().status, 408);
        QVERIFY(c.waitClosed());
    }

    void idleKeepAliveIsClosed()
    {
        pc::ServerConfig config;
        config.idleTimeout = 200ms;
        auto server = startServer(config);
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.send(get("/")));
        QCOMPARE(c.read().status, 200);
        QVERIFY(c.waitClosed());
    }

    void connectionLimitAnswers503()
    {
        pc::ServerConfig config;
        config.maxConnections = 3;
        auto server = startServer(config);
        QVERIFY(server);
        std::vector<std::unique_ptr<RawHttpClient>> held;
        for (int i = 0; i < 3; ++i) {
            held.push_back(std::make_unique<RawHttpClient>());
            QVERIFY(held.back()->connect(server->port()));
            QVERIFY(held.back()->send(get("/")));
            QCOMPARE(held.back()->read().status, 200);
        }
        RawHttpClient extra;
        QVERIFY(extra.connect(server->port()));
        QVERIFY(extra.send(get("/")));
        const auto refused = extra.read();
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.header("Retry-After").value_or(""), "1"s);
        QVERIFY(extra.waitClosed());
        held.front()->socket().disconnectFromHost();
        held.erase(held.begin());
        QTRY_COMPARE(server->openConnections(), 2);
        RawHttpClient again;
        QVERIFY(again.connect(server->port()));
        QVERIFY(again.send(get("/")));
        QCOMPARE(again.read().status, 200);
    }

    void handlerFailuresBecome500()
    {
        auto server = startServer();
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.send(get("/throw")));
        QCOMPARE(c.read().status, 500);
        QVERIFY(c.waitClosed());
    }

    void statusWithoutBody()
    {
        auto server = startServer();
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.send(get("/status/204") + get("/status/304") + get("/x")));
        const auto a = c.read();
        QCOMPARE(a.status, 204);
        QVERIFY(!a.header("Content-Length"));
        QCOMPARE(c.read().status, 304);
        QCOMPARE(c.read().body, "GET /x "s);
    }

    void eventsAreRedacted()
    {
        // Declared before the server, which calls the sink until it stops.
        std::mutex mutex;
        std::vector<pc::RequestEvent> sunk;
        auto server = std::make_unique<pc::HttpServer>(pc::ServerConfig{}, std::make_shared<pc::test::EchoHandler>());
        server->setEventSink([&](const pc::RequestEvent& e) {
            std::lock_guard lock(mutex);
            sunk.push_back(e);
        });
        server->setRedactor(std::make_shared<pc::Redactor>(std::vector<std::string>{"hunter2-secret"}));
        pc::test::EventCollector collected(*server);
        QVERIFY(server->start());
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.send(get("/x?access_token=abc&page=2&note=hunter2-secret",
                           "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln\r\n"
                           "Cookie: session=s3cr3t; theme=dark\r\nX-Api-Key: k-123\r\nAccept: */*\r\n")));
        QCOMPARE(c.read().status, 200);
        QTRY_COMPARE(collected.count(), 1);
        const pc::RequestEvent e = collected.events.front();
        QCOMPARE(e.method, "GET"s);
        QCOMPARE(e.status, 200);
        QCOMPARE(e.httpVersion, "HTTP/1.1"s);
        QCOMPARE(e.target, "/x?access_token=[redacted]&page=2&note=[redacted]"s);
        QVERIFY(e.client.rfind("127.0.0.1:", 0) == 0);
        QCOMPARE(int(e.trace.size()), 1);
        const std::string json = pc::toJson(e).dump();
        QVERIFY(json.find("eyJ") == std::string::npos);
        QVERIFY(json.find("s3cr3t") == std::string::npos);
        QVERIFY(json.find("k-123") == std::string::npos);
        QVERIFY(json.find("hunter2") == std::string::npos);
        QVERIFY(json.find("Bearer [redacted]") != std::string::npos);
        QVERIFY(json.find("session=[redacted]; theme=[redacted]") != std::string::npos);
        QVERIFY(json.find("*/*") != std::string::npos);
        server->stop();
        std::lock_guard lock(mutex);
        QCOMPARE(int(sunk.size()), 1);
        QCOMPARE(sunk.front().target, e.target);
    }

    // Receivers of requestCompleted come and go (a closed log window, a finished
    // test); the server must neither deadlock on their destruction nor stop
    // delivering to the receivers that remain.
    void eventReceiversComeAndGo()
    {
        auto server = std::make_unique<pc::HttpServer>(pc::ServerConfig{}, std::make_shared<pc::test::EchoHandler>());
        pc::test::EventCollector kept(*server);
        QVERIFY(server->start());
        std::vector<std::unique_ptr<pc::test::EventCollector>> passing;
        for (int i = 0; i < 3000; ++i) {
            passing.push_back(std::make_unique<pc::test::EventCollector>(*server));
        }
        passing.clear(); // receivers at many addresses, so at many of Qt's pooled signal locks
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.send(get("/after")));
        QCOMPARE(c.read().status, 200);
        QTRY_COMPARE(kept.count(), 1);
        QCOMPARE(kept.events.front().target, "/after"s);
    }

    void protocolErrorsAreEvents()
    {
        auto server = std::make_unique<pc::HttpServer>(pc::ServerConfig{}, std::make_shared<pc::test::EchoHandler>());
        pc::test::EventCollector collected(*server);
        QVERIFY(server->start());
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.send("GET / HTTP/1.1\r\nHost : t\r\n\r\n"));
        QCOMPARE(c.read().status, 400);
        QTRY_COMPARE(collected.count(), 1);
        const pc::RequestEvent e = collected.events.front();
        QCOMPARE(e.status, 400);
        QCOMPARE(e.trace.front().stage.str(), "server"s);
        QVERIFY(!e.trace.front().reason.empty());
    }

    void refusesNonLoopbackUnlessAllowed()
    {
        pc::ServerConfig config;
        config.address = QHostAddress(QHostAddress::AnyIPv4);
        pc::HttpServer refused(config, std::make_shared<pc::test::EchoHandler>());
        const pc::Status s = refused.start();
        QVERIFY(!s);
        QCOMPARE(s.error().code, "server-not-loopback"s);
        QVERIFY(!refused.isListening());

        config.allowNonLoopback = true;
        pc::HttpServer allowed(config, std::make_shared<pc::test::EchoHandler>());
        QVERIFY(allowed.start());
        QCOMPARE(allowed.warnings().size(), 1);
        allowed.stop();
    }

    void loopbackHasNoWarning()
    {
        auto server = startServer();
        QVERIFY(server);
        QVERIFY(server->warnings().isEmpty());
    }

    void portInUseIsAnError()
    {
        auto first = startServer();
        QVERIFY(first);
        pc::ServerConfig config;
        config.port = first->port();
        pc::HttpServer second(config, std::make_shared<pc::test::EchoHandler>());
        const pc::Status s = second.start();
        QVERIFY(!s);
        QCOMPARE(s.error().code, "server-listen"s);
    }

    void manyThreadsServeConcurrentClients()
    {
        pc::ServerConfig config;
        config.threads = 4;
        auto server = startServer(config);
        QVERIFY(server);
        std::vector<std::unique_ptr<RawHttpClient>> clients;
        for (int i = 0; i < 12; ++i) {
            clients.push_back(std::make_unique<RawHttpClient>());
            QVERIFY(clients.back()->connect(server->port()));
        }
        for (int round = 0; round < 3; ++round) {
            for (std::size_t i = 0; i < clients.size(); ++i) {
                QVERIFY(clients[i]->send(get("/slow/10/c" + std::to_string(i)) + get("/thread/t" + std::to_string(i))));
            }
            for (std::size_t i = 0; i < clients.size(); ++i) {
                QCOMPARE(clients[i]->read().body, "c" + std::to_string(i));
                QCOMPARE(clients[i]->read().body, "t" + std::to_string(i));
            }
        }
    }

    void clientLeavingBeforeTheAnswer()
    {
        auto server = std::make_unique<pc::HttpServer>(pc::ServerConfig{}, std::make_shared<pc::test::EchoHandler>());
        pc::test::EventCollector events(*server);
        QVERIFY(server->start());
        for (const std::string target : {"/slow/150/x", "/late/150"}) {
            RawHttpClient c;
            QVERIFY(c.connect(server->port()));
            QVERIFY(c.send(get(target)));
            QTRY_COMPARE(server->openConnections(), 1);
            c.reset();
            QTRY_COMPARE(server->openConnections(), 0);
        }
        QTRY_COMPARE(events.count(), 2);
        for (const pc::RequestEvent& e : events.events) {
            QCOMPARE(e.status, 0); // answered by nobody: the client left first
            QCOMPARE(e.trace.back().stage.str(), "server"s);
        }
        QTest::qWait(300); // the late answers arrive now and must be dropped quietly
        RawHttpClient after;
        QVERIFY(after.connect(server->port()));
        QVERIFY(after.send(get("/late/1")));
        QCOMPARE(after.read().body, "late"s);
    }

    void gracefulStopFinishesWhatIsInFlight()
    {
        auto server = startServer();
        QVERIFY(server);
        RawHttpClient busy;
        QVERIFY(busy.connect(server->port()));
        QVERIFY(busy.send(get("/slow/200/last")));
        RawHttpClient idle;
        QVERIFY(idle.connect(server->port()));
        QVERIFY(idle.send(get("/")));
        QCOMPARE(idle.read().status, 200);
        QTRY_COMPARE(server->openConnections(), 2);
        const quint16 port = server->port();
        server->stopGracefully(10s);
        QVERIFY(!server->isListening());
        const auto r = busy.read();
        QCOMPARE(r.body, "last"s);
        QCOMPARE(r.header("Connection").value_or(""), "close"s);
        QVERIFY(busy.waitClosed());
        QVERIFY(idle.waitClosed());
        RawHttpClient late;
        late.socket().connectToHost(QStringLiteral("127.0.0.1"), port);
        QVERIFY(!late.socket().waitForConnected(5000)); // refused: nobody listens any more
    }

    void stopClosesConnectionsAndRestarts()
    {
        auto server = startServer();
        QVERIFY(server);
        RawHttpClient c;
        QVERIFY(c.connect(server->port()));
        QVERIFY(c.send(get("/never")));
        QTRY_COMPARE(server->openConnections(), 1);
        server->stop();
        QVERIFY(c.waitClosed());
        QVERIFY(!server->isListening());
        QVERIFY(server->start());
        RawHttpClient again;
        QVERIFY(again.connect(server->port()));
        QVERIFY(again.send(get("/")));
        QCOMPARE(again.read().status, 200);
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "TestHttpServer.moc"
