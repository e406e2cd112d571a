// SPDX-License-Identifier: Apache-2.0
#include "server/ServerPanel.h"

#include "document/PolicyDocument.h"
#include "server/RequestDetailWidget.h"
#include "server/RequestLogModel.h"
#include "server/ServerController.h"
#include "support/Text.h"
#include "widgets/MessageLabel.h"

#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTime>
#include <QVBoxLayout>

#include <algorithm>

namespace pc {

ServerPanel::ServerPanel(ServerController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_model(new RequestLogModel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buildControls());
    layout->addWidget(buildLog(), 1);

    connect(m_controller, &ServerController::listening, this, [this] {
        m_status->setMessage(tr("Listening on %1").arg(m_controller->url()), Severity::Success);
        m_status->setToolTip(QString());
        updateState();
    });
    connect(m_controller, &ServerController::stopped, this, [this] {
        m_status->setMessage(tr("Stopped."), Severity::Info);
        m_status->setToolTip(QString());
        updateState();
    });
    connect(m_controller, &ServerController::failed, this, [this](const QString& message) {
        m_status->setMessage(tr("Did not start: %1").arg(message.section(u'\n', 0, 1).simplified()), Severity::Error);
        m_status->setToolTip(message);
        updateState();
    });
    connect(m_controller, &ServerController::reloaded, this, [this] {
        m_status->setMessage(tr("Reloaded at %1; rate-limit counters of unchanged limits carry on.")
                                 .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)),
                             Severity::Success);
        m_status->setToolTip(QString());
    });
    connect(m_controller, &ServerController::reloadFailed, this, [this](const QStringList& errors) {
        m_status->setMessage(tr("Reload failed; still serving the previous policy: %1")
                                 .arg(errors.isEmpty() ? QString() : errors.first()),
                             Severity::Error);
        m_status->setToolTip(errors.join(u'\n'));
    });
    connect(m_controller, &ServerController::requestCompleted, m_model, &RequestLogModel::append);
    updateState();
}

ServerPanel::~ServerPanel() = default;

