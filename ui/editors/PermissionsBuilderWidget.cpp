// SPDX-License-Identifier: Apache-2.0
#include "editors/PermissionsBuilderWidget.h"

#include "editors/EditorKit.h"
#include "models/PermissionsFeatureModel.h"

#include <QVBoxLayout>

namespace pc {

PermissionsBuilderWidget::PermissionsBuilderWidget(PolicyDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document),
      m_headers(std::make_unique<FormBinder<HeaderPolicy>>(
          document, this, [](Locus) { return std::string("/headers"); }, [](auto& p, Locus) { return &p.headers; })),
      m_body(new QWidget(this)), m_rendered(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    auto* enabled = new QCheckBox(tr("Send a Permissions-Policy"), this);
    enabled->setObjectName(QStringLiteral("permissionsEnabledCheckBox"));
    m_headers->section(enabled, "permissions_policy", &HeaderPolicy::permissionsPolicy,
                       PermissionsPolicy{{{"camera", {}}, {"microphone", {}}, {"geolocation", {}}}});
    layout->addWidget(enabled);

    auto* body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);
    auto* model = new PermissionsFeatureModel(document, this);
    auto* table = new TableEditor(model, TableEditor::Options{}, m_body);
    table->setObjectName(QStringLiteral("permissionsFeatureTableWidget"));
    table->setProperty("policyPath", QStringLiteral("/headers/permissions_policy/features"));
    table->setToolTip(SettingHelp::tooltip("/headers/permissions_policy/features"));
    body->addWidget(table, 1);
    body->addWidget(makeHelpLabel(tr("Write allowlist entries separated by spaces: self, src, * or origins such as "
                                     "https://maps.example.com. helmet sends no Permissions-Policy: the header is "
                                     "still a draft that Firefox and Safari do not implement."),
                                  m_body));
    layout->addWidget(m_body, 1);

    m_rendered->setObjectName(QStringLiteral("permissionsRenderedLabel"));
    m_rendered->setWordWrap(true);
    m_rendered->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rendered->setTextFormat(Qt::PlainText);
    layout->addWidget(m_rendered);

    connect(document, &PolicyDocument::changed, this, [this](const PolicyChange& change) {
        if (change.kind == PolicyChange::Kind::Reset ||
            policypath::related(change.path, "/headers/permissions_policy")) {
            refresh();
        }
    });
    refresh();
}

PermissionsBuilderWidget::~PermissionsBuilderWidget() = default;

void PermissionsBuilderWidget::refresh()
{
    const auto& pp = m_document->policy().headers.permissionsPolicy;
    m_body->setEnabled(pp.has_value());
    m_rendered->setText(pp ? QStringLiteral("Permissions-Policy: ") + toQ(pp->render()) : QString());
}

} // namespace pc
