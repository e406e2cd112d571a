// SPDX-License-Identifier: Apache-2.0
#include "shell/ServerScreenshot.h"

#include "server/RequestLogModel.h"
#include "server/ServerController.h"
#include "server/ServerPanel.h"
#include "shell/MainWindow.h"
#include "support/SecretGenerator.h"
#include "support/Text.h"

#include <QApplication>
#include <QDockWidget>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPixmap>
#include <QTableView>
#include <QTimer>

#include <functional>
#include <vector>

namespace pc {

namespace {

// Runs the event loop until `done` holds or the timeout passes; true when it held.
template <class Source, class Signal> bool waitFor(const std::function<bool()>& done, Source* source, Signal signal)
{
    if (done()) {
        return true;
    }
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(source, signal, &loop, [&loop, &done] {
        if (done()) {
            loop.quit();
        }
    });
    timeout.start(ServerScreenshot::kTimeoutMs);
    loop.exec();
    return done();
}

struct DemoRequest {
    QByteArray method;
    QString path;
    std::vector<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

} // namespace

bool ServerScreenshot::render(MainWindow& window, const QString& path, QString* error)
{
    const auto fail = [error](const QString& message) {
        if (error != nullptr) {
            *error = message;
        }
        return false;
    };
    ServerController* server = window.server();
    ServerPanel* panel = window.serverPanel();
    server->setSecretEnvironment([](const std::string&) -> std::optional<SecretBytes> {
        return SecretBytes(toStd(SecretGenerator::generate(SecretKind::HmacKey, std::nullopt)));
    });
    window.serverDock()->show();
    window.resizeDocks({window.serverDock()}, {window.height() / 2}, Qt::Vertical);
    if (!panel->start()) {
        return fail(QApplication::translate("ServerScreenshot", "The test server did not start: %1")
                        .arg(panel->statusMessage()));
    }

    const std::vector<DemoRequest> requests = {
        {"GET", QStringLiteral("/api/data"), {}, {}},
        {"OPTIONS",
         QStringLiteral("/api/data"),
         {{"Origin", "https://yourdomain.com"}, {"Access-Control-Request-Method", "GET"}},
         {}},
        {"POST",
         QStringLiteral("/api/users"),
         {{"Content-Type", "application/json"}},
         R"({"username": "a'; DROP TABLE users; --", "email": "alice@example.com"})"},
        {"GET", QStringLiteral("/admin"), {}, {}},
    };
    QNetworkAccessManager network;
    RequestLogModel* log = panel->model();
    for (const DemoRequest& demo : requests) {
        // One at a time, so the log lists them in this order.
        QNetworkRequest request(QUrl(server->url() + demo.path));
        for (const auto& [name, value] : demo.headers) {
            request.setRawHeader(name, value);
        }
        QNetworkReply* reply = network.sendCustomRequest(request, demo.method, demo.body);
        const int before = log->rowCount();
        waitFor([reply] { return reply->isFinished(); }, reply, &QNetworkReply::finished);
        waitFor([log, before] { return log->rowCount() > before; }, log, &QAbstractItemModel::rowsInserted);
        reply->deleteLater();
    }
    if (log->rowCount() < static_cast<int>(requests.size())) {
        server->stop();
        return fail(QApplication::translate("ServerScreenshot", "The test server logged %1 of %2 requests.")
                        .arg(log->rowCount())
                        .arg(requests.size()));
    }
    panel->logView()->selectRow(2);
    QApplication::processEvents();
    const QPixmap pixmap = window.grab();
    server->stop();
    log->clear();
    window.serverDock()->hide();
    if (pixmap.isNull() || !pixmap.save(path, "PNG")) {
        return fail(QApplication::translate("ServerScreenshot", "Cannot write %1.").arg(path));
    }
    return true;
}

} // namespace pc
