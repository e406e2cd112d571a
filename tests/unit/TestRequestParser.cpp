// SPDX-License-Identifier: Apache-2.0
#include "server/RequestParser.h"

#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;
using pc::RequestParser;
using Progress = RequestParser::Progress;

namespace {

struct Outcome {
    std::vector<pc::ParsedRequest> requests;
    bool failed = false;
    pc::ProtocolError error;
};

// Feeds `bytes` in pieces of `step` bytes (0: all at once), the way a socket delivers them.
Outcome run(const std::string& bytes, std::size_t step, pc::ServerLimits limits = {})
{
    RequestParser parser(limits);
    Outcome out;
    std::string buffer;
    std::size_t fed = 0;
    while (fed < bytes.size() || !buffer.empty()) {
        const std::size_t n = step == 0 ? bytes.size() - fed : std::min(step, bytes.size() - fed);
        buffer.append(bytes, fed, n);
        fed += n;
        bool progress = true;
        while (progress && !buffer.empty()) {
            const auto s = parser.parse(buffer);
            buffer.erase(0, s.consumed);
            progress = s.consumed > 0 || s.progress == Progress::MessageComplete;
            if (s.progress == Progress::MessageComplete) {
                out.requests.push_back(parser.takeRequest());
            } else if (s.progress == Progress::Failed) {
                out.failed = true;
                out.error = parser.error();
                return out;
            }
        }
        if (n == 0) {
            break;
        }
    }
    return out;
}

} // namespace

