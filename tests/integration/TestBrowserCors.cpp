// SPDX-License-Identifier: Apache-2.0
// CORS as a real browser enforces it. Headless Chromium loads a page from one
// loopback origin (an in-process page server) that fetch()es the test server
// (`portcullis-cli serve`, another port, so another origin) for a matrix of
// cases under three policies. Each browser verdict must equal the engine's
// verdict on the exact requests the browser sent (read back from serve's
// request log and evaluated again in-process), and the expected one.
#include "engine/CompiledPolicy.h"
#include "engine/RateLimitStore.h"
#include "policy/PolicyFile.h"
#include "server/HttpServer.h"

#include "BrowserHarness.h"
#include "ServeProcess.h"
#include "TestSupport.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace std::string_literals;
using pc::test::FetchCase;
using pc::test::ServeProcess;

namespace {

struct Case {
    std::string name;
    nlohmann::json init; // fetch() options
    bool credentials = false;
};

const std::vector<Case>& cases()
{
    static const std::vector<Case> all{
        {"get", {}},
        {"get-credentials", {{"credentials", "include"}}, true},
        {"post-text-plain", {{"method", "POST"}, {"headers", {{"Content-Type", "text/plain"}}}, {"body", "x"}}},
        {"post-json", {{"method", "POST"}, {"headers", {{"Content-Type", "application/json"}}}, {"body", "{}"}}},
        {"get-allowed-header", {{"headers", {{"X-Custom", "1"}}}}},
        {"get-other-header", {{"headers", {{"X-Other", "1"}}}}},
        {"put-json", {{"method", "PUT"}, {"headers", {{"Content-Type", "application/json"}}}, {"body", "{}"}}},
        {"delete", {{"method", "DELETE"}}},
        {"patch", {{"method", "PATCH"}, {"body", "x"}}},
        {"put-credentials",
         {{"method", "PUT"},
          {"credentials", "include"},
          {"headers", {{"Content-Type", "application/json"}}},
          {"body", "{}"}},
         true},
    };
    return all;
}

std::string policyFor(const nlohmann::json& cors)
{
    nlohmann::json policy{
        {"portcullis", 1},
        {"name", "browser CORS matrix"},
        {"routes",
         {{{"id", "items"},
           {"methods", {"GET", "POST", "PUT", "DELETE", "PATCH"}},
           {"path", "/api/items"},
           {"mock", {{"body", {{"ok", true}}}}}}}},
        {"limits", {{"content_types", {"application/json", "text/plain"}}}},
        {"cors", cors},
    };
    return policy.dump(2);
}

bool credentialsAllowed(const pc::Decision& d)
{
    return std::any_of(d.headers.begin(), d.headers.end(), [](const pc::HeaderField& h) {
        return pc::equalsIgnoreCase(h.name, "Access-Control-Allow-Credentials") && h.value == "true";
    });
}

std::string corsVerdict(const pc::Decision& d)
{
    for (const pc::TraceStep& step : d.trace) {
        if (step.stage == "cors") {
            return step.verdict.str();
        }
    }
    return {};
}

} // namespace

