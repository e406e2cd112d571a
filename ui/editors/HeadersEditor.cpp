// SPDX-License-Identifier: Apache-2.0
#include "editors/HeadersEditor.h"

#include "editors/CspBuilderWidget.h"
#include "editors/EditorKit.h"
#include "editors/HeaderPreviewWidget.h"
#include "editors/HstsBuilderWidget.h"
#include "editors/PermissionsBuilderWidget.h"
#include "models/HeaderTableModel.h"
#include "undo/ChangeValue.h"
#include "widgets/IssuesLabel.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace pc {

HeadersEditor::HeadersEditor(PolicyDocument* document, QWidget* parent) : QWidget(parent), m_document(document)
{
    auto* layout = new QVBoxLayout(this);

    auto* presets = new QHBoxLayout;
    presets->addWidget(new QLabel(tr("Start from:"), this));
    const std::array<std::pair<HeaderPreset, QString>, 3> presetButtons{
        {{HeaderPreset::Owasp, QStringLiteral("owaspPresetButton")},
         {HeaderPreset::Helmet, QStringLiteral("helmetPresetButton")},
         {HeaderPreset::StrictApi, QStringLiteral("strictApiPresetButton")}}};
    for (const auto& [preset, name] : presetButtons) {
        auto* button = new QPushButton(headerPresetTitle(preset), this);
        button->setObjectName(name);
        button->setToolTip(headerPresetDescription(preset));
        connect(button, &QPushButton::clicked, this, [this, p = preset] { applyPreset(p); });
        presets->addWidget(button);
    }
    presets->addStretch(1);
    layout->addLayout(presets);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    auto* tabs = new QTabWidget(splitter);
    tabs->setObjectName(QStringLiteral("headerTabWidget"));

    auto* raw = new QWidget(tabs);
    auto* rawLayout = new QVBoxLayout(raw);
    auto* setModel = new HeaderTableModel(document, raw);
    auto* setTable = new TableEditor(setModel, TableEditor::Options{true, true, {}}, raw);
    setTable->setObjectName(QStringLiteral("headerTableWidget"));
    setTable->setProperty("policyPath", QStringLiteral("/headers/set"));
    setTable->setToolTip(SettingHelp::tooltip("/headers/set"));
    rawLayout->addWidget(makeFieldLabel(tr("Set on every response"), "/headers/set", raw));
    rawLayout->addWidget(setTable, 2);
    auto* removeList = makeStringListEditor(
        document, raw, tr("removed header"), "/headers/remove", [](auto& p) { return &p.headers.remove; },
        tr("X-Powered-By"), QStringLiteral("removeHeaderListWidget"));
    auto* removeRow = new QHBoxLayout;
    removeRow->addWidget(makeFieldLabel(tr("Removed from every response"), "/headers/remove", raw), 1);
    auto* owaspRemove = new QPushButton(tr("Use OWASP's remove list"), raw);
    owaspRemove->setObjectName(QStringLiteral("owaspRemoveListButton"));
    owaspRemove->setToolTip(tr("Replace the list with the OWASP Secure Headers Project's 87 headers that reveal "
                               "the server, framework, proxies and tracing (ci/headers_remove.json)."));
    connect(owaspRemove, &QPushButton::clicked, this, [this] {
        m_document->push(new ChangeValue<std::vector<std::string>>(
            m_document, tr("Use OWASP's remove list"), "/headers/remove",
            [](Policy& p) -> std::vector<std::string>& { return p.headers.remove; }, owaspRemoveList()));
        m_document->closeMergeSession();
    });
    removeRow->addWidget(owaspRemove);
    rawLayout->addLayout(removeRow);
    rawLayout->addWidget(removeList, 1);
    tabs->addTab(raw, tr("Raw headers"));
    tabs->addTab(new CspBuilderWidget(document, tabs), tr("Content-Security-Policy"));
    tabs->addTab(new HstsBuilderWidget(document, tabs), tr("HSTS"));
    tabs->addTab(new PermissionsBuilderWidget(document, tabs), tr("Permissions-Policy"));

    auto* preview = new HeaderPreviewWidget(document, splitter);
    preview->setObjectName(QStringLiteral("headerPreviewWidget"));
    splitter->addWidget(tabs);
    splitter->addWidget(preview);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    layout->addWidget(new IssuesLabel(document, {"/headers"}, this));
}

HeadersEditor::~HeadersEditor() = default;

void HeadersEditor::applyPreset(HeaderPreset preset)
{
    m_document->push(new ChangeValue<HeaderPolicy>(
        m_document, tr("Apply %1").arg(headerPresetTitle(preset)), "/headers",
        [](Policy& p) -> HeaderPolicy& { return p.headers; }, headerPreset(preset)));
    m_document->closeMergeSession();
}

} // namespace pc
