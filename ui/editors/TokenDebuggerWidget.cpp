// SPDX-License-Identifier: Apache-2.0
#include "editors/TokenDebuggerWidget.h"

#include "auth/JwtToolkit.h"
#include "document/PolicyDocument.h"
#include "editors/EditorKit.h"
#include "support/Text.h"
#include "widgets/MessageLabel.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <chrono>

namespace pc {
namespace {

QPlainTextEdit* makeJsonView(const QString& name, QWidget* parent)
{
    auto* view = new QPlainTextEdit(parent);
    view->setObjectName(name);
    view->setReadOnly(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

QString describeErrors(const Errors& errors)
{
    QStringList lines;
    for (const Error& e : errors) {
        lines << QStringLiteral("• ") + toQ(e.message) +
                     (e.hint.empty() ? QString() : QStringLiteral(" (") + toQ(e.hint) + u')');
    }
    return lines.join(u'\n');
}

} // namespace

TokenDebuggerWidget::TokenDebuggerWidget(PolicyDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_token(new QPlainTextEdit(this)),
      m_header(makeJsonView(QStringLiteral("tokenHeaderTextEdit"), this)),
      m_claims(makeJsonView(QStringLiteral("tokenClaimsTextEdit"), this)), m_verdict(new MessageLabel(this)),
      m_useNow(new QCheckBox(tr("now"), this)), m_at(new QDateTimeEdit(QDateTime::currentDateTime(), this)),
      m_extraClaims(new QLineEdit(this)), m_issueMessage(new MessageLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(makeHelpLabel(tr("Paste a token to see what it says and whether this policy accepts it, "
                                       "exactly as the test server would verify it (RFC 7519, RFC 8725). The header "
                                       "and claims below are decoded without trusting them."),
                                    this));
    m_token->setObjectName(QStringLiteral("tokenTextEdit"));
    m_token->setPlaceholderText(QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.…"));
    m_token->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_token->setMaximumHeight(90);
    layout->addWidget(m_token);

    auto* when = new QHBoxLayout;
    when->addWidget(new QLabel(tr("Verify at"), this));
    m_useNow->setObjectName(QStringLiteral("verifyNowCheckBox"));
    m_useNow->setChecked(true);
    m_at->setObjectName(QStringLiteral("verifyAtDateTimeEdit"));
    m_at->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_at->setEnabled(false);
    m_at->setToolTip(tr("Check exp and nbf at another moment, e.g. to see when a token expires."));
    when->addWidget(m_useNow);
    when->addWidget(m_at);
    when->addStretch(1);
    layout->addLayout(when);

    m_verdict->setObjectName(QStringLiteral("tokenVerdictLabel"));
    layout->addWidget(m_verdict);
    auto* decoded = new QGridLayout;
    decoded->addWidget(new QLabel(tr("Header"), this), 0, 0);
    decoded->addWidget(new QLabel(tr("Claims"), this), 0, 1);
    decoded->addWidget(m_header, 1, 0);
    decoded->addWidget(m_claims, 1, 1);
    decoded->setColumnStretch(0, 1);
    decoded->setColumnStretch(1, 2);
    layout->addLayout(decoded, 1);

    auto* issueBox = makeGroup(tr("Issue a test token"), QStringLiteral("issueGroupBox"), this);
    auto* issueForm = new QFormLayout(issueBox);
    m_extraClaims->setObjectName(QStringLiteral("extraClaimsLineEdit"));
    m_extraClaims->setPlaceholderText(QStringLiteral("{\"sub\": \"alice\"}"));
    m_extraClaims->setToolTip(tr("Claims added to the issued token as a JSON object; a null value removes a claim, "
                                 "handy for minting deliberately broken tokens."));
    issueForm->addRow(tr("Extra claims"), m_extraClaims);
    auto* buttons = new QHBoxLayout;
    auto* access = new QPushButton(tr("Issue access token"), issueBox);
    access->setObjectName(QStringLiteral("issueAccessButton"));
    auto* refreshToken = new QPushButton(tr("Issue refresh token"), issueBox);
    refreshToken->setObjectName(QStringLiteral("issueRefreshButton"));
    buttons->addWidget(access);
    buttons->addWidget(refreshToken);
    buttons->addStretch(1);
    issueForm->addRow(buttons);
    m_issueMessage->setObjectName(QStringLiteral("issueMessageLabel"));
    issueForm->addRow(m_issueMessage);
    layout->addWidget(issueBox);

    connect(access, &QPushButton::clicked, this, [this] { issue(false); });
    connect(refreshToken, &QPushButton::clicked, this, [this] { issue(true); });
    connect(m_token, &QPlainTextEdit::textChanged, this, &TokenDebuggerWidget::refresh);
    connect(m_useNow, &QCheckBox::toggled, this, [this](bool now) {
        m_at->setEnabled(!now);
        refresh();
    });
    connect(m_at, &QDateTimeEdit::dateTimeChanged, this, &TokenDebuggerWidget::refresh);
    connect(document, &PolicyDocument::changed, this, [this](const PolicyChange& change) {
        if (change.kind == PolicyChange::Kind::Reset || policypath::related(change.path, "/auth") ||
            policypath::related(change.path, "/secrets")) {
            refresh();
        }
    });
    refresh();
}

TokenDebuggerWidget::~TokenDebuggerWidget() = default;

QString TokenDebuggerWidget::baseDirectory() const
{
    return m_document->isUntitled() ? QString() : QFileInfo(m_document->filePath()).absolutePath();
}

void TokenDebuggerWidget::setToken(const QString& token)
{
    m_token->setPlainText(token);
}

QString TokenDebuggerWidget::verdict() const
{
    return m_verdict->message();
}

void TokenDebuggerWidget::refresh()
{
    const std::string token = toStd(m_token->toPlainText().trimmed());
    if (token.empty()) {
        m_header->clear();
        m_claims->clear();
        m_verdict->clearMessage();
        return;
    }
    Result<UnverifiedToken> decoded = JwtToolkit::decodeUnverified(token);
    if (!decoded) {
        m_header->clear();
        m_claims->clear();
        m_verdict->setMessage(tr("Not a token that can be decoded:\n%1").arg(describeErrors(decoded.errors())));
        return;
    }
    m_header->setPlainText(toQ(decoded->header.dump(2)));
    m_claims->setPlainText(decoded->payload.is_null() ? toQ(decoded->payloadText) : toQ(decoded->payload.dump(2)));

    const Policy& policy = m_document->policy();
    if (!policy.auth.jwt) {
        m_verdict->setMessage(tr("This policy verifies no tokens: switch on JSON Web Tokens above."), Severity::Info);
        return;
    }
    const SystemTime now = m_useNow->isChecked()
                               ? std::chrono::system_clock::now()
                               : SystemTime(std::chrono::milliseconds(m_at->dateTime().toMSecsSinceEpoch()));
    const SecretResolver resolver(toStd(baseDirectory()));
    Result<VerifiedToken> verified = JwtToolkit::verify(policy, resolver, token, now);
    if (verified) {
        QString text = tr("Accepted: valid %1 signature").arg(toQ(decoded->algorithm));
        if (!verified->kid.empty()) {
            text += tr(" by key %1").arg(toQ(verified->kid));
        }
        text += tr(", and every claim checks out.");
        m_verdict->setMessage(text, Severity::Success);
    } else {
        m_verdict->setMessage(tr("Refused (401):\n%1").arg(describeErrors(verified.errors())), Severity::Error);
    }
}

bool TokenDebuggerWidget::issue(bool refresh)
{
    const Policy& policy = m_document->policy();
    if (!policy.auth.jwt) {
        m_issueMessage->setMessage(tr("Switch on JSON Web Tokens first."));
        return false;
    }
    nlohmann::json extra = nlohmann::json::object();
    const QString extraText = m_extraClaims->text().trimmed();
    if (!extraText.isEmpty()) {
        extra = nlohmann::json::parse(toStd(extraText), nullptr, false);
        if (!extra.is_object()) {
            m_issueMessage->setMessage(tr("Extra claims must be a JSON object, for example {\"sub\": \"alice\"}."));
            return false;
        }
    }
    const SecretResolver resolver(toStd(baseDirectory()));
    Result<std::string> token = JwtToolkit::issue(policy, resolver, refresh ? TokenKind::Refresh : TokenKind::Access,
                                                  std::chrono::system_clock::now(), extra);
    if (!token) {
        m_issueMessage->setMessage(describeErrors(token.errors()));
        return false;
    }
    m_issueMessage->clearMessage();
    m_useNow->setChecked(true);
    setToken(toQ(*token));
    return true;
}

} // namespace pc
