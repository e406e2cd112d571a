// SPDX-License-Identifier: Apache-2.0
#include "editors/RateLimitDetailWidget.h"

#include "common/JsonPointer.h"
#include "editors/EditorKit.h"
#include "models/RateLimitTableModel.h"
#include "policy/PolicyEnums.h"
#include "undo/RenameEdits.h"

#include <QFormLayout>
#include <QGridLayout>

namespace pc {

RateLimitDetailWidget::RateLimitDetailWidget(PolicyDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document),
      m_binder(std::make_unique<FormBinder<RateLimit>>(
          document, this, [](Locus at) { return "/rate_limits/" + std::to_string(at.row); },
          [](auto& p, Locus at) {
              return at.row >= 0 && static_cast<size_t>(at.row) < p.rateLimits.size()
                         ? &p.rateLimits[static_cast<size_t>(at.row)]
                         : nullptr;
          }))
{
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    auto* left = new QFormLayout;
    auto* right = new QFormLayout;

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("limitNameLineEdit"));
    // Renaming rewrites the routes that use the limit, so it happens once,
    // when the field is left, not on every keystroke.
    m_binder->custom(m_name, "name", &RateLimit::name, [this](const std::string& name) {
        if (!m_name->hasFocus() || m_name->text().isEmpty()) {
            m_name->setText(toQ(name));
        }
    });
    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        const std::string name = toStd(m_name->text().trimmed());
        if (!name.empty()) {
            renameRateLimit(m_document, m_binder->locus().row, name);
        }
    });
    left->addRow(makeFieldLabel(tr("Name"), "/rate_limits/*/name", this), m_name);

    auto* limit = new QLineEdit(this);
    limit->setObjectName(QStringLiteral("limitLineEdit"));
    limit->setPlaceholderText(QStringLiteral("10/minute"));
    m_binder->text(limit, "limit", &RateLimit::limit);
    left->addRow(makeFieldLabel(tr("Limit"), "/rate_limits/*/limit", this), limit);
    m_limitMessage = new MessageLabel(this);
    m_limitMessage->setObjectName(QStringLiteral("limitMessageLabel"));
    left->addRow(QString(), m_limitMessage);

    auto* key = new QLineEdit(this);
    key->setObjectName(QStringLiteral("limitKeyLineEdit"));
    key->setPlaceholderText(QStringLiteral("client_ip"));
    auto* keyMessage = new MessageLabel(this);
    m_binder->parsed(
        key, keyMessage, "key", &RateLimit::key,
        [](const QString& t, QString& problem) -> std::optional<RateKey> {
            if (auto k = RateKey::parse(toStd(t.trimmed()))) {
                return k;
            }
            problem = tr("\"%1\" is not a rate-limit key: %2").arg(t.trimmed(), toQ(RateKey::grammarHint));
            return std::nullopt;
        },
        [](const RateKey& k) { return toQ(k.toString()); });
    left->addRow(makeFieldLabel(tr("Key"), "/rate_limits/*/key", this), key);
    left->addRow(QString(), keyMessage);

    auto* strategy = new QComboBox(this);
    strategy->setObjectName(QStringLiteral("limitStrategyComboBox"));
    m_binder->choice<RateStrategy>(strategy, "strategy", &RateLimit::strategy);
    left->addRow(makeFieldLabel(tr("Strategy"), "/rate_limits/*/strategy", this), strategy);
    auto* scope = new QComboBox(this);
    scope->setObjectName(QStringLiteral("limitScopeComboBox"));
    m_binder->choice<RateScope>(scope, "scope", &RateLimit::scope);
    left->addRow(makeFieldLabel(tr("Scope"), "/rate_limits/*/scope", this), scope);

    auto* burst = new QLineEdit(this);
    burst->setObjectName(QStringLiteral("limitBurstLineEdit"));
    burst->setPlaceholderText(tr("none"));
    auto* burstMessage = new MessageLabel(this);
    m_binder->optionalCount(burst, burstMessage, "burst", &RateLimit::burst);
    right->addRow(makeFieldLabel(tr("Burst"), "/rate_limits/*/burst", this), burst);
    right->addRow(QString(), burstMessage);
    auto* nodelay = new QCheckBox(tr("Serve the burst at once (nodelay)"), this);
    nodelay->setObjectName(QStringLiteral("limitNodelayCheckBox"));
    m_binder->flag(nodelay, "nodelay", &RateLimit::nodelay);
    right->addRow(nodelay);
    auto* headers = new QComboBox(this);
    headers->setObjectName(QStringLiteral("limitHeadersComboBox"));
    m_binder->choice<RateHeaderStyle>(headers, "headers", &RateLimit::headers);
    right->addRow(makeFieldLabel(tr("Headers"), "/rate_limits/*/headers", this), headers);
    auto* status = new QSpinBox(this);
    status->setObjectName(QStringLiteral("limitStatusSpinBox"));
    status->setRange(400, 599);
    m_binder->number(status, "status", &RateLimit::status);
    right->addRow(makeFieldLabel(tr("Status"), "/rate_limits/*/status", this), status);
    auto* prefix = new QSpinBox(this);
    prefix->setObjectName(QStringLiteral("limitIpv6PrefixSpinBox"));
    prefix->setRange(32, 128);
    m_binder->number(prefix, "ipv6_prefix", &RateLimit::ipv6Prefix);
    right->addRow(makeFieldLabel(tr("IPv6 prefix"), "/rate_limits/*/ipv6_prefix", this), prefix);

    m_exemptModel = new StringListModel(document, tr("exempt client"), this);
    auto* exempt = new TableEditor(m_exemptModel, TableEditor::Options{false, false, tr("10.0.0.0/8")}, this);
    exempt->setObjectName(QStringLiteral("exemptListWidget"));
    exempt->setProperty("policyPath", QStringLiteral("/rate_limits/*/exempt"));
    exempt->setToolTip(SettingHelp::tooltip("/rate_limits/*/exempt"));
    exempt->setInserter([this](int row, const QString& text) { return m_exemptModel->insertValue(row, toStd(text)); });
    exempt->setMaximumHeight(100);
    right->addRow(makeFieldLabel(tr("Exempt"), "/rate_limits/*/exempt", this), exempt);

    grid->addLayout(left, 0, 0, Qt::AlignTop);
    grid->addLayout(right, 0, 1, Qt::AlignTop);
    grid->setRowStretch(1, 1);

    connect(document, &PolicyDocument::diagnosticsChanged, this, &RateLimitDetailWidget::refreshLimitMessage);
    setLimit(-1);
}

