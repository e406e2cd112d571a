// SPDX-License-Identifier: Apache-2.0
#include "editors/JwtSettingsWidget.h"

#include "editors/EditorKit.h"
#include "models/JwtKeyTableModel.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QVBoxLayout>

namespace pc {

QStringList JwtSettingsWidget::knownAlgorithms()
{
    return {QStringLiteral("HS256"), QStringLiteral("HS384"), QStringLiteral("HS512"), QStringLiteral("RS256"),
            QStringLiteral("RS384"), QStringLiteral("RS512"), QStringLiteral("PS256"), QStringLiteral("PS384"),
            QStringLiteral("PS512"), QStringLiteral("ES256"), QStringLiteral("ES384"), QStringLiteral("ES512"),
            QStringLiteral("EdDSA")};
}

JwtSettingsWidget::JwtSettingsWidget(PolicyDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document),
      m_auth(std::make_unique<FormBinder<AuthPolicy>>(
          document, this, [](Locus) { return std::string("/auth"); }, [](auto& p, Locus) { return &p.auth; })),
      m_jwt(std::make_unique<FormBinder<JwtSettings>>(
          document, this, [](Locus) { return std::string("/auth/jwt"); },
          [](auto& p, Locus) { return p.auth.jwt ? &*p.auth.jwt : nullptr; })),
      m_body(new QWidget(this))
{
    auto* layout = new QVBoxLayout(this);
    auto* enabled = new QCheckBox(tr("Verify bearer tokens (JWT)"), this);
    enabled->setObjectName(QStringLiteral("jwtEnabledCheckBox"));
    m_auth->section(enabled, "jwt", &AuthPolicy::jwt, JwtSettings{});
    layout->addWidget(enabled);

    auto* grid = new QGridLayout(m_body);
    grid->setContentsMargins(0, 0, 0, 0);
    auto* algorithms = new TokenChecklist(knownAlgorithms(), m_body);
    algorithms->setObjectName(QStringLiteral("jwtAlgorithmChecklistWidget"));
    m_jwt->checklist(algorithms, "algorithms", &JwtSettings::algorithms);
    grid->addWidget(makeFieldLabel(tr("Algorithms"), "/auth/jwt/algorithms", m_body), 0, 0);
    grid->addWidget(algorithms, 0, 1, 1, 3);

    auto* keysModel = new JwtKeyTableModel(document, this);
    auto* keys = new TableEditor(keysModel, TableEditor::Options{false, true, {}}, m_body);
    keys->setObjectName(QStringLiteral("jwtKeyTableWidget"));
    keys->setProperty("policyPath", QStringLiteral("/auth/jwt/keys"));
    keys->setToolTip(SettingHelp::tooltip("/auth/jwt/keys"));
    keys->setMaximumHeight(150);
    grid->addWidget(makeFieldLabel(tr("Keys"), "/auth/jwt/keys", m_body), 1, 0);
    grid->addWidget(keys, 1, 1, 1, 3);

    auto* claims = new QFormLayout;
    auto* issuer = new QLineEdit(m_body);
    issuer->setObjectName(QStringLiteral("jwtIssuerLineEdit"));
    issuer->setPlaceholderText(tr("not checked"));
    m_jwt->text(issuer, "issuer", &JwtSettings::issuer);
    claims->addRow(makeFieldLabel(tr("Issuer"), "/auth/jwt/issuer", m_body), issuer);
    auto* audience = new QLineEdit(m_body);
    audience->setObjectName(QStringLiteral("jwtAudienceLineEdit"));
    audience->setPlaceholderText(tr("not checked"));
    m_jwt->tokens(audience, "audience", &JwtSettings::audience);
    claims->addRow(makeFieldLabel(tr("Audience"), "/auth/jwt/audience", m_body), audience);
    auto* required = new QLineEdit(m_body);
    required->setObjectName(QStringLiteral("jwtRequiredClaimsLineEdit"));
    m_jwt->tokens(required, "required_claims", &JwtSettings::requiredClaims);
    claims->addRow(makeFieldLabel(tr("Required claims"), "/auth/jwt/required_claims", m_body), required);
    auto* typ = new QLineEdit(m_body);
    typ->setObjectName(QStringLiteral("jwtTypLineEdit"));
    typ->setPlaceholderText(tr("not checked"));
    m_jwt->text(typ, "typ", &JwtSettings::typ);
    claims->addRow(makeFieldLabel(tr("Expected typ"), "/auth/jwt/typ", m_body), typ);
    auto* extra = new QLineEdit(m_body);
    extra->setObjectName(QStringLiteral("jwtClaimsLineEdit"));
    extra->setPlaceholderText(QStringLiteral("{\"scope\": \"read\"}"));
    auto* extraMessage = new MessageLabel(m_body);
    m_jwt->parsed(
        extra, extraMessage, "claims", &JwtSettings::claims,
        [](const QString& t, QString& problem) -> std::optional<nlohmann::json> {
            if (t.trimmed().isEmpty()) {
                return nlohmann::json::object();
            }
            nlohmann::json j = nlohmann::json::parse(toStd(t), nullptr, false);
            if (!j.is_object()) {
                problem = tr("Write a JSON object, for example {\"scope\": \"read\"}.");
                return std::nullopt;
            }
            return j;
        },
        [](const nlohmann::json& j) { return j.empty() ? QString() : toQ(j.dump()); });
    claims->addRow(makeFieldLabel(tr("Extra claims"), "/auth/jwt/claims", m_body), extra);
    claims->addRow(QString(), extraMessage);
    grid->addLayout(claims, 2, 0, 1, 2);

    auto* times = new QFormLayout;
    const std::array<std::tuple<const char*, QString, Duration JwtSettings::*, QString>, 3> durations{
        {{"access_ttl", tr("Access lifetime"), &JwtSettings::accessTtl, QStringLiteral("jwtAccessTtlLineEdit")},
         {"refresh_ttl", tr("Refresh lifetime"), &JwtSettings::refreshTtl, QStringLiteral("jwtRefreshTtlLineEdit")},
         {"leeway", tr("Leeway"), &JwtSettings::leeway, QStringLiteral("jwtLeewayLineEdit")}}};
    for (const auto& [key, label, member, name] : durations) {
        auto* edit = new QLineEdit(m_body);
        edit->setObjectName(name);
        auto* message = new MessageLabel(m_body);
        m_jwt->duration(edit, message, key, member);
        times->addRow(makeFieldLabel(label, "/auth/jwt/" + std::string(key), m_body), edit);
        times->addRow(QString(), message);
    }
    auto* maxBytes = new QLineEdit(m_body);
    maxBytes->setObjectName(QStringLiteral("jwtMaxTokenBytesLineEdit"));
    auto* maxBytesMessage = new MessageLabel(m_body);
    m_jwt->byteSize(maxBytes, maxBytesMessage, "max_token_bytes", &JwtSettings::maxTokenBytes);
    times->addRow(makeFieldLabel(tr("Maximum size"), "/auth/jwt/max_token_bytes", m_body), maxBytes);
    times->addRow(QString(), maxBytesMessage);
    grid->addLayout(times, 2, 2, 1, 2);
    layout->addWidget(m_body);
    layout->addStretch(1);

    auto updateEnabled = [this] { m_body->setEnabled(m_document->policy().auth.jwt.has_value()); };
    connect(document, &PolicyDocument::changed, this, [updateEnabled](const PolicyChange& change) {
        if (change.kind == PolicyChange::Kind::Reset || policypath::related(change.path, "/auth/jwt")) {
            updateEnabled();
        }
    });
    updateEnabled();
}

JwtSettingsWidget::~JwtSettingsWidget() = default;

} // namespace pc
