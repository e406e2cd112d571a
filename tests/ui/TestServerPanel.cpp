// SPDX-License-Identifier: Apache-2.0
// The workbench's test server: started from the document on a free loopback
// port it answers real HTTP requests with the engine's decisions; every answer
// becomes one log row whose detail shows the trace in the CLI's words; edits,
// undo and redo reload the policy while it runs, rate-limit counters of
// unchanged limits carry on, an edit that does not compile keeps the last good
// policy serving and says where the error is; stop frees the port; the panel's
// button drives it all.
#include "document/PolicyDocument.h"
#include "engine/DecisionFormatter.h"
#include "server/RequestDetailWidget.h"
#include "server/RequestLogModel.h"
#include "server/ServerController.h"
#include "server/ServerPanel.h"
#include "support/Theme.h"
#include "undo/ChangeValue.h"
#include "widgets/MessageLabel.h"

#include "SamplePolicy.h"
#include "TestSupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace std::string_literals;

namespace {

constexpr int kWaitMs = 20000;

struct Answer {
    int status = 0;
    QByteArray body;
    QMap<QByteArray, QByteArray> headers; // lower-case names
};

pc::RequestEvent eventWithStatus(int status)
{
    pc::RequestEvent e;
    e.time = std::chrono::system_clock::now();
    e.client = "127.0.0.1:50000";
    e.method = "GET";
    e.target = "/api/data";
    e.httpVersion = "HTTP/1.1";
    e.status = status;
    e.trace = {{"routing", "pass", "GET /api/data matches route get-data.", "/routes/0"}};
    return e;
}

} // namespace

