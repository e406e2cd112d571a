// SPDX-License-Identifier: Apache-2.0
// `portcullis-cli serve` on the tutorial policy, exercised by real clients:
// curl and QNetworkAccessManager. Stages the engine does not run yet
// (rate_limit, auth, validation) make their tests skip with the reason.
#include "engine/CompiledPolicy.h"
#include "policy/PolicyFile.h"

#include "FakeUpstream.h"
#include "ServeProcess.h"
#include "TestSupport.h"

#include <nlohmann/json.hpp>

#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <map>

using namespace std::string_literals;
using pc::test::ServeProcess;

namespace {

const QString tutorial = QString::fromStdString(pc::test::sourcePath("resources/examples/fastapi-tutorial.json"));
const char* const origin = "https://yourdomain.com";

struct CurlResult {
    int exitCode = -1;
    int status = 0;
    std::map<std::string, std::string> headers; // lower-case names; last value wins
    [[nodiscard]] std::string header(const std::string& name) const
    {
        const auto it = headers.find(name);
        return it == headers.end() ? std::string() : it->second;
    }
    std::string body;
};

CurlResult curl(QStringList args)
{
    QProcess p;
    p.start(QStringLiteral("curl"),
            QStringList{QStringLiteral("-sS"), QStringLiteral("-i"), QStringLiteral("-H"), QStringLiteral("Expect:")} +
                args);
    p.waitForFinished(30000);
    CurlResult r;
    r.exitCode = p.exitCode();
    std::string out = p.readAllStandardOutput().toStdString();
    const std::size_t end = out.find("\r\n\r\n");
    if (end == std::string::npos) {
        return r;
    }
    const std::string head = out.substr(0, end);
    r.body = out.substr(end + 4);
    std::size_t pos = head.find("\r\n");
    r.status = std::stoi(head.substr(9, 3));
    while (pos != std::string::npos) {
        const std::size_t next = head.find("\r\n", pos + 2);
        const std::string line = head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
        const std::size_t colon = line.find(':');
        if (colon != std::string::npos) {
            std::string name = line.substr(0, colon);
            for (char& c : name) {
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            r.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
        }
        pos = next;
    }
    return r;
}

bool hasTutorialHeaders(const CurlResult& r)
{
    return r.headers.count("x-content-type-options") && r.headers.at("x-content-type-options") == "nosniff" &&
           r.headers.count("x-frame-options") && r.headers.at("x-frame-options") == "DENY" &&
           r.headers.count("x-xss-protection") && r.headers.count("strict-transport-security");
}

// Whether the engine on this branch runs `stage` for the tutorial policy.
bool engineRuns(std::string_view stage)
{
    auto policy = pc::PolicyFile::load(tutorial.toStdString());
    if (!policy) {
        return false;
    }
    pc::CompileOptions options;
    options.requireSecrets = false;
    auto compiled = pc::CompiledPolicy::compile(*policy, options);
    if (!compiled) {
        return false;
    }
    const auto names = (*compiled)->stageNames();
    return std::find(names.begin(), names.end(), stage) != names.end();
}

QString deadUpstream()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return QStringLiteral("http://127.0.0.1:%1").arg(port);
}

QNetworkReply* waitFor(QNetworkReply* reply)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished()) {
        loop.exec();
    }
    return reply;
}

} // namespace