class TestRequestParser final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesValid_data()
    {
        QTest::addColumn<std::string>("bytes");
        QTest::addColumn<int>("count");
        QTest::addColumn<std::string>("method");
        QTest::addColumn<std::string>("target");
        QTest::addColumn<std::string>("body");
        QTest::addColumn<bool>("keepAlive");
        QTest::newRow("simple get") << "GET /api/data?x=1 HTTP/1.1\r\nHost: a\r\n\r\n"s << 1 << "GET"s
                                    << "/api/data?x=1"s
                                    << ""s << true;
        QTest::newRow("content-length body")
            << "POST /u HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"s << 1 << "POST"s
            << "/u"s
            << "hello"s << true;
        QTest::newRow("chunked body with extension and trailer")
            << "POST /u HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
               "3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: 1\r\n\r\n"s
            << 1 << "POST"s
            << "/u"s
            << "abcde"s << true;
        QTest::newRow("chunked with BWS before extension and upper-case hex")
            << "POST /u HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
               "A \t;name=\"quoted value\"\r\n0123456789\r\n0\r\n\r\n"s
            << 1 << "POST"s
            << "/u"s
            << "0123456789"s << true;
        QTest::newRow("pipelined three") << "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n"
                                            "POST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nok"
                                            "GET /3 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"s
                                         << 3 << "GET"s
                                         << "/3"s
                                         << ""s << false;
        QTest::newRow("http/1.0 closes by default") << "GET / HTTP/1.0\r\n\r\n"s << 1 << "GET"s
                                                    << "/"s
                                                    << ""s << false;
        QTest::newRow("http/1.0 keep-alive") << "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"s << 1 << "GET"s
                                             << "/"s
                                             << ""s << true;
        QTest::newRow("leading empty lines ignored") << "\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"s << 1 << "GET"s
                                                     << "/"s
                                                     << ""s << true;
        QTest::newRow("absolute form becomes origin form")
            << "GET http://a.example/p/q?r=1 HTTP/1.1\r\nHost: a\r\n\r\n"s << 1 << "GET"s
            << "/p/q?r=1"s
            << ""s << true;
        QTest::newRow("head") << "HEAD /x HTTP/1.1\r\nHost: a\r\n\r\n"s << 1 << "HEAD"s
                              << "/x"s
                              << ""s << true;
        QTest::newRow("options asterisk") << "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n"s << 1 << "OPTIONS"s
                                          << "*"s
                                          << ""s << true;
        QTest::newRow("upgrade is never kept alive")
            << "GET / HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"s << 1 << "GET"s
            << "/"s
            << ""s << false;
        QTest::newRow("obs-text in value") << "GET / HTTP/1.1\r\nHost: a\r\nX-Name: caf\xc3\xa9\r\n\r\n"s << 1 << "GET"s
                                           << "/"s
                                           << ""s << true;
    }
    void parsesValid()
    {
        QFETCH(std::string, bytes);
        QFETCH(int, count);
        QFETCH(std::string, method);
        QFETCH(std::string, target);
        QFETCH(std::string, body);
        QFETCH(bool, keepAlive);
        // The same requests must come out whatever the read sizes are.
        for (const std::size_t step : {std::size_t(0), std::size_t(1), std::size_t(2), std::size_t(7)}) {
            const Outcome out = run(bytes, step);
            QVERIFY2(!out.failed, out.error.reason.c_str());
            QCOMPARE(int(out.requests.size()), count);
            const pc::ParsedRequest& last = out.requests.back();
            QCOMPARE(last.method, method);
            QCOMPARE(last.target, target);
            QCOMPARE(last.body, body);
            QCOMPARE(last.keepAlive, keepAlive);
        }
    }

    void headersAreTrimmedAndKept()
    {
        const Outcome out = run("GET / HTTP/1.1\r\nHost:  a \r\nX-A:\tb c\t\r\nx-a: d\r\n\r\n"s, 0);
        QCOMPARE(int(out.requests.size()), 1);
        const auto& h = out.requests.front().headers;
        QCOMPARE(int(h.size()), 3);
        QCOMPARE(h[0].value, "a"s);
        QCOMPARE(h[1].name, "X-A"s);
        QCOMPARE(h[1].value, "b c"s);
        QCOMPARE(h[2].value, "d"s);
    }

    void expectContinueIsReportedAtHeadComplete()
    {
        RequestParser parser{pc::ServerLimits{}};
        const std::string head = "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n";
        const auto s = parser.parse(head);
        QCOMPARE(s.progress, Progress::HeadComplete);
        QCOMPARE(s.consumed, head.size());
        QVERIFY(parser.current().expectContinue);
        QVERIFY(parser.readingBody());
        const auto b = parser.parse("abcGET"s);
        QCOMPARE(b.progress, Progress::MessageComplete);
        QCOMPARE(b.consumed, std::size_t(3));
        QCOMPARE(parser.takeRequest().body, "abc"s);
    }

    void rejects_data()
    {
        QTest::addColumn<std::string>("bytes");
        QTest::addColumn<int>("status");
        const std::string host = "Host: a\r\n";
        QTest::newRow("bare LF") << "GET / HTTP/1.1\nHost: a\n\n"s << 400;
        QTest::newRow("bare CR") << "GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n"s << 400;
        QTest::newRow("space before colon") << "GET / HTTP/1.1\r\nHost : a\r\n\r\n"s << 400;
        QTest::newRow("space in name") << "GET / HTTP/1.1\r\nHo st: a\r\n\r\n"s << 400;
        QTest::newRow("obs-fold") << "GET / HTTP/1.1\r\nHost: a\r\nX: a\r\n b\r\n\r\n"s << 400;
        QTest::newRow("fold on first field") << "GET / HTTP/1.1\r\n Host: a\r\n\r\n"s << 400;
        QTest::newRow("NUL in value") << "GET / HTTP/1.1\r\nHost: a\r\nX: a\0b\r\n\r\n"s << 400;
        QTest::newRow("control in value") << "GET / HTTP/1.1\r\nHost: a\r\nX: \x01\r\n\r\n"s << 400;
        QTest::newRow("DEL in value") << "GET / HTTP/1.1\r\nHost: a\r\nX: \x7f\r\n\r\n"s << 400;
        QTest::newRow("no colon") << "GET / HTTP/1.1\r\nHost: a\r\nnocolon\r\n\r\n"s << 400;
        QTest::newRow("double space in request line") << "GET  / HTTP/1.1\r\nHost: a\r\n\r\n"s << 400;
        QTest::newRow("tab in target") << "GET /\t HTTP/1.1\r\nHost: a\r\n\r\n"s << 400;
        QTest::newRow("non-ascii target") << "GET /\xff HTTP/1.1\r\nHost: a\r\n\r\n"s << 400;
        QTest::newRow("fragment") << "GET /a#b HTTP/1.1\r\nHost: a\r\n\r\n"s << 400;
        QTest::newRow("relative target") << "GET a HTTP/1.1\r\nHost: a\r\n\r\n"s << 400;
        QTest::newRow("http/0.9") << "GET /\r\n\r\n"s << 400;
        QTest::newRow("http/2.0") << "GET / HTTP/2.0\r\nHost: a\r\n\r\n"s << 505;
        QTest::newRow("h2 preface") << "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"s << 505;
        QTest::newRow("bad version") << "GET / HTTP/1.x\r\nHost: a\r\n\r\n"s << 400;
        QTest::newRow("unknown method") << "BREW / HTTP/1.1\r\nHost: a\r\n\r\n"s << 501;
        QTest::newRow("lower-case method") << "get / HTTP/1.1\r\nHost: a\r\n\r\n"s << 501;
        QTest::newRow("method not a token") << "G(T / HTTP/1.1\r\nHost: a\r\n\r\n"s << 400;
        QTest::newRow("connect") << "CONNECT a:443 HTTP/1.1\r\nHost: a\r\n\r\n"s << 501;
        QTest::newRow("missing host") << "GET / HTTP/1.1\r\n\r\n"s << 400;
        QTest::newRow("two hosts") << "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"s << 400;
        QTest::newRow("CL and TE") << "POST / HTTP/1.1\r\n" + host +
                                          "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                                   << 400;
        QTest::newRow("TE and CL") << "POST / HTTP/1.1\r\n" + host +
                                          "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n"
                                   << 400;
        QTest::newRow("CL and TE identity")
            << "POST / HTTP/1.1\r\n" + host + "Content-Length: 3\r\nTransfer-Encoding: identity\r\n\r\nabc" << 400;
        QTest::newRow("TE gzip only") << "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip\r\n\r\n" << 400;
        QTest::newRow("TE chunked then gzip")
            << "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked, gzip\r\n\r\n"
            << 400;
        QTest::newRow("TE gzip then chunked")
            << "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"
            << 501;
        QTest::newRow("TE chunked twice")
            << "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n"
            << 400;
        QTest::newRow("TE xchunked") << "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: xchunked\r\n\r\n" << 400;
        QTest::newRow("TE in http/1.0") << "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"s << 400;
        QTest::newRow("two content-lengths")
            << "POST / HTTP/1.1\r\n" + host + "Content-Length: 3\r\nContent-Length: 3\r\n\r\nabc" << 400;
        QTest::newRow("content-length list") << "POST / HTTP/1.1\r\n" + host + "Content-Length: 3, 3\r\n\r\nabc" << 400;
        QTest::newRow("content-length sign") << "POST / HTTP/1.1\r\n" + host + "Content-Length: +3\r\n\r\nabc" << 400;
        QTest::newRow("content-length negative") << "POST / HTTP/1.1\r\n" + host + "Content-Length: -1\r\n\r\n" << 400;
        QTest::newRow("content-length overflow")
            << "POST / HTTP/1.1\r\n" + host + "Content-Length: 99999999999999999999999\r\n\r\n"
            << 400;
        QTest::newRow("chunk size not hex")
            << "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"
            << 400;
        QTest::newRow("chunk size overflow")
            << "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\nabc\r\n"
            << 400;
        QTest::newRow("chunk without CRLF")
            << "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n"
            << 400;
        QTest::newRow("negative chunk size")
            << "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n-3\r\nabc\r\n0\r\n\r\n"
            << 400;
        const std::string chunkedHead = "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n";
        // libhttp-parser (lenient Debian build) accepts every one of these.
        QTest::newRow("chunk data longer than size") << chunkedHead + "3\r\nabcdef\r\n0\r\n\r\n" << 400;
        QTest::newRow("junk instead of CRLF after data") << chunkedHead + "3\r\nabcXY0\r\n\r\n" << 400;
        QTest::newRow("bare LF after chunk size") << chunkedHead + "3\nabc\r\n0\r\n\r\n" << 400;
        QTest::newRow("space after size without extension") << chunkedHead + "3 \r\nabc\r\n0\r\n\r\n" << 400;
        QTest::newRow("empty chunk size") << chunkedHead + "\r\nabc\r\n0\r\n\r\n" << 400;
        QTest::newRow("last chunk without final CRLF") << chunkedHead + "0\r\n\rX" << 400;
        QTest::newRow("bare LF in trailer") << chunkedHead + "0\r\nX: 1\n\r\n" << 400;
        QTest::newRow("control in extension") << chunkedHead + "3;a=\x01\r\nabc\r\n0\r\n\r\n" << 400;
        QTest::newRow("chunk line too long") << chunkedHead + "3;" + std::string(5000, 'e') + "\r\nabc\r\n0\r\n\r\n"
                                             << 400;
        QTest::newRow("trailer too large") << chunkedHead + "0\r\nX: " + std::string(2000, 't') + "\r\n\r\n" << 431;
        QTest::newRow("content-length above limit") << "POST / HTTP/1.1\r\n" + host + "Content-Length: 2048\r\n\r\n"
                                                    << 413;
        QTest::newRow("chunked above limit") << "POST / HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n" +
                                                    "800\r\n" + std::string(2048, 'x') + "\r\n0\r\n\r\n"
                                             << 413;
        QTest::newRow("target too long") << "GET /" + std::string(600, 'a') + " HTTP/1.1\r\n" + host + "\r\n" << 414;
        QTest::newRow("endless request line") << "GET /" + std::string(5000, 'a') << 414;
        QTest::newRow("header too large") << "GET / HTTP/1.1\r\n" + host + "X: " + std::string(1100, 'a') + "\r\n\r\n"
                                          << 431;
        QTest::newRow("endless header") << "GET / HTTP/1.1\r\n" + host + "X: " + std::string(5000, 'a') << 431;
        std::string many = "GET / HTTP/1.1\r\n" + host;
        for (int i = 0; i < 20; ++i) {
            many += "X" + std::to_string(i) + ": 1\r\n";
        }
        QTest::newRow("too many headers") << many + "\r\n" << 431;
        QTest::newRow("expect something else") << "POST / HTTP/1.1\r\n" + host + "Expect: 200-ok\r\n\r\n" << 417;
        QTest::newRow("binary garbage") << "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n"s << 400;
    }
    void rejects()
    {
        QFETCH(std::string, bytes);
        QFETCH(int, status);
        pc::ServerLimits limits;
        limits.maxTargetBytes = 512;
        limits.maxHeaderBytes = 1024;
        limits.maxHeaders = 16;
        limits.maxBodyBytes = 1024;
        for (const std::size_t step : {std::size_t(0), std::size_t(1), std::size_t(5)}) {
            const Outcome out = run(bytes, step, limits);
            QVERIFY2(out.failed, QByteArray::number(int(step)).constData());
            QCOMPARE(out.error.status, status);
            QVERIFY(!out.error.reason.empty());
        }
    }

    void failedParserStaysFailed()
    {
        RequestParser parser{pc::ServerLimits{}};
        QCOMPARE(parser.parse("GET / HTTP/1.1\nHost: a\n\n"s).progress, Progress::Failed);
        QCOMPARE(parser.parse("GET / HTTP/1.1\r\nHost: a\r\n\r\n"s).progress, Progress::Failed);
    }
};

QTEST_GUILESS_MAIN(TestRequestParser)
#include "TestRequestParser.moc"
