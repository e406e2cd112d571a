// SPDX-License-Identifier: Apache-2.0
#include "editors/TokensEditor.h"

#include "editors/CookieSettingsWidget.h"
#include "editors/EditorKit.h"
#include "editors/JwtSettingsWidget.h"
#include "editors/PasswordSettingsWidget.h"
#include "editors/TokenDebuggerWidget.h"
#include "widgets/IssuesLabel.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace pc {

TokensEditor::TokensEditor(PolicyDocument* document, QWidget* parent) : QWidget(parent), m_tabs(new QTabWidget(this))
{
    auto* layout = new QVBoxLayout(this);
    m_tabs->setObjectName(QStringLiteral("tokensTabWidget"));
    m_tabs->addTab(makeScrollPage(new JwtSettingsWidget(document, m_tabs), m_tabs), tr("JSON Web Tokens"));
    m_tabs->addTab(makeScrollPage(new PasswordSettingsWidget(document, m_tabs), m_tabs), tr("Password hashing"));
    m_tabs->addTab(makeScrollPage(new CookieSettingsWidget(document, m_tabs), m_tabs), tr("Cookies and API keys"));
    auto* debugger = new TokenDebuggerWidget(document, m_tabs);
    debugger->setObjectName(QStringLiteral("tokenDebuggerWidget"));
    m_tabs->addTab(debugger, tr("Token debugger"));
    layout->addWidget(m_tabs, 1);
    layout->addWidget(new IssuesLabel(document, {"/auth"}, this));
}

TokensEditor::~TokensEditor() = default;

} // namespace pc
