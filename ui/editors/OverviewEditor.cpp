// SPDX-License-Identifier: Apache-2.0
#include "editors/OverviewEditor.h"

#include "editors/EditorKit.h"
#include "policy/PolicyEnums.h"

#include <QFormLayout>
#include <QListWidget>
#include <QVBoxLayout>

namespace pc {

OverviewEditor::OverviewEditor(PolicyDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document),
      m_binder(std::make_unique<FormBinder<Policy>>(
          document, this, [](Locus) { return std::string(); }, [](auto& p, Locus) { return &p; })),
      m_summary(new QLabel(this)), m_issues(new QListWidget(this))
{
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    auto* name = new QLineEdit(this);
    name->setObjectName(QStringLiteral("policyNameLineEdit"));
    name->setPlaceholderText(tr("Orders API"));
    m_binder->text(name, "name", &Policy::name);
    form->addRow(makeFieldLabel(tr("Name"), "/name", this), name);
    auto* description = new QPlainTextEdit(this);
    description->setObjectName(QStringLiteral("policyDescriptionTextEdit"));
    description->setMaximumHeight(80);
    m_binder->multiline(description, "description", &Policy::description);
    form->addRow(makeFieldLabel(tr("Description"), "/description", this), description);
    auto* environment = new QComboBox(this);
    environment->setObjectName(QStringLiteral("environmentComboBox"));
    m_binder->choice<Environment>(environment, "environment", &Policy::environment);
    form->addRow(makeFieldLabel(tr("Environment"), "/environment", this), environment);
    layout->addLayout(form);

    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    auto* summaryBox = makeGroup(tr("At a glance"), QStringLiteral("summaryGroupBox"), this);
    auto* summaryLayout = new QVBoxLayout(summaryBox);
    summaryLayout->addWidget(m_summary);
    layout->addWidget(summaryBox);

    auto* issuesBox = makeGroup(tr("Problems"), QStringLiteral("issuesGroupBox"), this);
    auto* issuesLayout = new QVBoxLayout(issuesBox);
    m_issues->setObjectName(QStringLiteral("issueListWidget"));
    m_issues->setToolTip(tr("What portcullis-cli check would report about this policy once saved. Double-click a "
                            "problem to open the section that can fix it."));
    m_issues->setWordWrap(true);
    issuesLayout->addWidget(m_issues);
    layout->addWidget(issuesBox, 1);
    connect(m_issues, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        Q_EMIT navigateRequested(static_cast<Section>(item->data(Qt::UserRole).toInt()));
    });

    connect(document, &PolicyDocument::changed, this, &OverviewEditor::refresh);
    connect(document, &PolicyDocument::diagnosticsChanged, this, &OverviewEditor::refresh);
    refresh();
}

OverviewEditor::~OverviewEditor() = default;

Section OverviewEditor::sectionForPointer(const std::string& pointer)
{
    const auto first = [&pointer](std::string_view prefix) { return policypath::isWithin(pointer, prefix); };
    if (first("/routes")) {
        return Section::Routes;
    }
    if (first("/schemas")) {
        return Section::Validation;
    }
    if (first("/cors")) {
        return Section::Cors;
    }
    if (first("/rate_limits")) {
        return Section::RateLimits;
    }
    if (first("/headers")) {
        return Section::Headers;
    }
    if (first("/auth")) {
        return Section::Tokens;
    }
    if (first("/secrets")) {
        return Section::Secrets;
    }
    if (first("/transport") || first("/limits")) {
        return Section::Transport;
    }
    return Section::Overview;
}

int OverviewEditor::issueCount() const
{
    return m_issueCount;
}

void OverviewEditor::refresh()
{
    const Policy& p = m_document->policy();
    const int bearer = static_cast<int>(
        std::count_if(p.routes.begin(), p.routes.end(), [](const Route& r) { return r.auth == RouteAuth::Bearer; }));
    auto count = [](qsizetype n, const QString& one, const QString& many) { return n == 1 ? one : many.arg(n); };
    QStringList lines;
    lines << count(p.routes.size(), tr("<b>1 route</b>"), tr("<b>%1 routes</b>")) +
                 tr(", %1 requiring a bearer token").arg(bearer);
    lines << count(p.schemas.size(), tr("1 schema"), tr("%1 schemas"));
    lines << (p.cors ? count(static_cast<qsizetype>(p.cors->allowOrigins.size() + p.cors->allowOriginPatterns.size()),
                             tr("CORS for 1 origin"), tr("CORS for %1 origins"))
                     : tr("no CORS"));
    lines << count(p.rateLimits.size(), tr("1 rate limit"), tr("%1 rate limits"));
    lines << count(p.headers.rendered().size(), tr("1 security header on every response"),
                   tr("%1 security headers on every response"));
    lines << (p.auth.jwt ? tr("JWT %1").arg(joinTokens(p.auth.jwt->algorithms, QStringLiteral(", ")))
                         : tr("no JWT verification"));
    lines << (p.auth.passwords ? tr("passwords hashed with %1").arg(enumText(p.auth.passwords->scheme))
                               : tr("no password hashing"));
    lines << count(p.secrets.size(), tr("1 secret reference"), tr("%1 secret references"));
    lines << (p.transport.httpsOnly ? tr("HTTPS only") : tr("HTTP allowed"));
    m_summary->setText(lines.join(QStringLiteral("<br>")));

    m_issues->clear();
    const Errors& issues = m_document->diagnostics();
    m_issueCount = static_cast<int>(issues.size());
    for (const Error& e : issues) {
        auto* item = new QListWidgetItem(toQ(e.toString()), m_issues);
        item->setData(Qt::UserRole, static_cast<int>(sectionForPointer(e.pointer)));
        item->setToolTip(toQ(e.code));
    }
    if (issues.empty()) {
        auto* item = new QListWidgetItem(tr("portcullis-cli check finds no problems."), m_issues);
        item->setFlags(Qt::NoItemFlags);
    }
}

} // namespace pc
