// SPDX-License-Identifier: Apache-2.0
// BrowserHarness: runs fetch() cases in a real headless Chromium. A page
// server (the test server with PageHandler) serves one HTML page from its own
// loopback origin; the page fetch()es each case from another origin and posts
// the verdicts back to its own origin as JSON: {"case": {"outcome":
// "allowed"|"blocked", "status": n}}. Header-only test scaffolding.
#pragma once

#include "server/HttpServer.h"

#include <nlohmann/json.hpp>

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <mutex>
#include <optional>
#include <string>

namespace pc::test {

struct FetchCase {
    std::string name;
    std::string url;
    nlohmann::json init; // the fetch() options: method, headers, credentials, body
};

class PageHandler final : public RequestHandler {
public:
    PageHandler() = default;
    explicit PageHandler(const std::vector<FetchCase>& cases) { setCases(cases); }

    // The page's origin is often needed before the cases' URLs are known: set them later.
    void setCases(const std::vector<FetchCase>& cases)
    {
        nlohmann::json list = nlohmann::json::array();
        for (const FetchCase& c : cases) {
            nlohmann::json init = c.init.is_null() ? nlohmann::json::object() : c.init;
            init["mode"] = "cors";
            init["cache"] = "no-store";
            list.push_back({{"name", c.name}, {"url", c.url}, {"init", init}});
        }
        std::lock_guard lock(m_mutex);
        m_page = R"(<!doctype html><html><head><meta charset="utf-8"><title>running</title></head><body><script>
const cases = )" +
                 list.dump() +
                 R"(;
(async () => {
  const results = {};
  for (const c of cases) {
    try {
      const r = await fetch(c.url, c.init);
      await r.text();
      results[c.name] = {outcome: "allowed", status: r.status};
    } catch (e) {
      results[c.name] = {outcome: "blocked", error: String(e)};
    }
  }
  await fetch("/results", {method: "POST", body: JSON.stringify(results)});
  document.title = "done";
})();
</script></body></html>)";
    }

    void handle(HttpRequest request, RequestScope scope) override
    {
        HttpResponse r;
        if (request.method == "POST" && request.path() == "/results") {
            std::lock_guard lock(m_mutex);
            m_results = nlohmann::json::parse(request.body, nullptr, false);
            r.status = 204;
        } else if (request.path() == "/") {
            r.headers.push_back({"Content-Type", "text/html; charset=utf-8"});
            r.headers.push_back({"Cache-Control", "no-store"});
            std::lock_guard lock(m_mutex);
            r.body = m_page;
        } else {
            r.status = 404;
        }
        scope.responder.send(std::move(r));
    }

    [[nodiscard]] std::optional<nlohmann::json> results() const
    {
        std::lock_guard lock(m_mutex);
        return m_results;
    }

private:
    std::string m_page;
    mutable std::mutex m_mutex;
    std::optional<nlohmann::json> m_results;
};

// One headless Chromium with a throw-away profile, killed on destruction.
class HeadlessChromium {
public:
    static QString executable()
    {
        for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
            const QString path = QStandardPaths::findExecutable(QString::fromLatin1(name));
            if (!path.isEmpty()) {
                return path;
            }
        }
        return {};
    }

    bool start(const QString& url)
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(executable(),
                        {QStringLiteral("--headless=new"), QStringLiteral("--no-sandbox"),
                         QStringLiteral("--disable-gpu"), QStringLiteral("--disable-quic"),
                         QStringLiteral("--no-first-run"), QStringLiteral("--disable-background-networking"),
                         QStringLiteral("--disable-component-update"), QStringLiteral("--disable-sync"),
                         QStringLiteral("--disable-extensions"), QStringLiteral("--disable-dev-shm-usage"),
                         QStringLiteral("--user-data-dir=") + m_profile.path(), url});
        return m_process.waitForStarted(15000);
    }

    [[nodiscard]] QByteArray output() { return m_process.readAll(); }

    ~HeadlessChromium()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

private:
    QTemporaryDir m_profile;
    QProcess m_process;
};

} // namespace pc::test
