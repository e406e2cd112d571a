// SPDX-License-Identifier: Apache-2.0
#include "editors/HstsBuilderWidget.h"

#include "editors/EditorKit.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

namespace pc {

HstsBuilderWidget::HstsBuilderWidget(PolicyDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document),
      m_headers(std::make_unique<FormBinder<HeaderPolicy>>(
          document, this, [](Locus) { return std::string("/headers"); }, [](auto& p, Locus) { return &p.headers; })),
      m_hsts(std::make_unique<FormBinder<HstsPolicy>>(
          document, this, [](Locus) { return std::string("/headers/hsts"); },
          [](auto& p, Locus) { return p.headers.hsts ? &*p.headers.hsts : nullptr; })),
      m_body(new QWidget(this)), m_rendered(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    auto* enabled = new QCheckBox(tr("Send Strict-Transport-Security"), this);
    enabled->setObjectName(QStringLiteral("hstsEnabledCheckBox"));
    m_headers->section(enabled, "hsts", &HeaderPolicy::hsts, HstsPolicy{Duration::seconds(63'072'000), true, false});
    layout->addWidget(enabled);

    auto* form = new QFormLayout(m_body);
    auto* maxAge = new QLineEdit(m_body);
    maxAge->setObjectName(QStringLiteral("hstsMaxAgeLineEdit"));
    auto* maxAgeMessage = new MessageLabel(m_body);
    m_hsts->duration(maxAge, maxAgeMessage, "max_age", &HstsPolicy::maxAge);
    auto* presets = new QHBoxLayout;
    presets->addWidget(maxAge, 1);
    for (const auto& [label, seconds] : {std::pair{tr("6 months"), 15'552'000LL}, std::pair{tr("1 year"), 31'536'000LL},
                                         std::pair{tr("2 years"), 63'072'000LL}}) {
        auto* button = new QPushButton(label, m_body);
        button->setToolTip(tr("max-age=%1").arg(seconds));
        connect(button, &QPushButton::clicked, this, [this, seconds = seconds] {
            m_hsts->apply<Duration>("max_age", &HstsPolicy::maxAge, Duration::seconds(seconds));
            m_document->closeMergeSession();
        });
        presets->addWidget(button);
    }
    form->addRow(makeFieldLabel(tr("max-age"), "/headers/hsts/max_age", m_body), presets);
    form->addRow(QString(), maxAgeMessage);
    auto* subdomains = new QCheckBox(tr("includeSubDomains"), m_body);
    subdomains->setObjectName(QStringLiteral("hstsIncludeSubDomainsCheckBox"));
    m_hsts->flag(subdomains, "include_subdomains", &HstsPolicy::includeSubDomains);
    form->addRow(subdomains);
    auto* preload = new QCheckBox(tr("preload"), m_body);
    preload->setObjectName(QStringLiteral("hstsPreloadCheckBox"));
    m_hsts->flag(preload, "preload", &HstsPolicy::preload);
    form->addRow(preload);
    layout->addWidget(m_body);

    m_rendered->setObjectName(QStringLiteral("hstsRenderedLabel"));
    m_rendered->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rendered->setTextFormat(Qt::PlainText);
    layout->addWidget(m_rendered);
    layout->addWidget(makeHelpLabel(tr("Browsers remember the policy for max-age seconds after the last response "
                                       "that carried it, so shortening it later takes that long to reach everyone. "
                                       "Only HTTPS responses may carry it (RFC 6797 §7.2)."),
                                    this));
    layout->addStretch(1);

    connect(document, &PolicyDocument::changed, this, [this](const PolicyChange& change) {
        if (change.kind == PolicyChange::Kind::Reset || policypath::related(change.path, "/headers/hsts")) {
            refresh();
        }
    });
    refresh();
}

HstsBuilderWidget::~HstsBuilderWidget() = default;

void HstsBuilderWidget::refresh()
{
    const auto& hsts = m_document->policy().headers.hsts;
    m_body->setEnabled(hsts.has_value());
    m_rendered->setText(hsts ? QStringLiteral("Strict-Transport-Security: ") + toQ(hsts->render()) : QString());
}

} // namespace pc
