// SPDX-License-Identifier: Apache-2.0
#include "editors/CspBuilderWidget.h"

#include "editors/EditorKit.h"
#include "models/CspDirectiveModel.h"

#include <QVBoxLayout>

namespace pc {

CspBuilderWidget::CspBuilderWidget(PolicyDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document),
      m_headers(std::make_unique<FormBinder<HeaderPolicy>>(
          document, this, [](Locus) { return std::string("/headers"); }, [](auto& p, Locus) { return &p.headers; })),
      m_csp(std::make_unique<FormBinder<CspPolicy>>(
          document, this, [](Locus) { return std::string("/headers/csp"); },
          [](auto& p, Locus) { return p.headers.csp ? &*p.headers.csp : nullptr; })),
      m_body(new QWidget(this)), m_rendered(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    auto* enabled = new QCheckBox(tr("Send a Content-Security-Policy"), this);
    enabled->setObjectName(QStringLiteral("cspEnabledCheckBox"));
    m_headers->section(enabled, "csp", &HeaderPolicy::csp,
                       CspPolicy{{{"default-src", {"'self'"}}, {"frame-ancestors", {"'none'"}}}, false});
    layout->addWidget(enabled);

    auto* body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);
    auto* reportOnly = new QCheckBox(tr("Report only (Content-Security-Policy-Report-Only)"), m_body);
    reportOnly->setObjectName(QStringLiteral("cspReportOnlyCheckBox"));
    m_csp->flag(reportOnly, "report_only", &CspPolicy::reportOnly);
    body->addWidget(reportOnly);
    auto* model = new CspDirectiveModel(document, this);
    auto* table = new TableEditor(model, TableEditor::Options{}, m_body);
    table->setObjectName(QStringLiteral("cspDirectiveTableWidget"));
    table->setProperty("policyPath", QStringLiteral("/headers/csp/directives"));
    table->setToolTip(SettingHelp::tooltip("/headers/csp/directives"));
    body->addWidget(table, 1);
    body->addWidget(makeHelpLabel(
        tr("Known directives: %1.").arg(CspDirectiveModel::knownDirectives().join(QStringLiteral(", "))), m_body));
    layout->addWidget(m_body, 1);

    m_rendered->setObjectName(QStringLiteral("cspRenderedLabel"));
    m_rendered->setWordWrap(true);
    m_rendered->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rendered->setTextFormat(Qt::PlainText);
    layout->addWidget(m_rendered);

    connect(document, &PolicyDocument::changed, this, [this](const PolicyChange& change) {
        if (change.kind == PolicyChange::Kind::Reset || policypath::related(change.path, "/headers/csp")) {
            refresh();
        }
    });
    refresh();
}

CspBuilderWidget::~CspBuilderWidget() = default;

void CspBuilderWidget::refresh()
{
    const auto& csp = m_document->policy().headers.csp;
    m_body->setEnabled(csp.has_value());
    m_rendered->setText(csp ? toQ(csp->headerName()) + QStringLiteral(": ") + toQ(csp->render()) : QString());
}

} // namespace pc
