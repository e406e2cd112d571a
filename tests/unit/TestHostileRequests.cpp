// SPDX-License-Identifier: Apache-2.0
// A corpus of malformed and hostile requests, each sent raw over its own
// socket. For every one: the exact status, the connection closed, nothing
// answered after it (no smuggled request), and the server still serving both a
// fresh client and a bystander that keeps one connection open throughout.
#include "server/HttpServer.h"

#include "EchoHandler.h"
#include "RawHttpClient.h"
#include "TestSupport.h"

#include <QTest>

#include <random>

using namespace std::string_literals;
using namespace std::chrono_literals;
using pc::test::RawHttpClient;

namespace {

const std::string host = "Host: t\r\n";

std::string post(const std::string& headers, const std::string& body = {})
{
    return "POST /p HTTP/1.1\r\n" + host + headers + "\r\n" + body;
}

std::string randomBytes(std::size_t n, unsigned seed)
{
    std::mt19937 rng(seed);
    std::string out(n, '\0');
    for (char& c : out) {
        c = static_cast<char>(rng() & 0xff);
    }
    out[0] = '\x9c'; // never a letter, so never mistaken for a method
    return out;
}

} // namespace

class TestHostileRequests final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<pc::HttpServer> m_server;
    std::unique_ptr<RawHttpClient> m_bystander;

    void checkAlive()
    {
        RawHttpClient fresh;
        QVERIFY(fresh.connect(m_server->port()));
        QVERIFY(fresh.send("GET /alive HTTP/1.1\r\nHost: t\r\n\r\n"));
        QCOMPARE(fresh.read().status, 200);
        QVERIFY(m_bystander->send("GET /bystander HTTP/1.1\r\nHost: t\r\n\r\n"));
        const auto r = m_bystander->read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, "GET /bystander "s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        pc::ServerConfig config;
        config.threads = 2;
        config.limits.maxTargetBytes = 1024;
        config.limits.maxHeaderBytes = 4096;
        config.limits.maxHeaders = 50;
        config.limits.maxBodyBytes = 4096;
        config.headerTimeout = 400ms;
        config.bodyTimeout = 400ms;
        config.idleTimeout = 600s;
        m_server = std::make_unique<pc::HttpServer>(config, std::make_shared<pc::test::EchoHandler>());
        QVERIFY(m_server->start());
        m_bystander = std::make_unique<RawHttpClient>();
        QVERIFY(m_bystander->connect(m_server->port()));
    }

    void cleanupTestCase()
    {
        m_bystander.reset();
        m_server.reset();
    }

    void hostile_data()
    {
        QTest::addColumn<std::string>("bytes");
        QTest::addColumn<int>("answeredFirst"); // valid pipelined requests answered before the bad one
        QTest::addColumn<int>("status");

        // Line structure
        QTest::newRow("bare LF line ends") << "GET / HTTP/1.1\nHost: t\n\n"s << 0 << 400;
        QTest::newRow("bare CR in value") << "GET / HTTP/1.1\r\nHost: t\r\nX: a\rb\r\n\r\n"s << 0 << 400;
        QTest::newRow("CR alone ends a line") << "GET / HTTP/1.1\rHost: t\r\n\r\n"s << 0 << 400;
        QTest::newRow("obs-fold continuation") << "GET / HTTP/1.1\r\n" + host + "X: a\r\n b\r\n\r\n" << 0 << 400;
        QTest::newRow("fold on the first field") << "GET / HTTP/1.1\r\n Host: t\r\n\r\n"s << 0 << 400;
        QTest::newRow("empty lines then garbage") << "\r\n\r\n\r\n\x01\x02\r\n\r\n"s << 0 << 400;
        QTest::newRow("NUL first byte") << "\0GET / HTTP/1.1\r\n\r\n"s << 0 << 400;

        // Request line
        QTest::newRow("double space") << "GET  / HTTP/1.1\r\n" + host + "\r\n" << 0 << 400;
        QTest::newRow("tab separator") << "GET\t/ HTTP/1.1\r\n" + host + "\r\n" << 0 << 400;
        QTest::newRow("trailing space") << "GET / HTTP/1.1 \r\n" + host + "\r\n" << 0 << 400;
        QTest::newRow("HTTP/0.9 simple request") << "GET /\r\n\r\n"s << 0 << 400;
        QTest::newRow("lower-case version") << "GET / http/1.1\r\n" + host + "\r\n" << 0 << 400;
        QTest::newRow("two-digit version") << "GET / HTTP/12.1\r\n" + host + "\r\n" << 0 << 400;
        QTest::newRow("HTTP/2.0 line") << "GET / HTTP/2.0\r\n" + host + "\r\n" << 0 << 505;
        QTest::newRow("h2 prior-knowledge preface") << "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"s << 0 << 505;
        QTest::newRow("TLS ClientHello on plain port")
            << "\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03\r\n\r\n"s << 0 << 400;
        QTest::newRow("random binary") << randomBytes(600, 7) + "\r\n\r\n" << 0 << 400;
        QTest::newRow("unknown method") << "BREW /pot HTTP/1.1\r\n" + host + "\r\n" << 0 << 501;
        QTest::newRow("lower-case method") << "get / HTTP/1.1\r\n" + host + "\r\n" << 0 << 501;
        QTest::newRow("method with a delimiter") << "GE(T / HTTP/1.1\r\n" + host + "\r\n" << 0 << 400;
        QTest::newRow("very long method") << std::string(200, 'A') + " / HTTP/1.1\r\n" + host + "\r\n" << 0 << 501;
        QTest::newRow("CONNECT tunnel") << "CONNECT internal:22 HTTP/1.1\r\n" + host + "\r\n" << 0 << 501;
        QTest::newRow("relative target") << "GET admin HTTP/1.1\r\n" + host + "\r\n" << 0 << 400;
        QTest::newRow("asterisk with GET") << "GET * HTTP/1.1\r\n" + host + "\r\n" << 0 << 400;
        QTest::newRow("fragment in target") << "GET /a#b HTTP/1.1\r\n" + host + "\r\n" << 0 << 400;
        QTest::newRow("NUL in target") << "GET /a\0b HTTP/1.1\r\n"s + host + "\r\n" << 0 << 400;
        QTest::newRow("raw UTF-8 in target") << "GET /caf\xc3\xa9 HTTP/1.1\r\n" + host + "\r\n" << 0 << 400;
        QTest::newRow("broken absolute URL") << "GET http://[::1 HTTP/1.1\r\n" + host + "\r\n" << 0 << 400;

        // Header fields
        QTest::newRow("space before colon") << "GET / HTTP/1.1\r\nHost : t\r\n\r\n"s << 0 << 400;
        QTest::newRow("space inside name") << "GET / HTTP/1.1\r\n" + host + "X Y: 1\r\n\r\n" << 0 << 400;
        QTest::newRow("empty name") << "GET / HTTP/1.1\r\n" + host + ": 1\r\n\r\n" << 0 << 400;
        QTest::newRow("no colon") << "GET / HTTP/1.1\r\n" + host + "NoColon\r\n\r\n" << 0 << 400;
        QTest::newRow("UTF-8 in name") << "GET / HTTP/1.1\r\n" + host + "X-\xc3\xa9: 1\r\n\r\n" << 0 << 400;
        QTest::newRow("NUL in value") << "GET / HTTP/1.1\r\n"s + host + "X: a\0b\r\n\r\n"s << 0 << 400;
        QTest::newRow("control in value") << "GET / HTTP/1.1\r\n" + host + "X: \x01\r\n\r\n" << 0 << 400;
        QTest::newRow("DEL in value") << "GET / HTTP/1.1\r\n" + host + "X: \x7f\r\n\r\n" << 0 << 400;
        QTest::newRow("missing Host") << "GET / HTTP/1.1\r\n\r\n"s << 0 << 400;
        QTest::newRow("two Hosts") << "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"s << 0 << 400;
        QTest::newRow("unmeetable Expect") << post("Expect: 200-ok\r\nContent-Length: 1\r\n", "x") << 0 << 417;

        // Sizes
        QTest::newRow("target too long") << "GET /" + std::string(2000, 'a') + " HTTP/1.1\r\n" + host + "\r\n"
                                         << 0 << 414;
        QTest::newRow("endless request line") << "GET /" + std::string(6000, 'a') << 0 << 414;
        QTest::newRow("header field too large")
            << "GET / HTTP/1.1\r\n" + host + "X: " + std::string(5000, 'v') + "\r\n\r\n"
            << 0 << 431;
        QTest::newRow("endless header") << "GET / HTTP/1.1\r\n" + host + "X: " + std::string(9000, 'v') << 0 << 431;
        std::string many = "GET / HTTP/1.1\r\n" + host;
        for (int i = 0; i < 60; ++i) {
            many += "X-" + std::to_string(i) + ":\r\n";
        }
        QTest::newRow("too many header fields") << many + "\r\n" << 0 << 431;
        QTest::newRow("Content-Length above limit") << post("Content-Length: 100000\r\n") << 0 << 413;
        QTest::newRow("chunked body above limit")
            << post("Transfer-Encoding: chunked\r\n", "1000\r\n" + std::string(4096, 'x') + "\r\n1\r\nx\r\n0\r\n\r\n")
            << 0 << 413;

        // Framing and request smuggling
        const std::string smuggled = "GET /smuggled HTTP/1.1\r\n" + host + "\r\n";
        QTest::newRow("CL.TE") << post("Content-Length: 6\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n" + smuggled)
                               << 0 << 400;
        QTest::newRow("TE.CL") << post("Transfer-Encoding: chunked\r\nContent-Length: 4\r\n", "5c\r\n" + smuggled) << 0
                               << 400;
        QTest::newRow("TE identity with CL")
            << post("Transfer-Encoding: identity\r\nContent-Length: 3\r\n", "abc") << 0 << 400;
        QTest::newRow("TE with space before colon")
            << post("Transfer-Encoding : chunked\r\nContent-Length: 3\r\n", "abc") << 0 << 400;
        QTest::newRow("TE xchunked") << post("Transfer-Encoding: xchunked\r\n", "0\r\n\r\n") << 0 << 400;
        QTest::newRow("TE vertical tab") << post("Transfer-Encoding:\x0b"
                                                 "chunked\r\n",
                                                 "0\r\n\r\n")
                                         << 0 << 400;
        QTest::newRow("TE chunked not last") << post("Transfer-Encoding: chunked, gzip\r\n") << 0 << 400;
        QTest::newRow("TE gzip then chunked") << post("Transfer-Encoding: gzip, chunked\r\n", "0\r\n\r\n") << 0 << 501;
        QTest::newRow("TE chunked twice")
            << post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n") << 0 << 400;
        QTest::newRow("TE chunked plus other header")
            << post("Transfer-Encoding: chunked\r\nTransfer-Encoding: x\r\n", "0\r\n\r\n") << 0 << 400;
        QTest::newRow("TE in HTTP/1.0") << "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled
                                        << 0 << 400;
        QTest::newRow("two different Content-Lengths")
            << post("Content-Length: 3\r\nContent-Length: 4\r\n", "abcd") << 0 << 400;
        QTest::newRow("two equal Content-Lengths")
            << post("Content-Length: 3\r\nContent-Length: 3\r\n", "abc") << 0 << 400;
        QTest::newRow("Content-Length list") << post("Content-Length: 3, 3\r\n", "abc") << 0 << 400;
        QTest::newRow("Content-Length with sign") << post("Content-Length: +3\r\n", "abc") << 0 << 400;
        QTest::newRow("negative Content-Length") << post("Content-Length: -1\r\n") << 0 << 400;
        QTest::newRow("hex Content-Length") << post("Content-Length: 0x3\r\n", "abc") << 0 << 400;
        QTest::newRow("overflowing Content-Length") << post("Content-Length: 184467440737095516160\r\n") << 0 << 400;
        QTest::newRow("chunk size not hex")
            << post("Transfer-Encoding: chunked\r\n", "zz\r\nabc\r\n0\r\n\r\n") << 0 << 400;
        QTest::newRow("chunk size overflow")
            << post("Transfer-Encoding: chunked\r\n", "10000000000000000\r\nabc\r\n") << 0 << 400;
        QTest::newRow("negative chunk size")
            << post("Transfer-Encoding: chunked\r\n", "-1\r\nabc\r\n0\r\n\r\n") << 0 << 400;
        QTest::newRow("chunk longer than its size")
            << post("Transfer-Encoding: chunked\r\n", "3\r\nabcdef\r\n0\r\n\r\n") << 0 << 400;
        QTest::newRow("junk instead of CRLF after chunk data")
            << post("Transfer-Encoding: chunked\r\n", "3\r\nabcXY0\r\n\r\n" + smuggled) << 0 << 400;
        QTest::newRow("bare LF after chunk size")
            << post("Transfer-Encoding: chunked\r\n", "3\nabc\r\n0\r\n\r\n") << 0 << 400;
        QTest::newRow("last chunk without final CRLF")
            << post("Transfer-Encoding: chunked\r\n", "0\r\n\rX" + smuggled) << 0 << 400;
        QTest::newRow("endless chunk extension")
            << post("Transfer-Encoding: chunked\r\n", "1;" + std::string(80000, 'e') + "\r\nx\r\n0\r\n\r\n") << 0
            << 400;

        // Valid requests first, then an invalid one: the valid ones are answered, then the error, then close.
        QTest::newRow("valid then garbage") << "GET /1 HTTP/1.1\r\n" + host + "\r\n" + "GARBAGE\r\n\r\n" << 1 << 400;
        QTest::newRow("two valid then smuggling")
            << "GET /1 HTTP/1.1\r\n" + host + "\r\nGET /2 HTTP/1.1\r\n" + host + "\r\n" +
                   post("Content-Length: 6\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n" + smuggled)
            << 2 << 400;

        // Stalls (the test server runs with 400 ms header and body timeouts)
        QTest::newRow("head never finishes") << "GET / HTTP/1.1\r\nHost: t\r\nX-Slow: 1"s << 0 << 408;
        QTest::newRow("only empty lines") << "\r\n\r\n"s << 0 << 408;
        QTest::newRow("body shorter than Content-Length") << post("Content-Length: 100\r\n", "short") << 0 << 408;
        QTest::newRow("chunked body never ends") << post("Transfer-Encoding: chunked\r\n", "3\r\nabc\r\n") << 0 << 408;
    }

    void hostile()
    {
        QFETCH(std::string, bytes);
        QFETCH(int, answeredFirst);
        QFETCH(int, status);
        {
            RawHttpClient c;
            QVERIFY(c.connect(m_server->port()));
            QVERIFY(c.send(bytes));
            for (int i = 0; i < answeredFirst; ++i) {
                QCOMPARE(c.read().status, 200);
            }
            const auto r = c.read();
            QVERIFY2(r.status != 0, "no response");
            QCOMPARE(r.status, status);
            QCOMPARE(r.header("Connection").value_or(""), "close"s);
            QVERIFY2(c.waitClosed(), "the connection stayed open or more was answered (smuggled request?)");
        }
        checkAlive();
    }

    void floodOfTinyPipelinedRequests()
    {
        RawHttpClient c;
        QVERIFY(c.connect(m_server->port()));
        std::string batch;
        for (int i = 0; i < 2000; ++i) {
            batch += "GET /f" + std::to_string(i) + " HTTP/1.1\r\n" + host + "\r\n";
        }
        QVERIFY(c.send(batch));
        for (int i = 0; i < 2000; ++i) {
            const auto r = c.read();
            QCOMPARE(r.body, "GET /f" + std::to_string(i) + ' ');
        }
        checkAlive();
    }

    void clientThatNeverReadsIsBounded()
    {
        // A client that sends many requests and never reads must not make the
        // server buffer answers without bound: the server stops reading, then
        // the client's own send blocks. Either way the others are served.
        RawHttpClient c;
        QVERIFY(c.connect(m_server->port()));
        std::string batch;
        for (int i = 0; i < 200; ++i) {
            batch += "GET /stream/2000 HTTP/1.1\r\n" + host + "\r\n";
        }
        c.socket().write(batch.data(), static_cast<qint64>(batch.size()));
        c.socket().waitForBytesWritten(1000);
        checkAlive();
    }
};

QTEST_GUILESS_MAIN(TestHostileRequests)
#include "TestHostileRequests.moc"