QGridLayout* ServerPanel::buildControls()
{
    auto* grid = new QGridLayout;
    grid->setObjectName(QStringLiteral("serverControlsLayout"));

    m_startStop = new QPushButton(tr("&Start"), this);
    m_startStop->setObjectName(QStringLiteral("startStopButton"));
    m_startStop->setToolTip(tr("Start or stop the local test server. Every request it receives goes through the "
                               "policy as it stands in this window (F5 / Shift+F5)."));
    connect(m_startStop, &QPushButton::clicked, this, &ServerPanel::toggle);

    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("portSpinBox"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Any free port"));
    m_port->setToolTip(tr("The TCP port on 127.0.0.1. \"Any free port\" (0) lets the system pick one; the URL "
                          "below shows which."));
    auto* portLabel = new QLabel(tr("&Port:"), this);
    portLabel->setBuddy(m_port);

    m_tls = new QCheckBox(tr("&HTTPS"), this);
    m_tls->setObjectName(QStringLiteral("tlsCheckBox"));
    m_tls->setToolTip(tr("Serve HTTPS (TLS 1.2 and up) with a self-signed certificate for localhost, generated on "
                         "first use and kept in your data folder (shared with portcullis-cli serve --tls). Trust it "
                         "with curl --cacert; its path appears once the server runs."));

    m_upstream = new QLineEdit(this);
    m_upstream->setObjectName(QStringLiteral("upstreamLineEdit"));
    m_upstream->setPlaceholderText(tr("optional, e.g. http://127.0.0.1:8000"));
    m_upstream->setClearButtonEnabled(true);
    m_upstream->setToolTip(tr("Reverse-proxy mode: requests the policy allows are forwarded to this URL (your own "
                              "API) and its answers come back through the response stages. Routes with their own "
                              "upstream keep it. Empty: routes answer with their mock or an echo."));
    auto* upstreamLabel = new QLabel(tr("&Upstream:"), this);
    upstreamLabel->setBuddy(m_upstream);
    m_upstreamMessage = new MessageLabel(this);
    m_upstreamMessage->setObjectName(QStringLiteral("upstreamMessageLabel"));
    connect(m_upstream, &QLineEdit::textChanged, this, &ServerPanel::checkUpstream);

    auto* loopback = new QLabel(tr("Loopback only: the workbench's server listens on 127.0.0.1 and cannot be "
                                   "reached from other machines."),
                                this);
    loopback->setObjectName(QStringLiteral("loopbackLabel"));
    loopback->setWordWrap(true);
    loopback->setForegroundRole(QPalette::PlaceholderText);

    m_url = new QLabel(this);
    m_url->setObjectName(QStringLiteral("urlLabel"));
    m_url->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_url->setFocusPolicy(Qt::StrongFocus);
    m_url->setToolTip(tr("The address the server answers on; select it to copy it."));
    m_copyCurl = new QPushButton(tr("&Copy curl Command"), this);
    m_copyCurl->setObjectName(QStringLiteral("copyCurlButton"));
    m_copyCurl->setToolTip(tr("Copy a curl command line that sends a request to the running server (with "
                              "--cacert for HTTPS) to the clipboard."));
    connect(m_copyCurl, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(curlCommand()); });

    // Beside the URL rather than under the log: one row less keeps the dock short.
    m_clear = new QPushButton(tr("C&lear Log"), this);
    m_clear->setObjectName(QStringLiteral("clearLogButton"));
    m_clear->setToolTip(tr("Remove every request from the log (the server keeps running)."));
    connect(m_clear, &QPushButton::clicked, m_model, &RequestLogModel::clear);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_copyCurl);
    buttons->addWidget(m_clear);
    buttons->addStretch(1);

    m_certificate = new QLabel(this);
    m_certificate->setObjectName(QStringLiteral("certificateLabel"));
    m_certificate->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_certificate->setWordWrap(true);
    m_certificate->setToolTip(tr("The self-signed certificate clients must trust, e.g. curl --cacert FILE."));

    m_status = new MessageLabel(this);
    m_status->setObjectName(QStringLiteral("serverStatusLabel"));
    m_status->setWordWrap(true);

    grid->addWidget(m_startStop, 0, 0);
    grid->addWidget(portLabel, 0, 1);
    grid->addWidget(m_port, 0, 2);
    grid->addWidget(m_tls, 0, 3);
    grid->addWidget(upstreamLabel, 0, 4);
    grid->addWidget(m_upstream, 0, 5);
    grid->addWidget(m_upstreamMessage, 1, 5);
    grid->addWidget(loopback, 1, 0, 1, 5);
    grid->addWidget(m_url, 2, 0, 1, 5);
    grid->addLayout(buttons, 2, 5);
    grid->addWidget(m_certificate, 3, 0, 1, 6);
    grid->addWidget(m_status, 4, 0, 1, 6);
    grid->setColumnStretch(5, 1);
    return grid;
}