class TestServerPanel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        // The key comes from a .env beside the policy file, as `serve` finds it.
        QFile env(m_dir->filePath(QStringLiteral(".env")));
        QVERIFY(env.open(QIODevice::WriteOnly));
        env.write("SECRET_KEY=" + QByteArray(48, 'k') + "\n");
        env.close();
        pc::Policy policy = pc::test::samplePolicy();
        policy.secrets[0].dotenv = ".env";
        // A moving window, so no window boundary can fall between the requests of a test.
        policy.rateLimits[0].limit = "10/hour";
        policy.rateLimits[0].strategy = pc::RateStrategy::MovingWindow;
        m_doc = std::make_unique<pc::PolicyDocument>();
        m_doc->reset(policy, m_dir->filePath(QStringLiteral("api.json")));
        m_controller = std::make_unique<pc::ServerController>(m_doc.get());
        // Nothing from the process environment: the .env must be what supplies the key.
        m_controller->setSecretEnvironment([](const std::string&) { return std::optional<pc::SecretBytes>(); });
        m_panel = std::make_unique<pc::ServerPanel>(m_controller.get());
        m_network = std::make_unique<QNetworkAccessManager>();
    }

    void cleanup()
    {
        m_network.reset();
        m_ssl.reset();
        m_panel.reset();
        m_controller.reset();
        m_doc.reset();
        m_dir.reset();
    }

    void servesTheEnginesAnswersAndLogsThem()
    {
        QSignalSpy listening(m_controller.get(), &pc::ServerController::listening);
        QVERIFY(m_controller->start({}));
        QCOMPARE(listening.count(), 1);
        QVERIFY(m_controller->url().startsWith(QStringLiteral("http://127.0.0.1:")));
        QCOMPARE(listening.first().first().toString(), m_controller->url());

        const Answer data = send("GET", "/api/data");
        QCOMPARE(data.status, 200);
        QVERIFY2(data.body.contains("limited"), data.body.constData());
        QCOMPARE(data.headers.value("x-content-type-options"), QByteArray("nosniff"));
        QCOMPARE(data.headers.value("x-frame-options"), QByteArray("DENY"));
        const Answer preflight = send("OPTIONS", "/api/data",
                                      {{"Origin", "https://yourdomain.com"}, {"Access-Control-Request-Method", "GET"}});
        QVERIFY2(preflight.status == 200 || preflight.status == 204, QByteArray::number(preflight.status).constData());
        QCOMPARE(preflight.headers.value("access-control-allow-origin"), QByteArray("https://yourdomain.com"));
        QCOMPARE(send("GET", "/nowhere").status, 404);

        pc::RequestLogModel* log = m_panel->model();
        QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), 3, kWaitMs);
        const QList<std::pair<std::string, int>> expected{{"GET", 200}, {"OPTIONS", preflight.status}, {"GET", 404}};
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(log->event(row).method, expected[row].first);
            QCOMPARE(log->event(row).status, expected[row].second);
            QCOMPARE(log->index(row, pc::RequestLogModel::StatusColumn).data().toString(),
                     pc::RequestLogModel::statusText(expected[row].second));
        }
        QCOMPARE(log->event(2).target, "/nowhere"s);

        m_panel->logView()->selectRow(0);
        const QString detail = m_panel->detail()->text();
        QVERIFY2(detail.startsWith(QStringLiteral("GET /api/data HTTP/1.1\n")), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("Status: 200 OK")), qPrintable(detail));
        QVERIFY(!log->event(0).trace.empty());
        // Word for word the trace block `portcullis-cli simulate --format text` ends with.
        QVERIFY2(detail.contains(QString::fromStdString(pc::DecisionFormatter::traceText(log->event(0).trace))),
                 qPrintable(detail));
        QVERIFY(detail.contains(QStringLiteral("routing pass")));
        QVERIFY(detail.contains(QStringLiteral("Request headers:\n  Host: 127.0.0.1:")));
        m_panel->logView()->selectRow(2);
        QVERIFY(m_panel->detail()->text().contains(QStringLiteral("Status: 404")));
    }

    void theLogModelIsAWellBehavedBoundedModel()
    {
        pc::RequestLogModel log(nullptr, 3);
        QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(pc::RequestLogModel::kDefaultMaxRows, 5000);
        for (int status : {200, 404, 500, 302, 429}) {
            log.append(eventWithStatus(status));
        }
        // The newest three remain, oldest first.
        QCOMPARE(log.rowCount(), 3);
        QCOMPARE(log.event(0).status, 500);
        QCOMPARE(log.event(2).status, 429);
        QCOMPARE(log.columnCount(), static_cast<int>(pc::RequestLogModel::ColumnCount));
        QCOMPARE(log.headerData(pc::RequestLogModel::LatencyColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("Latency"));

        const QPalette palette = QApplication::palette();
        const auto colour = [&log](int row) { return log.index(row, 0).data(Qt::ForegroundRole); };
        QCOMPARE(colour(0).value<QColor>(), pc::Theme::messageColor(palette, pc::Severity::Error));
        QVERIFY(!colour(1).isValid()); // 302: the normal text colour
        QCOMPARE(colour(2).value<QColor>(), pc::Theme::messageColor(palette, pc::Severity::Warning));

        log.clear();
        QCOMPARE(log.rowCount(), 0);
        log.append(eventWithStatus(200));
        QCOMPARE(log.index(0, pc::RequestLogModel::MethodColumn).data().toString(), QStringLiteral("GET"));
    }

    void anEditReloadsAndUndoReloadsBack()
    {
        QVERIFY(m_controller->start({}));
        QVERIFY(!send("GET", "/api/data").headers.contains("x-reloaded"));

        QSignalSpy reloaded(m_controller.get(), &pc::ServerController::reloaded);
        std::vector<pc::HeaderField> headers = m_doc->policy().headers.set;
        headers.push_back({"X-Reloaded", "yes"});
        m_doc->push(new pc::ChangeValue<std::vector<pc::HeaderField>>(
            m_doc.get(), QStringLiteral("Add header"), "/headers/set",
            [](pc::Policy& p) -> std::vector<pc::HeaderField>& { return p.headers.set; }, headers));
        QVERIFY(reloaded.wait(kWaitMs));
        QCOMPARE(send("GET", "/api/data").headers.value("x-reloaded"), QByteArray("yes"));
        QVERIFY(m_panel->statusMessage().startsWith(QStringLiteral("Reloaded")));

        m_doc->undoStack()->undo();
        QVERIFY(reloaded.wait(kWaitMs));
        QVERIFY(!send("GET", "/api/data").headers.contains("x-reloaded"));
        m_doc->undoStack()->redo();
        QVERIFY(reloaded.wait(kWaitMs));
        QCOMPARE(send("GET", "/api/data").headers.value("x-reloaded"), QByteArray("yes"));
    }

    void aCorsEditReachesTheNextPreflight()
    {
        QVERIFY(m_controller->start({}));
        const QList<std::pair<QByteArray, QByteArray>> preflight{{"Origin", "https://app.example"},
                                                                 {"Access-Control-Request-Method", "GET"}};
        QVERIFY(!send("OPTIONS", "/api/data", preflight).headers.contains("access-control-allow-origin"));
        QSignalSpy reloaded(m_controller.get(), &pc::ServerController::reloaded);
        std::vector<std::string> origins = m_doc->policy().cors->allowOrigins;
        origins.push_back("https://app.example");
        m_doc->push(new pc::ChangeValue<std::vector<std::string>>(
            m_doc.get(), QStringLiteral("Add origin"), "/cors/allow_origins",
            [](pc::Policy& p) -> std::vector<std::string>& { return p.cors->allowOrigins; }, origins));
        QVERIFY(reloaded.wait(kWaitMs));
        QCOMPARE(send("OPTIONS", "/api/data", preflight).headers.value("access-control-allow-origin"),
                 QByteArray("https://app.example"));
    }

    void rateLimitCountersSurviveAnUnrelatedEdit()
    {
        QVERIFY(m_controller->start({}));
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(send("GET", "/api/data").status, 200);
        }
        QSignalSpy reloaded(m_controller.get(), &pc::ServerController::reloaded);
        std::vector<pc::HeaderField> headers = m_doc->policy().headers.set;
        headers.push_back({"X-Unrelated", "1"});
        m_doc->push(new pc::ChangeValue<std::vector<pc::HeaderField>>(
            m_doc.get(), QStringLiteral("Add header"), "/headers/set",
            [](pc::Policy& p) -> std::vector<pc::HeaderField>& { return p.headers.set; }, headers));
        QVERIFY(reloaded.wait(kWaitMs));
        // 10 per hour: 4 before the edit and 6 after are admitted, the 11th is not.
        for (int i = 0; i < 6; ++i) {
            const Answer answer = send("GET", "/api/data");
            QCOMPARE(answer.status, 200);
            QCOMPARE(answer.headers.value("x-unrelated"), QByteArray("1"));
        }
        QCOMPARE(send("GET", "/api/data").status, 429);
    }

    void anEditThatDoesNotCompileKeepsTheLastGoodPolicy()
    {
        QVERIFY(m_controller->start({}));
        QSignalSpy failed(m_controller.get(), &pc::ServerController::reloadFailed);
        QSignalSpy reloaded(m_controller.get(), &pc::ServerController::reloaded);
        // RE2 has no lookahead: the CLI refuses this pattern, and so does the server.
        m_doc->push(new pc::ChangeValue<std::string>(
            m_doc.get(), QStringLiteral("Edit pattern"), "/schemas/0/fields/0/pattern",
            [](pc::Policy& p) -> std::string& { return p.schemas[0].fields[0].pattern; }, "^(?=x)[a-z]+$"));
        QVERIFY(failed.wait(kWaitMs));
        QCOMPARE(reloaded.count(), 0);
        const QStringList errors = failed.first().first().toStringList();
        QVERIFY(!errors.isEmpty());
        // Located like the CLI: file:line:column: pointer: message.
        static const QRegularExpression located(
            QStringLiteral("api\\.json:\\d+:\\d+: /schemas/UserInput/fields/username/pattern: "));
        QVERIFY2(located.match(errors.first()).hasMatch(), qPrintable(errors.first()));
        QCOMPARE(m_controller->reloadErrors(), errors);
        QVERIFY2(m_panel->statusMessage().contains(errors.first()), qPrintable(m_panel->statusMessage()));
        QCOMPARE(m_panel->findChild<pc::MessageLabel*>(QStringLiteral("serverStatusLabel"))->toolTip(),
                 errors.join(u'\n'));

        QVERIFY(m_controller->isRunning());
        QCOMPARE(send("GET", "/api/data").status, 200);

        m_doc->undoStack()->undo();
        QVERIFY(reloaded.wait(kWaitMs));
        QVERIFY(m_controller->reloadErrors().isEmpty());
    }

    void servesHttpsWithAGeneratedCertificate()
    {
        pc::ServerStartOptions options;
        options.tls = true;
        options.tlsDirectory = m_dir->filePath(QStringLiteral("tls"));
        QVERIFY(m_controller->start(options));
        QVERIFY2(m_controller->url().startsWith(QStringLiteral("https://127.0.0.1:")), qPrintable(m_controller->url()));
        const QString certificate = m_controller->certificateFile();
        QVERIFY2(certificate.startsWith(options.tlsDirectory), qPrintable(certificate));
        const QList<QSslCertificate> trusted = QSslCertificate::fromPath(certificate);
        QCOMPARE(trusted.size(), 1);
        // Trusting exactly that file is enough, as with curl --cacert.
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(trusted);
        m_ssl = ssl;
        const Answer data = send("GET", "/api/data");
        QCOMPARE(data.status, 200);
        QCOMPARE(data.headers.value("x-content-type-options"), QByteArray("nosniff"));
        QVERIFY(m_panel->curlCommand().contains(QStringLiteral("--cacert '") + certificate + u'\''));
        QVERIFY(m_panel->findChild<QLabel*>(QStringLiteral("certificateLabel"))->text().contains(certificate));
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->rowCount(), 1, kWaitMs);
        QVERIFY(m_panel->model()->event(0).secure);
    }

    void aMissingSecretFailsTheStartAndNamesIt()
    {
        QVERIFY(QFile::remove(m_dir->filePath(QStringLiteral(".env"))));
        QSignalSpy failed(m_controller.get(), &pc::ServerController::failed);
        QVERIFY(!m_controller->start({}));
        QVERIFY(!m_controller->isRunning());
        QCOMPARE(failed.count(), 1);
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("SECRET_KEY")), qPrintable(message));
        QVERIFY2(m_panel->statusMessage().startsWith(QStringLiteral("Did not start")),
                 qPrintable(m_panel->statusMessage()));
    }

    void stopFreesThePort()
    {
        QVERIFY(m_controller->start({}));
        const quint16 port = m_controller->port();
        QVERIFY(port != 0);
        QCOMPARE(send("GET", "/api/data").status, 200);
        QSignalSpy stopped(m_controller.get(), &pc::ServerController::stopped);
        m_controller->stop();
        QCOMPARE(stopped.count(), 1);
        QVERIFY(!m_controller->isRunning());
        QVERIFY(m_controller->url().isEmpty());
        QTcpServer again;
        QVERIFY2(again.listen(QHostAddress::LocalHost, port), qPrintable(again.errorString()));
        m_controller->stop(); // idempotent
        QCOMPARE(stopped.count(), 1);
    }

    void thePanelsButtonDrivesTheController()
    {
        auto* button = m_panel->findChild<QPushButton*>(QStringLiteral("startStopButton"));
        auto* url = m_panel->findChild<QLabel*>(QStringLiteral("urlLabel"));
        QVERIFY(button != nullptr && url != nullptr);
        QVERIFY(!button->toolTip().isEmpty());
        QSignalSpy listening(m_controller.get(), &pc::ServerController::listening);
        button->click();
        QCOMPARE(listening.count(), 1);
        QVERIFY(m_controller->isRunning());
        QCOMPARE(url->text(), m_controller->url());
        QCOMPARE(button->text(), QStringLiteral("&Stop"));
        QVERIFY(m_panel->curlCommand().startsWith(QStringLiteral("curl -i ") + m_controller->url() +
                                                  QStringLiteral("/api/data")));
        QCOMPARE(send("GET", "/api/data").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->rowCount(), 1, kWaitMs);

        m_panel->findChild<QPushButton*>(QStringLiteral("clearLogButton"))->click();
        QCOMPARE(m_panel->model()->rowCount(), 0);

        button->click();
        QVERIFY(!m_controller->isRunning());
        QCOMPARE(button->text(), QStringLiteral("&Start"));
        QVERIFY(m_panel->curlCommand().isEmpty());
    }

    void aBadUpstreamIsRefusedBeforeStarting()
    {
        auto* upstream = m_panel->findChild<QLineEdit*>(QStringLiteral("upstreamLineEdit"));
        auto* button = m_panel->findChild<QPushButton*>(QStringLiteral("startStopButton"));
        upstream->setText(QStringLiteral("ftp://files.example"));
        QVERIFY(!m_panel->findChild<pc::MessageLabel*>(QStringLiteral("upstreamMessageLabel"))->message().isEmpty());
        QVERIFY(!button->isEnabled());
        pc::ServerStartOptions options;
        options.upstream = QStringLiteral("ftp://files.example");
        QVERIFY(!m_controller->start(options));
        upstream->setText(QStringLiteral("http://127.0.0.1:9"));
        QVERIFY(button->isEnabled());
    }

    void everyControlExplainsItself()
    {
        for (QWidget* widget : m_panel->findChildren<QWidget*>()) {
            const QString name = widget->objectName();
            if (name.endsWith(QStringLiteral("Button")) || name.endsWith(QStringLiteral("SpinBox")) ||
                name.endsWith(QStringLiteral("CheckBox")) || name.endsWith(QStringLiteral("LineEdit")) ||
                name.endsWith(QStringLiteral("TableView"))) {
                QVERIFY2(!widget->toolTip().isEmpty(), qPrintable(name));
                QVERIFY2(widget->focusPolicy() & Qt::TabFocus, qPrintable(name));
            }
        }
    }

private:
    Answer send(const QByteArray& method, const char* path,
                const QList<std::pair<QByteArray, QByteArray>>& headers = {})
    {
        QNetworkRequest request(QUrl(m_controller->url() + QString::fromUtf8(path)));
        if (m_ssl) {
            request.setSslConfiguration(*m_ssl);
        }
        for (const auto& [name, value] : headers) {
            request.setRawHeader(name, value);
        }
        QNetworkReply* reply = m_network->sendCustomRequest(request, method);
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            if (!finished.wait(kWaitMs)) {
                qWarning() << "no answer to" << method << path;
            }
        }
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        for (const auto& [name, value] : reply->rawHeaderPairs()) {
            answer.headers.insert(name.toLower(), value);
        }
        reply->deleteLater();
        return answer;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<pc::PolicyDocument> m_doc;
    std::unique_ptr<pc::ServerController> m_controller;
    std::unique_ptr<pc::ServerPanel> m_panel;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::optional<QSslConfiguration> m_ssl;
};

QTEST_MAIN(TestServerPanel)
#include "TestServerPanel.moc"