class TestBrowserCors final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (pc::test::HeadlessChromium::executable().isEmpty()) {
            QSKIP("chromium is not installed");
        }
    }

    void matrix_data()
    {
        QTest::addColumn<std::string>("policyName");
        QTest::addColumn<QStringList>("allowedCases"); // expected browser verdicts
        QTest::newRow("page origin allowed, credentials") << "allows-page"s
                                                          << QStringList{QStringLiteral("get"),
                                                                         QStringLiteral("get-credentials"),
                                                                         QStringLiteral("post-text-plain"),
                                                                         QStringLiteral("post-json"),
                                                                         QStringLiteral("get-allowed-header"),
                                                                         QStringLiteral("put-json"),
                                                                         QStringLiteral("put-credentials")};
        QTest::newRow("page origin denied") << "denies-page"s << QStringList{};
        QTest::newRow("any origin, no credentials")
            << "wildcard"s << QStringList{QStringLiteral("get"),       QStringLiteral("post-text-plain"),
                                          QStringLiteral("post-json"), QStringLiteral("get-allowed-header"),
                                          QStringLiteral("put-json"),  QStringLiteral("delete")};
    }

    void matrix()
    {
        QFETCH(std::string, policyName);
        QFETCH(QStringList, allowedCases);

        // The page's origin goes into the policy, so the page server starts first.
        auto page = std::make_shared<pc::test::PageHandler>();
        pc::HttpServer pageServer(pc::ServerConfig{}, page);
        QVERIFY(pageServer.start());
        const std::string pageOrigin = pageServer.url().toStdString();

        nlohmann::json cors;
        if (policyName == "allows-page") {
            cors = {{"allow_origins", {pageOrigin}},
                    {"allow_credentials", true},
                    {"allow_methods", {"GET", "POST", "PUT"}},
                    {"allow_headers", {"Content-Type", "X-Custom"}}};
        } else if (policyName == "denies-page") {
            cors = {{"allow_origins", {"https://app.example"}},
                    {"allow_credentials", true},
                    {"allow_methods", {"GET", "POST", "PUT", "DELETE", "PATCH"}},
                    {"allow_headers", {"Content-Type", "X-Custom", "X-Other"}}};
        } else {
            cors = {{"allow_origins", {"*"}},
                    {"allow_methods", {"GET", "POST", "PUT", "DELETE"}},
                    {"allow_headers", {"Content-Type", "X-Custom"}}};
        }
        QTemporaryDir tmp;
        const QString policyPath = tmp.filePath(QStringLiteral("policy.json"));
        const QString logPath = tmp.filePath(QStringLiteral("requests.jsonl"));
        {
            QFile f(policyPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray::fromStdString(policyFor(cors)));
        }
        ServeProcess api({policyPath, QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--log"), logPath,
                          QStringLiteral("--no-watch")});
        QVERIFY2(api.waitReady(), api.standardError().constData());
        std::vector<FetchCase> fetches;
        for (const Case& c : cases()) {
            fetches.push_back({c.name, api.url("/api/items?case=" + c.name), c.init});
        }
        page->setCases(fetches);

        pc::test::HeadlessChromium browser;
        QVERIFY(browser.start(QString::fromStdString(pageOrigin) + QStringLiteral("/")));
        QTRY_VERIFY_WITH_TIMEOUT(page->results().has_value(), 90000);
        const nlohmann::json browserResults = *page->results();
        QCOMPARE(api.stop(), 0);

        // The engine, on exactly what the browser sent.
        auto policy = pc::PolicyFile::load(policyPath.toStdString());
        QVERIFY(policy);
        auto compiled = pc::CompiledPolicy::compile(*policy);
        QVERIFY(compiled);
        pc::RateLimitStore store;
        std::map<std::string, std::vector<pc::Decision>> preflights;
        std::map<std::string, std::vector<pc::Decision>> actuals;
        QFile log(logPath);
        QVERIFY(log.open(QIODevice::ReadOnly));
        for (const QByteArray& line : log.readAll().split('\n')) {
            if (line.isEmpty()) {
                continue;
            }
            const auto event = nlohmann::json::parse(line.toStdString());
            pc::HttpRequest request;
            request.method = event["method"];
            request.target = event["target"];
            request.peerAddress = "127.0.0.1";
            for (const auto& h : event["headers"]) {
                request.headers.push_back({h[0].get<std::string>(), h[1].get<std::string>()});
            }
            const std::string query(request.query());
            const std::string name = query.substr(query.find('=') + 1);
            const pc::Decision d = (*compiled)->evaluate(request, std::chrono::system_clock::now(), store);
            // The server decided the same as the engine does here.
            QCOMPARE(event["status"].get<int>(), d.status);
            (request.method == "OPTIONS" ? preflights : actuals)[name].push_back(d);
        }

        int allowed = 0;
        for (const Case& c : cases()) {
            const std::string browserVerdict = browserResults[c.name]["outcome"];
            bool engineAllows = !actuals[c.name].empty();
            for (const pc::Decision& d : preflights[c.name]) {
                engineAllows = engineAllows && corsVerdict(d) == "answer";
            }
            for (const pc::Decision& d : actuals[c.name]) {
                engineAllows = engineAllows && corsVerdict(d) == "pass" && (!c.credentials || credentialsAllowed(d));
            }
            if (!engineAllows && actuals[c.name].empty() && preflights[c.name].empty()) {
                // Nothing reached the server: only a browser-side refusal (never expected here).
                QFAIL(qPrintable(
                    QStringLiteral("no request of case %1 reached the server").arg(QString::fromStdString(c.name))));
            }
            const std::string engineVerdict = engineAllows ? "allowed" : "blocked";
            const std::string expected = allowedCases.contains(QString::fromStdString(c.name)) ? "allowed" : "blocked";
            QVERIFY2(browserVerdict == engineVerdict,
                     qPrintable(QStringLiteral("%1: browser %2, engine %3")
                                    .arg(QString::fromStdString(c.name), QString::fromStdString(browserVerdict),
                                         QString::fromStdString(engineVerdict))));
            QVERIFY2(browserVerdict == expected, qPrintable(QString::fromStdString(c.name + ": " + browserVerdict)));
            allowed += browserVerdict == "allowed" ? 1 : 0;
        }
        QCOMPARE(allowed, int(allowedCases.size()));
    }
};

QTEST_GUILESS_MAIN(TestBrowserCors)
#include "TestBrowserCors.moc"
