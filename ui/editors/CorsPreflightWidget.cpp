// SPDX-License-Identifier: Apache-2.0
#include "editors/CorsPreflightWidget.h"

#include "document/PolicyDocument.h"
#include "engine/DecisionFormatter.h"
#include "engine/RateLimitStore.h"
#include "support/Text.h"
#include "widgets/MessageLabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>

#include <chrono>

namespace pc {

CorsPreflightWidget::CorsPreflightWidget(PolicyDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_origin(new QComboBox(this)), m_method(new QComboBox(this)),
      m_headers(new QLineEdit(this)), m_credentials(new QCheckBox(tr("with credentials"), this)),
      m_path(new QComboBox(this)), m_request(new QPlainTextEdit(this)), m_response(new QPlainTextEdit(this)),
      m_verdictLabel(new MessageLabel(this))
{
    auto* layout = new QGridLayout(this);
    auto* form = new QFormLayout;
    m_origin->setObjectName(QStringLiteral("preflightOriginComboBox"));
    m_origin->setEditable(true);
    m_origin->setToolTip(tr("The page's origin, as the browser serialises it (no trailing slash)."));
    m_method->setObjectName(QStringLiteral("preflightMethodComboBox"));
    m_method->setEditable(true);
    m_method->addItems({QStringLiteral("PUT"), QStringLiteral("DELETE"), QStringLiteral("PATCH"),
                        QStringLiteral("POST"), QStringLiteral("GET")});
    m_headers->setObjectName(QStringLiteral("preflightHeadersLineEdit"));
    m_headers->setText(QStringLiteral("Authorization, Content-Type"));
    m_headers->setToolTip(tr("Header names the page sets. Content-Type counts as unsafe: application/json is not a "
                             "CORS-safelisted value."));
    m_credentials->setObjectName(QStringLiteral("preflightCredentialsCheckBox"));
    m_credentials->setToolTip(tr("fetch(..., {credentials: \"include\"}): cookies and Authorization go along, and "
                                 "'*' stops being a wildcard."));
    m_path->setObjectName(QStringLiteral("preflightPathComboBox"));
    m_path->setEditable(true);
    form->addRow(tr("Origin"), m_origin);
    form->addRow(tr("Method"), m_method);
    form->addRow(tr("Request headers"), m_headers);
    form->addRow(QString(), m_credentials);
    form->addRow(tr("Path"), m_path);
    layout->addLayout(form, 0, 0);
    m_verdictLabel->setObjectName(QStringLiteral("preflightVerdictLabel"));
    layout->addWidget(m_verdictLabel, 1, 0);
    for (QPlainTextEdit* view : {m_request, m_response}) {
        view->setReadOnly(true);
        view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    }
    m_request->setObjectName(QStringLiteral("preflightRequestTextEdit"));
    m_response->setObjectName(QStringLiteral("preflightResponseTextEdit"));
    layout->addWidget(new QLabel(tr("The browser sends"), this), 2, 0);
    layout->addWidget(m_request, 3, 0);
    layout->addWidget(new QLabel(tr("Portcullis answers"), this), 4, 0);
    layout->addWidget(m_response, 5, 0);
    layout->setRowStretch(3, 2);
    layout->setRowStretch(5, 5);

    m_quiet.setSingleShot(true);
    m_quiet.setInterval(120);
    connect(&m_quiet, &QTimer::timeout, this, &CorsPreflightWidget::simulate);
    auto later = [this] { m_quiet.start(); };
    connect(m_origin, &QComboBox::currentTextChanged, this, later);
    connect(m_method, &QComboBox::currentTextChanged, this, later);
    connect(m_headers, &QLineEdit::textChanged, this, later);
    connect(m_credentials, &QCheckBox::toggled, this, later);
    connect(m_path, &QComboBox::currentTextChanged, this, later);
    connect(document, &PolicyDocument::changed, this, [this](const PolicyChange& change) {
        if (change.kind == PolicyChange::Kind::Reset) {
            refreshChoices();
        }
        recompile();
        m_quiet.start();
    });
    refreshChoices();
    recompile();
    simulate();
}

CorsPreflightWidget::~CorsPreflightWidget() = default;

QString CorsPreflightWidget::samplePath(const std::string& templatePath)
{
    static const QRegularExpression parameter(QStringLiteral("\\{([A-Za-z_][A-Za-z0-9_]*)(?::([a-z]+))?\\}"));
    QString path = toQ(templatePath);
    QRegularExpressionMatch m;
    while ((m = parameter.match(path)).hasMatch()) {
        const QString type = m.captured(2);
        const QString sample = type == QLatin1String("int")     ? QStringLiteral("1")
                               : type == QLatin1String("float") ? QStringLiteral("1.5")
                               : type == QLatin1String("uuid")  ? QStringLiteral("123e4567-e89b-12d3-a456-426614174000")
                               : type == QLatin1String("path")  ? QStringLiteral("a/b")
                                                                : m.captured(1);
        path.replace(m.capturedStart(), m.capturedLength(), sample);
    }
    return path;
}

void CorsPreflightWidget::refreshChoices()
{
    const Policy& policy = m_document->policy();
    // A new document starts from its own first origin and route.
    const QSignalBlocker originBlocker(m_origin);
    m_origin->clear();
    if (policy.cors) {
        for (const std::string& o : policy.cors->allowOrigins) {
            m_origin->addItem(toQ(o));
        }
        m_credentials->setChecked(policy.cors->allowCredentials);
    }
    m_origin->addItem(QStringLiteral("https://evil.example"));
    m_origin->addItem(QStringLiteral("null"));
    m_origin->setEditText(m_origin->itemText(0));
    const QSignalBlocker pathBlocker(m_path);
    m_path->clear();
    for (const Route& route : policy.routes) {
        m_path->addItem(samplePath(route.path));
    }
    m_path->setEditText(m_path->count() > 0 ? m_path->itemText(0) : QStringLiteral("/"));
}

void CorsPreflightWidget::setRequest(const QString& origin, const QString& method, const QString& headers,
                                     bool credentials, const QString& path)
{
    m_origin->setEditText(origin);
    m_method->setEditText(method);
    m_headers->setText(headers);
    m_credentials->setChecked(credentials);
    if (!path.isEmpty()) {
        m_path->setEditText(path);
    }
    simulate();
}

void CorsPreflightWidget::recompile()
{
    CompileOptions options;
    options.requireSecrets = false; // a preflight never needs a key
    auto compiled = CompiledPolicy::compile(m_document->policy(), options);
    if (compiled) {
        m_engine = compiled.value();
        m_compileProblem.clear();
    } else {
        m_engine.reset();
        QStringList lines;
        for (const Error& e : compiled.errors()) {
            lines << toQ(e.toString());
        }
        m_compileProblem = lines.join(u'\n');
    }
}

BrowserRequest CorsPreflightWidget::browserRequest() const
{
    BrowserRequest request;
    request.origin = toStd(m_origin->currentText().trimmed());
    request.method = toStd(m_method->currentText().trimmed());
    request.headers = splitTokens(m_headers->text());
    request.credentials = m_credentials->isChecked();
    return request;
}

HttpRequest CorsPreflightWidget::preflightRequest() const
{
    const BrowserRequest browser = browserRequest();
    HttpRequest request;
    request.method = "OPTIONS";
    const QString path = m_path->currentText().trimmed();
    request.target = path.isEmpty() ? std::string("/") : toStd(path);
    request.peerAddress = "203.0.113.7";
    request.headers = {{"Host", "api.example.com"},
                       {"Accept", "*/*"},
                       {"Origin", browser.origin},
                       {"Access-Control-Request-Method", BrowserCorsCheck::normalisedMethod(browser.method)}};
    const std::string unsafe = BrowserCorsCheck::requestHeadersValue(browser.headers);
    if (!unsafe.empty()) {
        request.headers.push_back({"Access-Control-Request-Headers", unsafe});
    }
    return request;
}

QString CorsPreflightWidget::responseText() const
{
    return m_response->toPlainText();
}

void CorsPreflightWidget::simulate()
{
    m_quiet.stop();
    const HttpRequest request = preflightRequest();
    QStringList lines{toQ(request.method + " " + request.target + " HTTP/1.1")};
    for (const HeaderField& h : request.headers) {
        lines << toQ(h.name + ": " + h.value);
    }
    m_request->setPlainText(lines.join(u'\n'));
    if (!m_engine) {
        m_decision = Decision{};
        m_verdict = BrowserVerdict{};
        m_response->clear();
        m_verdictLabel->setMessage(tr("The policy does not compile:\n%1").arg(m_compileProblem));
        return;
    }
    RateLimitStore store; // a preflight is never charged against a limit, but evaluate() wants a store
    m_decision = m_engine->evaluate(request, std::chrono::system_clock::now(), store);
    m_response->setPlainText(toQ(DecisionFormatter::text(m_decision)));
    const BrowserRequest browser = browserRequest();
    m_verdict = BrowserCorsCheck::judgePreflight(browser, m_decision.status, m_decision.headers);
    QStringList reasons;
    for (const std::string& reason : m_verdict.reasons) {
        reasons << toQ(reason);
    }
    if (!BrowserCorsCheck::needsPreflight(browser)) {
        reasons << tr("Note: a browser sends this request without a preflight (a simple request); it then reads "
                      "the response only if Access-Control-Allow-Origin allows the origin.");
    }
    m_verdictLabel->setMessage((m_verdict.allowed ? tr("Allowed. ") : tr("Blocked. ")) + reasons.join(u' '),
                               m_verdict.allowed ? Severity::Success : Severity::Error);
}

} // namespace pc
