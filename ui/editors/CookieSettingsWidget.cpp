// SPDX-License-Identifier: Apache-2.0
#include "editors/CookieSettingsWidget.h"

#include "editors/EditorKit.h"
#include "policy/PolicyEnums.h"

#include <QFormLayout>
#include <QVBoxLayout>

namespace pc {

CookieSettingsWidget::CookieSettingsWidget(PolicyDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document),
      m_auth(std::make_unique<FormBinder<AuthPolicy>>(
          document, this, [](Locus) { return std::string("/auth"); }, [](auto& p, Locus) { return &p.auth; })),
      m_cookie(std::make_unique<FormBinder<CookiePolicy>>(
          document, this, [](Locus) { return std::string("/auth/cookies"); },
          [](auto& p, Locus) { return p.auth.cookies ? &*p.auth.cookies : nullptr; }))
{
    auto* layout = new QVBoxLayout(this);
    auto* apiKey = new QFormLayout;
    auto* header = new QLineEdit(this);
    header->setObjectName(QStringLiteral("apiKeyHeaderLineEdit"));
    m_auth->text(header, "api_key_header", &AuthPolicy::apiKeyHeader);
    apiKey->addRow(makeFieldLabel(tr("API key header"), "/auth/api_key_header", this), header);
    layout->addLayout(apiKey);

    auto* enabled = new QCheckBox(tr("Describe the session cookie"), this);
    enabled->setObjectName(QStringLiteral("cookieEnabledCheckBox"));
    m_auth->section(enabled, "cookies", &AuthPolicy::cookies, CookiePolicy{});
    layout->addWidget(enabled);

    auto* body = new QWidget(this);
    auto* form = new QFormLayout(body);
    auto* name = new QLineEdit(body);
    name->setObjectName(QStringLiteral("cookieNameLineEdit"));
    m_cookie->text(name, "name", &CookiePolicy::name);
    form->addRow(makeFieldLabel(tr("Name"), "/auth/cookies/name", body), name);
    for (const auto& [key, label, member, objectName] :
         {std::tuple{"secure", tr("Secure"), &CookiePolicy::secure, QStringLiteral("cookieSecureCheckBox")},
          std::tuple{"http_only", tr("HttpOnly"), &CookiePolicy::httpOnly, QStringLiteral("cookieHttpOnlyCheckBox")}}) {
        auto* box = new QCheckBox(label, body);
        box->setObjectName(objectName);
        m_cookie->flag(box, key, member);
        form->addRow(box);
    }
    auto* sameSite = new QComboBox(body);
    sameSite->setObjectName(QStringLiteral("cookieSameSiteComboBox"));
    m_cookie->choice<SameSite>(sameSite, "same_site", &CookiePolicy::sameSite);
    form->addRow(makeFieldLabel(tr("SameSite"), "/auth/cookies/same_site", body), sameSite);
    auto* path = new QLineEdit(body);
    path->setObjectName(QStringLiteral("cookiePathLineEdit"));
    m_cookie->text(path, "path", &CookiePolicy::path);
    form->addRow(makeFieldLabel(tr("Path"), "/auth/cookies/path", body), path);
    auto* domain = new QLineEdit(body);
    domain->setObjectName(QStringLiteral("cookieDomainLineEdit"));
    domain->setPlaceholderText(tr("this host only"));
    m_cookie->text(domain, "domain", &CookiePolicy::domain);
    form->addRow(makeFieldLabel(tr("Domain"), "/auth/cookies/domain", body), domain);
    auto* maxAge = new QLineEdit(body);
    maxAge->setObjectName(QStringLiteral("cookieMaxAgeLineEdit"));
    maxAge->setPlaceholderText(tr("session cookie"));
    auto* maxAgeMessage = new MessageLabel(body);
    m_cookie->optionalDuration(maxAge, maxAgeMessage, "max_age", &CookiePolicy::maxAge);
    form->addRow(makeFieldLabel(tr("Max-Age"), "/auth/cookies/max_age", body), maxAge);
    form->addRow(QString(), maxAgeMessage);
    layout->addWidget(body);
    layout->addStretch(1);

    auto updateEnabled = [this, body] { body->setEnabled(m_document->policy().auth.cookies.has_value()); };
    connect(document, &PolicyDocument::changed, this, [updateEnabled](const PolicyChange& change) {
        if (change.kind == PolicyChange::Kind::Reset || policypath::related(change.path, "/auth/cookies")) {
            updateEnabled();
        }
    });
    updateEnabled();
}

CookieSettingsWidget::~CookieSettingsWidget() = default;

} // namespace pc
