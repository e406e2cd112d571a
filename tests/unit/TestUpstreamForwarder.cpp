// SPDX-License-Identifier: Apache-2.0
#include "server/HttpServer.h"
#include "server/ProxyHeaders.h"
#include "server/UpstreamForwarder.h"

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

class ProxyHandler final : public pc::RequestHandler {
public:
    explicit ProxyHandler(std::string upstream) : m_upstream(*pc::UpstreamForwarder::parseUpstream(upstream)) {}
    void handle(pc::HttpRequest request, pc::RequestScope scope) override
    {
        scope.upstream->forward(m_upstream, request, scope.connection,
                                pc::UpstreamForwarder::streamTo(scope.responder, {{"routing", "pass", "proxy", ""}}));
    }

private:
    QUrl m_upstream;
};

struct Proxy {
    explicit Proxy(const std::string& upstream, pc::ServerConfig config = {})
        : server(config, std::make_shared<ProxyHandler>(upstream))
    {
    }
    pc::HttpServer server;
};

bool hasLine(const std::string& request, const std::string& line)
{
    return request.find("\r\n" + line + "\r\n") != std::string::npos;
}

bool hasField(const std::string& request, const std::string& name)
{
    return QByteArray::fromStdString(request).toLower().contains(QByteArray::fromStdString("\r\n" + name + ":"));
}

std::string freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return "http://127.0.0.1:" + std::to_string(port);
}

} // namespace

