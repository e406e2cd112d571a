// SPDX-License-Identifier: Apache-2.0
#include "engine/RawHttpRequest.h"

#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;
using Lines = std::vector<std::string>;

namespace {

Lines headerLines(const pc::HttpRequest& r)
{
    Lines out;
    for (const pc::HeaderField& h : r.headers) {
        out.push_back(h.name + ": " + h.value);
    }
    return out;
}

} // namespace

class TestRawHttpRequest final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesRequests_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<std::string>("method");
        QTest::addColumn<std::string>("target");
        QTest::addColumn<Lines>("headers");
        QTest::addColumn<std::string>("body");
        QTest::newRow("CRLF, no body") << "GET /api/data?x=1 HTTP/1.1\r\nHost: api\r\nAccept: */*\r\n\r\n"s
                                       << "GET"s
                                       << "/api/data?x=1"s << Lines{"Host: api", "Accept: */*"} << ""s;
        QTest::newRow("bare LF") << "GET / HTTP/1.1\nHost: api\n\n"s
                                 << "GET"s
                                 << "/"s << Lines{"Host: api"} << ""s;
        QTest::newRow("no blank line at the end") << "GET / HTTP/1.1\nHost: api"s
                                                  << "GET"s
                                                  << "/"s << Lines{"Host: api"} << ""s;
        QTest::newRow("values trimmed, empty value kept") << "GET / HTTP/1.1\r\nHost:   api \t\r\nX-Empty:\r\n\r\n"s
                                                          << "GET"s
                                                          << "/"s << Lines{"Host: api", "X-Empty: "} << ""s;
        QTest::newRow("leading blank lines") << "\r\n\nGET / HTTP/1.1\nHost: a\n\n"s
                                             << "GET"s
                                             << "/"s << Lines{"Host: a"} << ""s;
        QTest::newRow("byte order mark") << "\xEF\xBB\xBFGET / HTTP/1.1\nHost: a\n\n"s
                                         << "GET"s
                                         << "/"s << Lines{"Host: a"} << ""s;
        QTest::newRow("content-length body")
            << "POST /users HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}"s
            << "POST"s
            << "/users"s << Lines{"Host: a", "Content-Type: application/json", "Content-Length: 7"} << "{\"a\":1}"s;
        QTest::newRow("content-length body, trailing newline")
            << "POST / HTTP/1.1\nHost: a\nContent-Length: 2\n\nok\n"s
            << "POST"s
            << "/"s << Lines{"Host: a", "Content-Length: 2"} << "ok"s;
        QTest::newRow("repeated equal lengths") << "POST / HTTP/1.1\nHost: a\nContent-Length: 2, 2\n\nok"s
                                                << "POST"s
                                                << "/"s << Lines{"Host: a", "Content-Length: 2, 2"} << "ok"s;
        QTest::newRow("chunked")
            << "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\n\r\n"s
            << "POST"s
            << "/"s << Lines{"Host: a", "Transfer-Encoding: chunked"} << "Wikipedia"s;
        QTest::newRow("chunked with LF and trailer")
            << "POST / HTTP/1.1\nHost: a\nTransfer-Encoding: Chunked\n\na\n0123456789\n0\nX-T: 1\n\n"s
            << "POST"s
            << "/"s << Lines{"Host: a", "Transfer-Encoding: Chunked"} << "0123456789"s;
        QTest::newRow("hand-written body without length")
            << "PUT /upload HTTP/1.1\nHost: a\nContent-Type: text/plain\n\nline one\nline two\n\n"s
            << "PUT"s
            << "/upload"s << Lines{"Host: a", "Content-Type: text/plain"} << "line one\nline two"s;
        QTest::newRow("absolute-form target")
            << "GET http://api.example.com/a/b?c=d HTTP/1.1\nHost: api.example.com\n\n"s
            << "GET"s
            << "/a/b?c=d"s << Lines{"Host: api.example.com"} << ""s;
        QTest::newRow("absolute-form without path") << "GET https://api.example.com HTTP/1.1\nHost: x\n\n"s
                                                    << "GET"s
                                                    << "/"s << Lines{"Host: x"} << ""s;
        QTest::newRow("asterisk-form") << "OPTIONS * HTTP/1.1\nHost: a\n\n"s
                                       << "OPTIONS"s
                                       << "*"s << Lines{"Host: a"} << ""s;
        QTest::newRow("HTTP/1.0 without Host") << "GET / HTTP/1.0\n\n"s
                                               << "GET"s
                                               << "/"s << Lines{} << ""s;
        QTest::newRow("obs-text in a value") << "GET / HTTP/1.1\nHost: a\nX-Name: caf\xC3\xA9\n\n"s
                                             << "GET"s
                                             << "/"s << Lines{"Host: a", "X-Name: caf\xC3\xA9"} << ""s;
    }
    void parsesRequests()
    {
        QFETCH(std::string, text);
        QFETCH(std::string, method);
        QFETCH(std::string, target);
        QFETCH(Lines, headers);
        QFETCH(std::string, body);
        auto parsed = pc::RawHttpRequest::parse(text);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().toString().c_str());
        QCOMPARE(parsed->method, method);
        QCOMPARE(parsed->target, target);
        QCOMPARE(headerLines(parsed.value()), headers);
        QCOMPARE(parsed->body, body);
        QCOMPARE(parsed->peerAddress, "127.0.0.1"s);
    }

    void refusesMalformedRequests_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<std::string>("code");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("empty") << ""s
                               << "http-empty"s << 1 << 1;
        QTest::newRow("only blank lines") << "\n\n"s
                                          << "http-empty"s << 2 << 1;
        QTest::newRow("two spaces") << "GET  / HTTP/1.1\n"s
                                    << "http-bad-request-line"s << 1 << 1;
        QTest::newRow("missing version") << "GET /\n"s
                                         << "http-bad-request-line"s << 1 << 1;
        QTest::newRow("bad version") << "GET / HTTP/2\nHost: a\n\n"s
                                     << "http-bad-version"s << 1 << 7;
        QTest::newRow("bad method") << "G(T / HTTP/1.1\n"s
                                    << "http-bad-method"s << 1 << 1;
        QTest::newRow("relative target") << "GET api HTTP/1.1\n"s
                                         << "http-bad-target"s << 1 << 5;
        QTest::newRow("control in target") << "GET /a\x01 HTTP/1.1\n"s
                                           << "http-bad-target"s << 1 << 7;
        QTest::newRow("bare CR in request line") << "GET /a\rb HTTP/1.1\n"s
                                                 << "http-bare-cr"s << 1 << 7;
        QTest::newRow("space before colon") << "GET / HTTP/1.1\nHost : a\n\n"s
                                            << "http-bad-header"s << 2 << 5;
        QTest::newRow("no colon") << "GET / HTTP/1.1\nHost a\n\n"s
                                  << "http-bad-header"s << 2 << 1;
        QTest::newRow("empty name") << "GET / HTTP/1.1\n: a\n\n"s
                                    << "http-bad-header"s << 2 << 1;
        QTest::newRow("obsolete folding") << "GET / HTTP/1.1\nHost: a\nX-A: 1\n  2\n\n"s
                                          << "http-obs-fold"s << 4 << 1;
        QTest::newRow("control in value") << "GET / HTTP/1.1\nHost: a\nX-A: 1\x01\n\n"s
                                          << "http-bad-header"s << 3 << 7;
        QTest::newRow("bare CR in a header") << "GET / HTTP/1.1\nHost: a\rX: 1\n\n"s
                                             << "http-bare-cr"s << 2 << 8;
        QTest::newRow("missing Host") << "GET / HTTP/1.1\nAccept: */*\n\n"s
                                      << "http-host"s << 3 << 1;
        QTest::newRow("two Hosts") << "GET / HTTP/1.1\nHost: a\nHost: b\n\n"s
                                   << "http-host"s << 4 << 1;
        QTest::newRow("length and chunked")
            << "POST / HTTP/1.1\nHost: a\nContent-Length: 3\nTransfer-Encoding: chunked\n\n0\n\n"s
            << "http-ambiguous-framing"s << 5 << 1;
        QTest::newRow("differing lengths") << "POST / HTTP/1.1\nHost: a\nContent-Length: 3\nContent-Length: 4\n\nabcd"s
                                           << "http-bad-length"s << 5 << 1;
        QTest::newRow("negative length") << "POST / HTTP/1.1\nHost: a\nContent-Length: -1\n\n"s
                                         << "http-bad-length"s << 4 << 1;
        QTest::newRow("short body") << "POST / HTTP/1.1\nHost: a\nContent-Length: 10\n\nabc"s
                                    << "http-short-body"s << 4 << 1;
        QTest::newRow("long body") << "POST / HTTP/1.1\nHost: a\nContent-Length: 1\n\nabc"s
                                   << "http-long-body"s << 4 << 1;
        QTest::newRow("gzip encoding") << "POST / HTTP/1.1\nHost: a\nTransfer-Encoding: gzip, chunked\n\n"s
                                       << "http-unsupported-encoding"s << 4 << 1;
        QTest::newRow("bad chunk size") << "POST / HTTP/1.1\nHost: a\nTransfer-Encoding: chunked\n\nzz\n"s
                                        << "http-bad-chunk"s << 5 << 1;
        QTest::newRow("chunk longer than declared")
            << "POST / HTTP/1.1\nHost: a\nTransfer-Encoding: chunked\n\n2\nabc\n0\n\n"s
            << "http-bad-chunk"s << 4 << 1;
        QTest::newRow("missing last chunk") << "POST / HTTP/1.1\nHost: a\nTransfer-Encoding: chunked\n\n2\nab\n"s
                                            << "http-bad-chunk"s << 4 << 1;
        QTest::newRow("huge chunk size")
            << "POST / HTTP/1.1\nHost: a\nTransfer-Encoding: chunked\n\nffffffffffffffff\n"s
            << "http-bad-chunk"s << 5 << 1;
    }
    void refusesMalformedRequests()
    {
        QFETCH(std::string, text);
        QFETCH(std::string, code);
        QFETCH(int, line);
        QFETCH(int, column);
        auto parsed = pc::RawHttpRequest::parse(text);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, code);
        QCOMPARE(parsed.error().line, line);
        QCOMPARE(parsed.error().column, column);
        QCOMPARE(parsed.error().message.back(), '.');
    }

    void boundsSizes()
    {
        pc::RawHttpRequest::Options options;
        options.maxRequestLineBytes = 32;
        options.maxHeaderBytes = 64;
        options.maxHeaders = 2;
        options.maxBodyBytes = 4;
        const auto tooLong = pc::RawHttpRequest::parse("GET /" + std::string(40, 'a') + " HTTP/1.1\n", options);
        QCOMPARE(tooLong.error().code, "http-too-large"s);
        const auto manyHeaders = pc::RawHttpRequest::parse("GET / HTTP/1.1\nHost: a\nA: 1\nB: 2\n\n", options);
        QCOMPARE(manyHeaders.error().code, "http-too-large"s);
        QCOMPARE(manyHeaders.error().line, 4);
        const auto bigHeaders =
            pc::RawHttpRequest::parse("GET / HTTP/1.1\nHost: " + std::string(70, 'h') + "\n\n", options);
        QCOMPARE(bigHeaders.error().code, "http-too-large"s);
        const auto bigBody = pc::RawHttpRequest::parse("POST / HTTP/1.1\nHost: a\nContent-Length: 5\n\n12345", options);
        QCOMPARE(bigBody.error().code, "http-too-large"s);
        const auto bigChunks = pc::RawHttpRequest::parse(
            "POST / HTTP/1.1\nHost: a\nTransfer-Encoding: chunked\n\n3\nabc\n3\ndef\n0\n\n", options);
        QCOMPARE(bigChunks.error().code, "http-too-large"s);
        const auto bigText = pc::RawHttpRequest::parse("POST / HTTP/1.1\nHost: a\n\n123456", options);
        QCOMPARE(bigText.error().code, "http-too-large"s);
    }

    void takesConnectionFacts()
    {
        pc::RawHttpRequest::Options options;
        options.peerAddress = "::1";
        options.secure = true;
        options.requireHost = false;
        const auto parsed = pc::RawHttpRequest::parse("GET / HTTP/1.1\n\n", options);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->peerAddress, "::1"s);
        QVERIFY(parsed->secure);
    }
};

QTEST_GUILESS_MAIN(TestRawHttpRequest)
#include "TestRawHttpRequest.moc"