QWidget* ServerPanel::buildLog()
{
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("serverLogSplitter"));
    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_view = new QTableView(left);
    m_view->setObjectName(QStringLiteral("requestLogTableView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    QHeaderView* header = m_view->horizontalHeader();
    header->setSectionResizeMode(RequestLogModel::TargetColumn, QHeaderView::Stretch);
    // Widths from typical contents once, rather than ResizeToContents measuring every insert.
    const QFontMetrics metrics = m_view->fontMetrics();
    const auto widthOf = [&metrics](const QString& sample) { return metrics.horizontalAdvance(sample) + 16; };
    header->resizeSection(RequestLogModel::TimeColumn, widthOf(QStringLiteral("00:00:00.000")));
    header->resizeSection(RequestLogModel::ClientColumn, widthOf(QStringLiteral("127.0.0.1:65535")));
    header->resizeSection(RequestLogModel::MethodColumn, widthOf(QStringLiteral("OPTIONS")));
    header->resizeSection(RequestLogModel::StatusColumn, widthOf(QStringLiteral("422 Unprocessable Content")));
    header->resizeSection(RequestLogModel::LatencyColumn, widthOf(QStringLiteral("1000.0 ms")));
    m_view->setToolTip(tr("Every request the server answered, newest at the bottom; 4xx answers in the warning "
                          "colour, 5xx in the error colour. The log keeps the newest %L1 requests.")
                           .arg(RequestLogModel::kDefaultMaxRows));
    leftLayout->addWidget(m_view, 1);

    m_detail = new RequestDetailWidget(splitter);
    m_detail->setObjectName(QStringLiteral("requestDetailWidget"));
    splitter->addWidget(left);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    // Follow new rows only while the user is already looking at the newest ones.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar* bar = m_view->verticalScrollBar();
        m_follow = bar->value() >= bar->maximum();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow) {
            m_view->scrollToBottom();
        }
    });
    connect(m_model, &QAbstractItemModel::modelReset, m_detail, &RequestDetailWidget::clear);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ServerPanel::showSelected);
    return splitter;
}

ServerStartOptions ServerPanel::options() const
{
    ServerStartOptions options;
    options.port = static_cast<quint16>(m_port->value());
    options.tls = m_tls->isChecked();
    options.upstream = m_upstream->text().trimmed();
    options.tlsDirectory = m_tlsDirectory;
    return options;
}

bool ServerPanel::start()
{
    return m_controller->start(options());
}

void ServerPanel::stop()
{
    m_controller->stop();
}

void ServerPanel::toggle()
{
    if (m_controller->isRunning()) {
        stop();
    } else {
        start();
    }
}

QString ServerPanel::curlCommand() const
{
    if (!m_controller->isRunning()) {
        return {};
    }
    // A path the policy routes, so the first try shows the engine at work.
    QString path = QStringLiteral("/");
    for (const Route& route : m_controller->document()->policy().routes) {
        const bool get = route.methods.empty() || std::ranges::find(route.methods, "GET") != route.methods.end();
        if (get && route.path.find('{') == std::string::npos) {
            path = toQ(route.path);
            break;
        }
    }
    QString command = QStringLiteral("curl -i ");
    if (!m_controller->certificateFile().isEmpty()) {
        command += QStringLiteral("--cacert '") + QDir::toNativeSeparators(m_controller->certificateFile()) +
                   QStringLiteral("' ");
    }
    return command + m_controller->url() + path;
}

QString ServerPanel::statusMessage() const
{
    return m_status->message();
}

void ServerPanel::checkUpstream()
{
    const QString problem = ServerController::checkUpstream(m_upstream->text());
    if (problem.isEmpty()) {
        m_upstreamMessage->clearMessage();
    } else {
        m_upstreamMessage->setMessage(problem);
    }
    updateState();
}

void ServerPanel::updateState()
{
    const bool running = m_controller->isRunning();
    const bool upstreamOk = m_upstreamMessage->message().isEmpty();
    m_startStop->setText(running ? tr("&Stop") : tr("&Start"));
    m_startStop->setEnabled(running || upstreamOk);
    m_port->setEnabled(!running);
    m_tls->setEnabled(!running);
    m_upstream->setEnabled(!running);
    m_url->setText(running ? m_controller->url() : tr("Not running"));
    m_copyCurl->setEnabled(running);
    const QString certificate = running ? m_controller->certificateFile() : QString();
    m_certificate->setText(certificate.isEmpty() ? QString()
                                                 : tr("Certificate: %1").arg(QDir::toNativeSeparators(certificate)));
    m_certificate->setVisible(!certificate.isEmpty());
}

void ServerPanel::showSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    m_detail->setEvent(m_model->event(current.row()));
}

} // namespace pc