class TestUpstreamForwarder final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void forwardsWithProxyHeadersAndStripsHopByHop()
    {
        FakeUpstream upstream({{0, "HTTP/1.1 201 Created\r\nContent-Length: 5\r\nConnection: close, X-Up-Hop\r\n"
                                   "X-Up-Hop: 1\r\nKeep-Alive: timeout=5\r\nX-End: 2\r\n\r\nhello"}});
        Proxy proxy(upstream.url() + "/base/");
        QVERIFY(proxy.server.start());
        RawHttpClient c;
        QVERIFY(c.connect(proxy.server.port()));
        QVERIFY(c.send("POST /api/users?x=1 HTTP/1.1\r\nHost: front.example:8080\r\nConnection: keep-alive, X-Hop\r\n"
                       "X-Hop: secret\r\nKeep-Alive: 300\r\nTE: trailers\r\nProxy-Authorization: Basic eA==\r\n"
                       "X-Forwarded-For: 10.0.0.9\r\nX-Forwarded-Proto: https\r\nX-Keep: yes\r\n"
                       "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"));
        const auto r = c.read();
        QCOMPARE(r.status, 201);
        QCOMPARE(r.body, "hello"s);
        QCOMPARE(r.header("X-End").value_or(""), "2"s);
        QVERIFY(!r.header("X-Up-Hop"));
        QVERIFY(!r.header("Keep-Alive"));
        QVERIFY(!r.header("Connection")); // the client's connection stays open
        const std::string sent = upstream.lastRequest();
        QVERIFY2(sent.rfind("POST /base/api/users?x=1 HTTP/1.1\r\n", 0) == 0, sent.c_str());
        QVERIFY(hasLine(sent, "Host: 127.0.0.1:" + std::to_string(upstream.port())));
        QVERIFY(hasLine(sent, "X-Forwarded-For: 10.0.0.9, 127.0.0.1"));
        QVERIFY(hasLine(sent, "X-Forwarded-Proto: http"));
        QVERIFY(hasLine(sent, "X-Forwarded-Host: front.example:8080"));
        QVERIFY(hasLine(sent, "X-Keep: yes"));
        QVERIFY(hasLine(sent, "Content-Length: 5"));
        QVERIFY(hasLine(sent, "Via: 1.1 portcullis"));
        for (const char* hop : {"x-hop", "keep-alive", "te", "proxy-authorization", "transfer-encoding"}) {
            QVERIFY2(!hasField(sent, hop), hop);
        }
        QVERIFY(sent.size() > 5 && sent.compare(sent.size() - 9, 9, "\r\n\r\nhello") == 0);
        // Keep-alive to the client survives the proxied answer.
        QVERIFY(c.send("GET /again HTTP/1.1\r\nHost: t\r\n\r\n"));
        QCOMPARE(c.read().status, 201);
    }

    void streamsAChunkedUpstreamBody()
    {
        FakeUpstream upstream({{0, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"},
                               {50, "3\r\ndef\r\n"},
                               {50, "3\r\nghi\r\n0\r\n\r\n"}});
        Proxy proxy(upstream.url());
        QVERIFY(proxy.server.start());
        RawHttpClient c;
        QVERIFY(c.connect(proxy.server.port()));
        QVERIFY(c.send("GET /s HTTP/1.1\r\nHost: t\r\n\r\n"));
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Transfer-Encoding").value_or(""), "chunked"s);
        QCOMPARE(r.body, "abcdefghi"s);
    }

    void closeDelimitedUpstreamBecomesChunked()
    {
        FakeUpstream upstream({{0, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\npart1-"}, {30, "part2"}});
        Proxy proxy(upstream.url());
        QVERIFY(proxy.server.start());
        RawHttpClient c;
        QVERIFY(c.connect(proxy.server.port()));
        QVERIFY(c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n"));
        const auto r = c.read();
        QCOMPARE(r.body, "part1-part2"s);
        QVERIFY(r.complete);
        QCOMPARE(r.header("Content-Type").value_or(""), "text/plain"s);
    }

    void skipsInformationalAnswers()
    {
        FakeUpstream upstream({{0, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"},
                               {0, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"}});
        Proxy proxy(upstream.url());
        QVERIFY(proxy.server.start());
        RawHttpClient c;
        QVERIFY(c.connect(proxy.server.port()));
        QVERIFY(c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n"));
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, "ok"s);
    }

    void headThroughTheProxy()
    {
        FakeUpstream upstream({{0, "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n"}});
        Proxy proxy(upstream.url());
        QVERIFY(proxy.server.start());
        RawHttpClient c;
        QVERIFY(c.connect(proxy.server.port()));
        QVERIFY(c.send("HEAD /h HTTP/1.1\r\nHost: t\r\n\r\n"));
        const auto r = c.read(true);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Length").value_or(""), "1234"s);
        QVERIFY(upstream.lastRequest().rfind("HEAD /h HTTP/1.1", 0) == 0);
        QVERIFY(c.leftover().empty());
    }

    void unreachableUpstreamIs502WithTheReason()
    {
        Proxy proxy(freePort());
        pc::test::EventCollector events(proxy.server);
        QVERIFY(proxy.server.start());
        RawHttpClient c;
        QVERIFY(c.connect(proxy.server.port()));
        QVERIFY(c.send("GET /down HTTP/1.1\r\nHost: t\r\n\r\n"));
        const auto r = c.read();
        QCOMPARE(r.status, 502);
        QVERIFY2(r.body.find("refused the connection") != std::string::npos, r.body.c_str());
        QTRY_COMPARE(events.count(), 1);
        const pc::RequestEvent e = events.events.front();
        QCOMPARE(e.status, 502);
        QCOMPARE(e.trace.back().stage.str(), "handler"s);
        QVERIFY(e.trace.back().reason.find("refused") != std::string::npos);
        QCOMPARE(e.trace.front().stage.str(), "routing"s); // the decision so far is kept
    }

    void silentUpstreamIs504()
    {
        FakeUpstream upstream({}, false);
        pc::ServerConfig config;
        config.upstream.readTimeout = 300ms;
        Proxy proxy(upstream.url(), config);
        QVERIFY(proxy.server.start());
        RawHttpClient c;
        QVERIFY(c.connect(proxy.server.port()));
        QVERIFY(c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n"));
        const auto r = c.read();
        QCOMPARE(r.status, 504);
        QVERIFY(r.body.find("sent nothing") != std::string::npos);
    }

    void malformedUpstreamIs502()
    {
        FakeUpstream upstream({{0, "NOT-HTTP garbage\r\n\r\n"}});
        Proxy proxy(upstream.url());
        QVERIFY(proxy.server.start());
        RawHttpClient c;
        QVERIFY(c.connect(proxy.server.port()));
        QVERIFY(c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n"));
        const auto r = c.read();
        QCOMPARE(r.status, 502);
        QVERIFY(r.body.find("malformed") != std::string::npos);
    }

    void upstreamClosingMidBodyClosesTheClient()
    {
        FakeUpstream upstream({{0, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort"}});
        Proxy proxy(upstream.url());
        pc::test::EventCollector events(proxy.server);
        QVERIFY(proxy.server.start());
        RawHttpClient c;
        QVERIFY(c.connect(proxy.server.port()));
        QVERIFY(c.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n"));
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QVERIFY(!r.complete); // only 5 of 100 bytes, then the connection closes
        QVERIFY(c.closed());
        QTRY_COMPARE(events.count(), 1);
        const pc::RequestEvent e = events.events.front();
        QVERIFY(e.trace.back().reason.find("middle of the body") != std::string::npos);
    }

    void largeBodyToASlowClient()
    {
        const std::size_t size = 8 * 1024 * 1024;
        std::vector<FakeUpstream::Step> script{
            {0, "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(size) + "\r\n\r\n"}};
        for (std::size_t sent = 0; sent < size; sent += 64 * 1024) {
            script.push_back({0, std::string(64 * 1024, static_cast<char>('a' + (sent / (64 * 1024)) % 26))});
        }
        FakeUpstream upstream(script);
        Proxy proxy(upstream.url());
        QVERIFY(proxy.server.start());
        RawHttpClient c;
        // Small buffers on the client side, so that its not reading backs up to the proxy.
        c.socket().setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 32 * 1024);
        c.socket().setReadBufferSize(32 * 1024);
        QVERIFY(c.connect(proxy.server.port()));
        QVERIFY(c.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n"));
        QTest::qWait(300); // let every buffer on the way fill, so the proxy has to pause the upstream
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.size(), size);
        QCOMPARE(r.body[0], 'a');
        QCOMPARE(r.body[size - 1], static_cast<char>('a' + (size / (64 * 1024) - 1) % 26));
    }

    void parsesUpstreamUrls_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("http") << "http://127.0.0.1:8000"s << true;
        QTest::newRow("https with path") << "https://dev.example/base"s << true;
        QTest::newRow("ipv6") << "http://[::1]:8000"s << true;
        QTest::newRow("no scheme") << "127.0.0.1:8000"s << false;
        QTest::newRow("ftp") << "ftp://host/"s << false;
        QTest::newRow("query") << "http://host/?a=1"s << false;
        QTest::newRow("credentials") << "http://user:pw@host/"s << false;
        QTest::newRow("empty") << ""s << false;
    }
    void parsesUpstreamUrls()
    {
        QFETCH(std::string, text);
        QFETCH(bool, valid);
        QCOMPARE(pc::UpstreamForwarder::parseUpstream(text).ok(), valid);
    }

    void hopByHopNamedInConnection()
    {
        const std::vector<pc::HeaderField> in{{"Connection", "X-A, x-b"}, {"X-A", "1"},      {"X-B", "2"}, {"X-C", "3"},
                                              {"Upgrade", "h2c"},         {"TE", "trailers"}};
        const auto out = pc::ProxyHeaders::withoutHopByHop(in);
        QCOMPARE(int(out.size()), 1);
        QCOMPARE(out.front().name, "X-C"s);
    }
};

QTEST_GUILESS_MAIN(TestUpstreamForwarder)
#include "TestUpstreamForwarder.moc"