class TestServeCli final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ServeProcess> m_serve;

    QString url(const char* path) const { return m_serve->url() + QLatin1String(path); }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty()) {
            QSKIP("curl is not installed");
        }
        m_serve = std::make_unique<ServeProcess>(QStringList{tutorial, QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY2(m_serve->waitReady(), m_serve->standardError().constData());
    }

    void cleanupTestCase()
    {
        if (m_serve) {
            const int code = m_serve->stop(SIGTERM);
            QVERIFY2(code == 0, m_serve->standardError().constData());
        }
    }

    void printsExactlyTheListeningLine()
    {
        const QByteArray out = m_serve->standardOutput();
        QVERIFY(out.startsWith("listening on http://127.0.0.1:"));
        QVERIFY(m_serve->port() > 0);
    }

    void corsPreflightAndActualRequests()
    {
        const auto preflight =
            curl({QStringLiteral("-X"), QStringLiteral("OPTIONS"), QStringLiteral("-H"),
                  QStringLiteral("Origin: https://yourdomain.com"), QStringLiteral("-H"),
                  QStringLiteral("Access-Control-Request-Method: POST"), QStringLiteral("-H"),
                  QStringLiteral("Access-Control-Request-Headers: content-type, authorization"), url("/api/users")});
        QCOMPARE(preflight.status / 100, 2);
        QCOMPARE(preflight.header("access-control-allow-origin"), std::string(origin));
        QCOMPARE(preflight.header("access-control-allow-credentials"), "true"s);
        QVERIFY(preflight.header("access-control-allow-methods").find("POST") != std::string::npos);

        const auto foreign = curl({QStringLiteral("-X"), QStringLiteral("OPTIONS"), QStringLiteral("-H"),
                                   QStringLiteral("Origin: https://evil.example"), QStringLiteral("-H"),
                                   QStringLiteral("Access-Control-Request-Method: POST"), url("/api/users")});
        QVERIFY(!foreign.headers.count("access-control-allow-origin"));

        const auto actual =
            curl({QStringLiteral("-H"), QStringLiteral("Origin: https://yourdomain.com"), url("/api/me")});
        QCOMPARE(actual.header("access-control-allow-origin"), std::string(origin));
        QVERIFY(actual.header("vary").find("Origin") != std::string::npos);
        QVERIFY(hasTutorialHeaders(actual));
    }

    void qnamRequests()
    {
        QNetworkAccessManager nam;
        QNetworkRequest get(QUrl(url("/api/me")));
        get.setRawHeader("Origin", origin);
        std::unique_ptr<QNetworkReply> reply(waitFor(nam.get(get)));
        QCOMPARE(reply->rawHeader("Access-Control-Allow-Origin"), QByteArray(origin));
        QCOMPARE(reply->rawHeader("X-Frame-Options"), QByteArray("DENY"));

        QNetworkRequest preflight(QUrl(url("/api/users")));
        preflight.setRawHeader("Origin", origin);
        preflight.setRawHeader("Access-Control-Request-Method", "DELETE");
        std::unique_ptr<QNetworkReply> options(waitFor(nam.sendCustomRequest(preflight, "OPTIONS")));
        QCOMPARE(options->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() / 100, 2);
        QVERIFY(options->rawHeader("Access-Control-Allow-Methods").contains("DELETE"));

        QNetworkRequest missing(QUrl(url("/api/missing")));
        std::unique_ptr<QNetworkReply> notFound(waitFor(nam.get(missing)));
        QCOMPARE(notFound->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
        QCOMPARE(notFound->rawHeader("X-Content-Type-Options"), QByteArray("nosniff"));
    }

    void securityHeadersOn404And413()
    {
        const auto missing = curl({url("/does-not-exist")});
        QCOMPARE(missing.status, 404);
        QVERIFY(hasTutorialHeaders(missing));

        QTemporaryDir tmp;
        const QString big = tmp.filePath(QStringLiteral("big.json"));
        QFile f(big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(2 * 1024 * 1024, 'x'));
        f.close();
        const auto tooLarge = curl({QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"),
                                    QStringLiteral("--data-binary"), QLatin1Char('@') + big, url("/api/users")});
        QCOMPARE(tooLarge.status, 413);
        QVERIFY(hasTutorialHeaders(tooLarge));
    }

    void burstAdmitsExactlyTheLimit()
    {
        if (!engineRuns("rate_limit")) {
            QSKIP("the engine's CompiledPolicy does not run a rate_limit stage yet");
        }
        // Four event loops: each curl connection lands on the next one, and all share one counter.
        ServeProcess fresh({tutorial, QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--threads"),
                            QStringLiteral("4")});
        QVERIFY(fresh.waitReady());
        int admitted = 0;
        CurlResult refused;
        for (int i = 0; i < 15; ++i) {
            const auto r = curl({QString::fromStdString(fresh.url("/api/data"))});
            admitted += r.status == 200 ? 1 : 0;
            if (r.status == 429) {
                refused = r;
            }
        }
        QCOMPARE(admitted, 10);
        QCOMPARE(refused.status, 429);
        QVERIFY(hasTutorialHeaders(refused));
        QCOMPARE(fresh.stop(), 0);
    }

    void validationAnswers422()
    {
        if (!engineRuns("validation")) {
            QSKIP("the engine's CompiledPolicy does not run a validation stage yet");
        }
        const auto r =
            curl({QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"), QStringLiteral("--data"),
                  QStringLiteral(R"({"username": "a;", "email": "nope"})"), url("/api/users")});
        QCOMPARE(r.status, 422);
        const auto body = nlohmann::json::parse(r.body);
        QVERIFY(body["detail"].is_array());
        QCOMPARE(body["detail"][0]["loc"][0].get<std::string>(), "body"s);
        QVERIFY(hasTutorialHeaders(r));
        const auto ok =
            curl({QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"), QStringLiteral("--data"),
                  QStringLiteral(R"({"username": "alice_1", "email": "alice@example.com"})"), url("/api/users")});
        QCOMPARE(ok.status, 200);
    }

    void bearerTokens401And200()
    {
        if (!engineRuns("auth")) {
            QSKIP("the engine's CompiledPolicy does not run an auth stage yet");
        }
        const auto anonymous = curl({url("/api/me")});
        QCOMPARE(anonymous.status, 401);
        QVERIFY(anonymous.header("www-authenticate").rfind("Bearer", 0) == 0);
        QVERIFY(hasTutorialHeaders(anonymous));

        QProcess issue;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SECRET_KEY"), QString::fromLatin1(ServeProcess::kSecretKey));
        issue.setProcessEnvironment(env);
        issue.start(pc::test::cliPath(), {QStringLiteral("token"), QStringLiteral("issue"), QStringLiteral("--policy"),
                                          tutorial, QStringLiteral("--claim"), QStringLiteral("sub=alice")});
        QVERIFY(issue.waitForFinished(30000));
        QCOMPARE(issue.exitCode(), 0);
        const QString token = QString::fromUtf8(issue.readAllStandardOutput()).trimmed();
        const auto authorized =
            curl({QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + token, url("/api/me")});
        QCOMPARE(authorized.status, 200);
        const auto forged = curl({QStringLiteral("-H"),
                                  QStringLiteral("Authorization: Bearer ") + token + QLatin1Char('x'), url("/api/me")});
        QCOMPARE(forged.status, 401);
    }

    void reverseProxyForwardsAndAnswers502()
    {
        pc::test::FakeUpstream upstream({{0, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                             "15\r\n\r\n{\"from\":\"api\"}\n"}});
        QTemporaryDir tmp;
        const QString log = tmp.filePath(QStringLiteral("proxy.jsonl"));
        ServeProcess proxy({tutorial, QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--upstream"),
                            QString::fromStdString(upstream.url()), QStringLiteral("--log"), log});
        QVERIFY2(proxy.waitReady(), proxy.standardError().constData());
        const auto r = curl({QStringLiteral("-H"), QStringLiteral("Origin: https://yourdomain.com"),
                             QString::fromStdString(proxy.url("/api/data"))});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, "{\"from\":\"api\"}\n"s);
        QVERIFY(hasTutorialHeaders(r));
        QCOMPARE(r.header("access-control-allow-origin"), std::string(origin));
        QVERIFY(upstream.lastRequest().find("\r\nX-Forwarded-For: 127.0.0.1\r\n") != std::string::npos);
        QCOMPARE(proxy.stop(SIGINT), 0);

        ServeProcess dead({tutorial, QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--upstream"),
                           deadUpstream(), QStringLiteral("--log"), log});
        QVERIFY(dead.waitReady());
        const auto gone = curl({QString::fromStdString(dead.url("/api/data"))});
        QCOMPARE(gone.status, 502);
        QVERIFY(hasTutorialHeaders(gone));
        QCOMPARE(dead.stop(), 0);
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray lines = f.readAll();
        QVERIFY(lines.contains("\"status\":502"));
        QVERIFY(lines.contains("refused the connection"));
    }

    void requestLogIsRedactedJsonLines()
    {
        QTemporaryDir tmp;
        const QString log = tmp.filePath(QStringLiteral("requests.jsonl"));
        ServeProcess serve({tutorial, QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--log"), log});
        QVERIFY(serve.waitReady());
        const std::string jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
        curl({QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + QString::fromStdString(jwt),
              QStringLiteral("-H"), QStringLiteral("Cookie: session=abc123"),
              QString::fromStdString(serve.url("/api/me?api_key=k-9&page=2"))});
        QCOMPARE(serve.stop(), 0);
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        const auto line = nlohmann::ordered_json::parse(text.left(text.indexOf('\n')).toStdString());
        QCOMPARE(line.begin().key(), "time"s);
        QCOMPARE(line["method"].get<std::string>(), "GET"s);
        QCOMPARE(line["target"].get<std::string>(), "/api/me?api_key=[redacted]&page=2"s);
        QVERIFY(line["trace"].is_array() && !line["trace"].empty());
        QVERIFY(!text.contains(QByteArray::fromStdString(jwt)));
        QVERIFY(!text.contains("abc123"));
        QVERIFY(!text.contains(ServeProcess::kSecretKey));
        QVERIFY(text.contains("Bearer [redacted]"));
    }

    void logToStdout()
    {
        ServeProcess serve(
            {tutorial, QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--log"), QStringLiteral("-")});
        QVERIFY(serve.waitReady());
        curl({QString::fromStdString(serve.url("/api/me"))});
        QTRY_VERIFY(serve.standardOutput().contains("\"target\":\"/api/me\""));
        QCOMPARE(serve.stop(), 0);
    }

    void hotReloadOnSave()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("policy.json"));
        QVERIFY(QFile::copy(tutorial, path));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        ServeProcess serve({path, QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(serve.waitReady());
        // A route the edit adds: polling it never meets the tutorial's rate limit.
        const QString added = QString::fromStdString(serve.url("/api/reloaded"));
        QCOMPARE(curl({added}).status, 404);

        // Save the way editors do: a new file renamed over the old one.
        QFile in(path);
        QVERIFY(in.open(QIODevice::ReadOnly));
        auto doc = nlohmann::json::parse(in.readAll().toStdString());
        in.close();
        doc["routes"].push_back({{"id", "reloaded"},
                                 {"methods", {"GET"}},
                                 {"path", "/api/reloaded"},
                                 {"mock", {{"body", {{"data", "reloaded"}}}}}});
        const QString temp = tmp.filePath(QStringLiteral(".policy.json.new"));
        QFile out(temp);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QByteArray::fromStdString(doc.dump(2)));
        out.close();
        QCOMPARE(std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(path).constData()), 0);
        QTRY_VERIFY_WITH_TIMEOUT(curl({added}).status == 200, 15000);
        QVERIFY(curl({added}).body.find("reloaded") != std::string::npos);

        // A broken save is reported and the previous policy keeps serving.
        QFile broken(path);
        QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
        broken.write("{ not json");
        broken.close();
        QTRY_VERIFY_WITH_TIMEOUT(serve.standardError().contains("still serving the previous one"), 15000);
        QCOMPARE(curl({added}).status, 200);
        QCOMPARE(serve.stop(), 0);
    }

    void tlsWithAGeneratedCertificate()
    {
        QTemporaryDir tmp;
        ServeProcess serve({tutorial, QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--tls"),
                            QStringLiteral("--tls-dir"), tmp.path()});
        QVERIFY2(serve.waitReady(), serve.standardError().constData());
        QVERIFY(serve.url().startsWith(QStringLiteral("https://127.0.0.1:")));
        const auto r = curl({QStringLiteral("--cacert"), tmp.filePath(QStringLiteral("portcullis-test-server.crt")),
                             QString::fromStdString(serve.url("/api/me"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(hasTutorialHeaders(r));
        QCOMPARE(serve.stop(SIGINT), 0);
    }

    void stopsCleanlyOnSigintAndSigterm()
    {
        for (const int signal : {SIGINT, SIGTERM}) {
            ServeProcess serve({tutorial, QStringLiteral("--port"), QStringLiteral("0")});
            QVERIFY(serve.waitReady());
            QCOMPARE(serve.stop(signal), 0);
            QVERIFY(serve.standardError().contains("stopping"));
        }
    }

    void refusesBadInvocations_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("no policy") << QStringList{} << 2;
        QTest::newRow("zero threads") << QStringList{tutorial, QStringLiteral("--threads"), QStringLiteral("0")} << 2;
        QTest::newRow("port out of range")
            << QStringList{tutorial, QStringLiteral("--port"), QStringLiteral("70000")} << 2;
        QTest::newRow("public address without opt-in")
            << QStringList{tutorial, QStringLiteral("--address"), QStringLiteral("0.0.0.0")} << 2;
        QTest::newRow("bad upstream") << QStringList{tutorial, QStringLiteral("--upstream"), QStringLiteral("ftp://x")}
                                      << 2;
        QTest::newRow("missing policy file") << QStringList{QStringLiteral("/nonexistent/policy.json")} << 1;
        QTest::newRow("cert without key")
            << QStringList{tutorial, QStringLiteral("--tls"), QStringLiteral("--cert"), QStringLiteral("c.pem")} << 2;
    }
    void refusesBadInvocations()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        if (!args.contains(QStringLiteral("--port"))) {
            args += QStringList{QStringLiteral("--port"), QStringLiteral("0")};
        }
        ServeProcess serve(args);
        QCOMPARE(serve.waitExit(), exitCode);
        QVERIFY(!serve.standardError().isEmpty());
        QVERIFY(!serve.standardOutput().contains("listening on"));
    }

    void portInUseIsReported()
    {
        ServeProcess second({tutorial, QStringLiteral("--port"), QString::number(m_serve->port())});
        QCOMPARE(second.waitExit(), 1);
        QVERIFY(second.standardError().contains("Cannot listen"));
    }
};

QTEST_GUILESS_MAIN(TestServeCli)
#include "TestServeCli.moc"
