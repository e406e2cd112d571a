// SPDX-License-Identifier: Apache-2.0
// `portcullis-cli simulate` and `check` on the FastAPI tutorial example, end to
// end through the built binary: the preflight the tutorial allows, every CORS
// misconfiguration class of reference/cors.md §4 refused, the 11th request in
// a minute limited, the tutorial's injection example refused naming the field,
// bearer routes, and compile-level errors reported by `check` with a location.
#include "TestSupport.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace std::string_literals;
using pc::test::ProcessResult;

namespace {

QString tutorial()
{
    return QString::fromStdString(pc::test::sourcePath("resources/examples/fastapi-tutorial.json"));
}

// Header value by name (case-insensitive) from the JSON decision, "" when absent.
std::string header(const nlohmann::json& decision, const std::string& name)
{
    for (const auto& pair : decision.at("headers")) {
        const std::string n = pair.at(0).get<std::string>();
        if (QString::fromStdString(n).compare(QString::fromStdString(name), Qt::CaseInsensitive) == 0) {
            return pair.at(1).get<std::string>();
        }
    }
    return {};
}

bool hasHeader(const nlohmann::json& decision, const std::string& name)
{
    for (const auto& pair : decision.at("headers")) {
        if (QString::fromStdString(pair.at(0).get<std::string>())
                .compare(QString::fromStdString(name), Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace

class TestSimulateTutorial final : public QObject {
    Q_OBJECT

private:
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    QTemporaryDir m_dir;

    ProcessResult cli(const QStringList& args, const std::string& input = {})
    {
        return pc::test::runProcess(pc::test::cliPath(), args, input, m_env, m_dir.path());
    }
    nlohmann::json simulate(const std::string& request, const QStringList& extra = {})
    {
        const ProcessResult r = cli(
            QStringList{QStringLiteral("simulate"), tutorial(), QStringLiteral("--format"), QStringLiteral("json")} +
                extra,
            request);
        if (r.exitCode != 0) {
            qWarning("simulate failed: %s", r.err.c_str());
            return nlohmann::json();
        }
        return nlohmann::json::parse(r.out);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(pc::test::cliPath())) {
            QSKIP("portcullis-cli is not built; build the 'portcullis-cli' target");
        }
        QVERIFY(m_dir.isValid());
        m_env.insert(QStringLiteral("SECRET_KEY"), QStringLiteral("tutorial-test-secret-of-at-least-32-bytes!"));
    }

    void allowsTheTutorialsPreflight()
    {
        const nlohmann::json d = simulate("OPTIONS /api/users HTTP/1.1\r\nHost: api.test\r\n"
                                          "Origin: https://yourdomain.com\r\nAccess-Control-Request-Method: PUT\r\n"
                                          "Access-Control-Request-Headers: authorization,content-type\r\n\r\n");
        QCOMPARE(d.at("status").get<int>(), 204);
        QCOMPARE(header(d, "Access-Control-Allow-Origin"), "https://yourdomain.com"s);
        QCOMPARE(header(d, "Access-Control-Allow-Credentials"), "true"s);
        QCOMPARE(header(d, "Access-Control-Allow-Methods"), "GET, POST, PUT, DELETE"s);
        QCOMPARE(header(d, "Access-Control-Allow-Headers"), "Authorization, Content-Type"s);
        QCOMPARE(header(d, "Access-Control-Max-Age"), "600"s);
        QCOMPARE(header(d, "Vary"), "Origin"s);
        // Every response, preflights included, carries the security headers.
        QCOMPARE(header(d, "X-Frame-Options"), "DENY"s);
        const auto& trace = d.at("trace");
        QVERIFY(std::any_of(trace.begin(), trace.end(), [](const nlohmann::json& s) {
            return s.at("stage") == "cors" && s.at("verdict") == "answer" && s.at("where") == "/cors/allow_origins/0";
        }));
    }

    void refusesEveryMisconfigurationClass_data()
    {
        QTest::addColumn<std::string>("origin");
        QTest::newRow("1 reflection") << "https://evil.com"s;
        QTest::newRow("2 prefix match") << "https://yourdomain.com.evil.com"s;
        QTest::newRow("3 suffix match") << "https://evilyourdomain.com"s;
        QTest::newRow("4 substring") << "https://ourdomain.com"s;
        QTest::newRow("5 unescaped dot") << "https://yourdomainxcom"s;
        QTest::newRow("6 null") << "null"s;
        QTest::newRow("7 http origin") << "http://yourdomain.com"s;
        QTest::newRow("8 any subdomain") << "https://evil.yourdomain.com"s;
        QTest::newRow("9 third-party hosting") << "https://whatever.github.io"s;
        QTest::newRow("10 underscore") << "https://yourdomain.com_.evil.com"s;
        QTest::newRow("10 backtick") << "https://yourdomain.com%60.evil.com"s;
        QTest::newRow("10 hyphen") << "https://yourdomain.com-.evil.com"s;
        QTest::newRow("10 brace") << "https://yourdomain.com}.evil.com"s;
        QTest::newRow("10 vertical tab") << "https://yourdomain.com%0b.evil.com"s;
        QTest::newRow("11 localhost") << "https://localhost.evil-random.com"s;
        QTest::newRow("default port written out") << "https://yourdomain.com:443"s;
        QTest::newRow("trailing slash") << "https://yourdomain.com/"s;
    }
    void refusesEveryMisconfigurationClass()
    {
        QFETCH(std::string, origin);
        // Class 14: an over-permissive preflight asks for anything.
        const nlohmann::json preflight =
            simulate("OPTIONS /api/data HTTP/1.1\r\nOrigin: " + origin +
                     "\r\nAccess-Control-Request-Method: DELETE\r\nAccess-Control-Request-Headers: x-anything\r\n\r\n");
        QCOMPARE(preflight.at("status").get<int>(), 403);
        QVERIFY(!hasHeader(preflight, "Access-Control-Allow-Origin"));
        QVERIFY(!hasHeader(preflight, "Access-Control-Allow-Credentials"));
        QVERIFY(!hasHeader(preflight, "Access-Control-Allow-Methods"));

        const nlohmann::json actual = simulate("GET /api/data HTTP/1.1\r\nOrigin: " + origin + "\r\n\r\n");
        QCOMPARE(actual.at("status").get<int>(), 200);
        QVERIFY(!hasHeader(actual, "Access-Control-Allow-Origin"));
        QVERIFY(!hasHeader(actual, "Access-Control-Allow-Credentials"));
        QCOMPARE(header(actual, "Vary"), "Origin"s); // class 15: caches must key on Origin
    }

    void limitsTheEleventhRequestInAMinute()
    {
        const ProcessResult r =
            cli({QStringLiteral("simulate"), tutorial(), QStringLiteral("--repeat"), QStringLiteral("11"),
                 QStringLiteral("--client-ip"), QStringLiteral("203.0.113.7")},
                "GET /api/data HTTP/1.1\r\n\r\n");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, "200\n200\n200\n200\n200\n200\n200\n200\n200\n200\n429\n"s);

        const ProcessResult json = cli({QStringLiteral("simulate"), tutorial(), QStringLiteral("--repeat"),
                                        QStringLiteral("11"), QStringLiteral("--format"), QStringLiteral("json"),
                                        QStringLiteral("--at"), QStringLiteral("2026-11-28T12:00:00Z")},
                                       "GET /api/data HTTP/1.1\r\n\r\n");
        const nlohmann::json burst = nlohmann::json::parse(json.out);
        QCOMPARE(burst.size(), size_t(11));
        const nlohmann::json& last = burst.back();
        QCOMPARE(last.at("status").get<int>(), 429);
        QVERIFY(!header(last, "Retry-After").empty());
        QCOMPARE(header(last, "X-Frame-Options"), "DENY"s);
        QCOMPARE(last.at("body").get<std::string>(), "{\"error\":\"Rate limit exceeded: 10 per 1 minute\"}"s);
    }

    void refusesTheInjectionExampleNamingTheField()
    {
        const nlohmann::json d = simulate("POST /api/users HTTP/1.1\r\nContent-Type: application/json\r\n\r\n"
                                          "{\"username\": \"a'--\", \"email\": \"alice@example.com\"}");
        QCOMPARE(d.at("status").get<int>(), 422);
        const nlohmann::json body = nlohmann::json::parse(d.at("body").get<std::string>());
        QCOMPARE(body.at("detail").size(), size_t(1));
        QCOMPARE(body.at("detail").at(0).at("loc").dump(), "[\"body\",\"username\"]"s);
        QCOMPARE(body.at("detail").at(0).at("input").get<std::string>(), "a'--"s);

        const nlohmann::json ok = simulate("POST /api/users HTTP/1.1\r\nContent-Type: application/json\r\n\r\n"
                                           "{\"username\": \"alice_01\", \"email\": \"alice@example.com\"}");
        QCOMPARE(ok.at("status").get<int>(), 200);
    }

    void bearerRoutesNeedAVerifiedToken()
    {
        const nlohmann::json none = simulate("GET /api/me HTTP/1.1\r\n\r\n");
        QCOMPARE(none.at("status").get<int>(), 401);
        QCOMPARE(header(none, "WWW-Authenticate"), "Bearer"s);

        const ProcessResult issued =
            cli({QStringLiteral("token"), QStringLiteral("issue"), QStringLiteral("--policy"), tutorial()});
        QVERIFY2(issued.exitCode == 0, issued.err.c_str());
        const std::string token = issued.out.substr(0, issued.out.find('\n'));
        const nlohmann::json ok = simulate("GET /api/me HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\n\r\n");
        QCOMPARE(ok.at("status").get<int>(), 200);

        const nlohmann::json forged = simulate("GET /api/me HTTP/1.1\r\nAuthorization: Bearer " +
                                               token.substr(0, token.size() - 2) + "AA\r\n\r\n");
        QCOMPARE(forged.at("status").get<int>(), 401);
        QVERIFY(header(forged, "WWW-Authenticate").starts_with("Bearer error=\"invalid_token\""));
        QVERIFY(forged.dump().find(token) == std::string::npos); // the trace never repeats the token
    }

    void checkReportsCompileErrorsWithALocation()
    {
        QFile policy(m_dir.filePath(QStringLiteral("wildcard.json")));
        QVERIFY(policy.open(QIODevice::WriteOnly));
        policy.write("{\n  \"portcullis\": 1,\n  \"name\": \"wildcard\",\n  \"cors\": {\n"
                     "    \"allow_origins\": [\"*\"],\n    \"allow_credentials\": true\n  }\n}\n");
        policy.close();
        const ProcessResult r = cli({QStringLiteral("check"), policy.fileName()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.find("wildcard.json:5:23: /cors/allow_origins/0: ") != std::string::npos, r.err.c_str());
    }

    void requestErrorsAreLocated()
    {
        const ProcessResult r = cli({QStringLiteral("simulate"), tutorial()}, "GET /api/data\r\n\r\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.starts_with("<stdin>:1:"), r.err.c_str());
    }
};

QTEST_GUILESS_MAIN(TestSimulateTutorial)
#include "TestSimulateTutorial.moc"
