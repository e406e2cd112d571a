// SPDX-License-Identifier: Apache-2.0
#include "server/Redactor.h"
#include "server/RequestLogWriter.h"

#include "TestSupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sstream>

using namespace std::string_literals;

namespace {

pc::RequestEvent sample()
{
    pc::RequestEvent e;
    e.time = pc::SystemTime(std::chrono::milliseconds(1'700'000'000'123));
    e.client = "127.0.0.1:5000";
    e.connectionId = 7;
    e.requestNumber = 2;
    e.method = "POST";
    e.target = "/api/users";
    e.httpVersion = "HTTP/1.1";
    e.requestHeaders = {{"Content-Type", "application/json"}};
    e.status = 422;
    e.latency = std::chrono::microseconds(1500);
    e.trace = {{"validation", "deny", "username is too short", "/schemas/UserInput/fields/username"}};
    return e;
}

} // namespace

class TestRequestLog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writesOneJsonObjectPerLine()
    {
        std::ostringstream out;
        pc::RequestLogWriter writer(out);
        writer.write(sample());
        writer.write(sample());
        const std::string text = out.str();
        QCOMPARE(std::count(text.begin(), text.end(), '\n'), 2L);
        const auto j = nlohmann::json::parse(text.substr(0, text.find('\n')));
        QCOMPARE(j["time"].get<std::string>(), "2023-11-14T22:13:20.123Z"s);
        QCOMPARE(j["client"].get<std::string>(), "127.0.0.1:5000"s);
        QCOMPARE(j["method"].get<std::string>(), "POST"s);
        QCOMPARE(j["target"].get<std::string>(), "/api/users"s);
        QCOMPARE(j["status"].get<int>(), 422);
        QCOMPARE(j["latency_ms"].get<double>(), 1.5);
        QCOMPARE(j["trace"][0]["stage"].get<std::string>(), "validation"s);
        QCOMPARE(j["trace"][0]["where"].get<std::string>(), "/schemas/UserInput/fields/username"s);
        QCOMPARE(j["headers"][0][0].get<std::string>(), "Content-Type"s);
    }

    void survivesInvalidUtf8()
    {
        pc::RequestEvent e = sample();
        e.requestHeaders = {{"X-Bytes", "caf\xe9"}};
        const std::string line = pc::RequestLogWriter::line(e);
        QVERIFY(nlohmann::json::accept(line));
    }

    void appendsToAPrivateFile()
    {
        QTemporaryDir tmp;
        const std::string path = tmp.filePath(QStringLiteral("requests.jsonl")).toStdString();
        for (int run = 0; run < 2; ++run) {
            auto writer = pc::RequestLogWriter::openFile(path);
            QVERIFY(writer);
            (*writer)->write(sample());
        }
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count('\n'), 2);
        QCOMPARE(f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
    }

    void reportsAnUnwritablePath()
    {
        const auto writer = pc::RequestLogWriter::openFile("/nonexistent-dir/x.jsonl");
        QVERIFY(!writer);
        QCOMPARE(writer.error().code, "log-open-failed"s);
    }

    void redactorRules_data()
    {
        QTest::addColumn<std::string>("name");
        QTest::addColumn<std::string>("value");
        QTest::addColumn<std::string>("expected");
        QTest::newRow("bearer keeps scheme") << "Authorization"s
                                             << "Bearer abc.def"s
                                             << "Bearer [redacted]"s;
        QTest::newRow("basic keeps scheme") << "authorization"s
                                            << "Basic dXNlcjpwYXNz"s
                                            << "Basic [redacted]"s;
        QTest::newRow("bare token") << "Authorization"s
                                    << "abc"s
                                    << "[redacted]"s;
        QTest::newRow("proxy auth") << "Proxy-Authorization"s
                                    << "Basic eA=="s
                                    << "Basic [redacted]"s;
        QTest::newRow("cookie keeps names") << "Cookie"s
                                            << "a=1; b=2"s
                                            << "a=[redacted]; b=[redacted]"s;
        QTest::newRow("set-cookie") << "Set-Cookie"s
                                    << "id=1; Secure"s
                                    << "[redacted]"s;
        QTest::newRow("api key") << "X-API-Key"s
                                 << "k"s
                                 << "[redacted]"s;
        QTest::newRow("custom token header") << "X-Refresh-Token"s
                                             << "t"s
                                             << "[redacted]"s;
        QTest::newRow("csrf") << "X-CSRF-Token"s
                              << "t"s
                              << "[redacted]"s;
        QTest::newRow("plain header kept") << "Accept"s
                                           << "application/json"s
                                           << "application/json"s;
        QTest::newRow("jwt in a plain header") << "X-Debug"s
                                               << "tok=eyJhbGciOiJIUzI1NiJ9.eyJhIjoxfQ.sig!"s
                                               << "tok=[redacted]!"s;
        QTest::newRow("eyJ without dots kept") << "X-Debug"s
                                               << "eyJabc"s
                                               << "eyJabc"s;
    }
    void redactorRules()
    {
        QFETCH(std::string, name);
        QFETCH(std::string, value);
        QFETCH(std::string, expected);
        QCOMPARE(pc::Redactor().headerValue(name, value), expected);
    }

    void redactsQueryParameters_data()
    {
        QTest::addColumn<std::string>("target");
        QTest::addColumn<std::string>("expected");
        QTest::newRow("no query") << "/a/b"s
                                  << "/a/b"s;
        QTest::newRow("token") << "/a?token=x&b=1"s
                               << "/a?token=[redacted]&b=1"s;
        QTest::newRow("api_key and key") << "/a?api_key=1&key=2&keyboard=3"s
                                         << "/a?api_key=[redacted]&key=[redacted]&keyboard=3"s;
        QTest::newRow("password and code") << "/cb?code=abc&state=s&password=p"s
                                           << "/cb?code=[redacted]&state=s&password=[redacted]"s;
        QTest::newRow("flag without value") << "/a?token&b=1"s
                                            << "/a?token&b=1"s;
        QTest::newRow("jwt anywhere") << "/a?x=eyJhbGciOiJub25lIn0.eyJ4IjoxfQ."s
                                      << "/a?x=[redacted]"s;
    }
    void redactsQueryParameters()
    {
        QFETCH(std::string, target);
        QFETCH(std::string, expected);
        QCOMPARE(pc::Redactor().target(target), expected);
    }

    void redactsKnownSecretValues()
    {
        const pc::Redactor r({"supersecretvalue", "abc"});
        QCOMPARE(r.text("key is supersecretvalue!"), "key is [redacted]!"s);
        QCOMPARE(r.text("abc stays: too short to be a secret"), "abc stays: too short to be a secret"s);
    }
};

QTEST_GUILESS_MAIN(TestRequestLog)
#include "TestRequestLog.moc"