RateLimitDetailWidget::~RateLimitDetailWidget() = default;

void RateLimitDetailWidget::setLimit(int row)
{
    m_binder->setRow(row);
    const auto r = static_cast<size_t>(row);
    const RateLimit* shown = m_binder->current();
    m_exemptModel->setSource(
        "/rate_limits/" + std::to_string(row) + "/exempt",
        [row, r](auto& p) { return row >= 0 && r < p.rateLimits.size() ? &p.rateLimits[r].exempt : nullptr; },
        shown != nullptr ? "/rate_limits/" + JsonPointer::escape(shown->name) + "/exempt" : std::string());
    if (const RateLimit* limit = m_binder->current()) {
        m_name->setText(toQ(limit->name));
    }
    setEnabled(m_binder->current() != nullptr);
    refreshLimitMessage();
}

void RateLimitDetailWidget::refreshLimitMessage()
{
    const RateLimit* limit = m_binder->current();
    QStringList lines;
    if (limit != nullptr) {
        for (const Error& e :
             m_document->diagnosticsAt("/rate_limits/" + JsonPointer::escape(limit->name) + "/limit")) {
            lines << toQ(e.message) + (e.hint.empty() ? QString() : QStringLiteral(" (") + toQ(e.hint) + u')');
        }
    }
    m_limitMessage->setMessage(lines.join(u'\n'));
}

} // namespace pc
