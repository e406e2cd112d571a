// SPDX-License-Identifier: Apache-2.0
#include "editors/CorsEditor.h"

#include "editors/CorsPreflightWidget.h"
#include "editors/EditorKit.h"
#include "widgets/IssuesLabel.h"
#include "widgets/TableEditor.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QSplitter>
#include <QVBoxLayout>

namespace pc {

CorsEditor::CorsEditor(PolicyDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document),
      m_policyBinder(std::make_unique<FormBinder<Policy>>(
          document, this, [](Locus) { return std::string(); }, [](auto& p, Locus) { return &p; })),
      m_binder(std::make_unique<FormBinder<CorsPolicy>>(
          document, this, [](Locus) { return std::string("/cors"); },
          [](auto& p, Locus) { return p.cors ? &*p.cors : nullptr; }))
{
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);

    auto* enabled = new QCheckBox(tr("Answer cross-origin requests (CORS)"), content);
    enabled->setObjectName(QStringLiteral("corsEnabledCheckBox"));
    m_policyBinder->section(enabled, "cors", &Policy::cors, CorsPolicy{});
    layout->addWidget(enabled);
    layout->addWidget(makeHelpLabel(
        tr("Browsers let a page on another origin read your API's responses only when these headers allow it "
           "(Fetch standard). CORS is not access control: it protects users' browsers, not your API."),
        content));

    m_body = new QWidget(content);
    auto* body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);

    auto* origins = makeGroup(tr("Origins"), QStringLiteral("originsGroupBox"), m_body);
    auto* originGrid = new QGridLayout(origins);
    m_origins = makeStringListEditor(
        document, origins, tr("origin"), "/cors/allow_origins",
        [](auto& p) { return p.cors ? &p.cors->allowOrigins : nullptr; }, tr("https://app.example.com"),
        QStringLiteral("originListWidget"));
    auto* patterns = makeStringListEditor(
        document, origins, tr("origin pattern"), "/cors/allow_origin_patterns",
        [](auto& p) { return p.cors ? &p.cors->allowOriginPatterns : nullptr; }, tr("https://*.example.com"),
        QStringLiteral("originPatternListWidget"));
    originGrid->addWidget(makeFieldLabel(tr("Exact origins"), "/cors/allow_origins", origins), 0, 0);
    originGrid->addWidget(makeFieldLabel(tr("Patterns"), "/cors/allow_origin_patterns", origins), 0, 1);
    for (TableEditor* list : {m_origins, patterns}) {
        list->setMaximumHeight(170);
    }
    originGrid->addWidget(m_origins, 1, 0);
    originGrid->addWidget(patterns, 1, 1);
    body->addWidget(origins);

    auto* requests = makeGroup(tr("Requests"), QStringLiteral("requestsGroupBox"), m_body);
    auto* requestGrid = new QGridLayout(requests);
    auto* methods = new TokenChecklist({QStringLiteral("GET"), QStringLiteral("HEAD"), QStringLiteral("POST"),
                                        QStringLiteral("PUT"), QStringLiteral("PATCH"), QStringLiteral("DELETE"),
                                        QStringLiteral("OPTIONS"), QStringLiteral("*")},
                                       requests);
    methods->setObjectName(QStringLiteral("methodChecklistWidget"));
    m_binder->checklist(methods, "allow_methods", &CorsPolicy::allowMethods);
    auto* allowHeaders = makeStringListEditor(
        document, requests, tr("request header"), "/cors/allow_headers",
        [](auto& p) { return p.cors ? &p.cors->allowHeaders : nullptr; }, tr("Authorization"),
        QStringLiteral("allowHeaderListWidget"));
    auto* exposeHeaders = makeStringListEditor(
        document, requests, tr("exposed header"), "/cors/expose_headers",
        [](auto& p) { return p.cors ? &p.cors->exposeHeaders : nullptr; }, tr("X-Request-Id"),
        QStringLiteral("exposeHeaderListWidget"));
    requestGrid->addWidget(makeFieldLabel(tr("Methods"), "/cors/allow_methods", requests), 0, 0, 1, 2);
    requestGrid->addWidget(methods, 1, 0, 1, 2);
    requestGrid->addWidget(makeFieldLabel(tr("Allowed request headers"), "/cors/allow_headers", requests), 2, 0);
    requestGrid->addWidget(makeFieldLabel(tr("Exposed response headers"), "/cors/expose_headers", requests), 2, 1);
    for (TableEditor* list : {allowHeaders, exposeHeaders}) {
        list->setMaximumHeight(170);
    }
    requestGrid->addWidget(allowHeaders, 3, 0);
    requestGrid->addWidget(exposeHeaders, 3, 1);
    body->addWidget(requests);

    auto* responses = makeGroup(tr("Responses"), QStringLiteral("responsesGroupBox"), m_body);
    auto* form = new QFormLayout(responses);
    auto* credentials = new QCheckBox(tr("Allow credentials (cookies, Authorization)"), responses);
    credentials->setObjectName(QStringLiteral("allowCredentialsCheckBox"));
    m_binder->flag(credentials, "allow_credentials", &CorsPolicy::allowCredentials);
    form->addRow(credentials);
    auto* maxAge = new QSpinBox(responses);
    maxAge->setObjectName(QStringLiteral("maxAgeSpinBox"));
    maxAge->setRange(0, 86400);
    maxAge->setSuffix(tr(" s"));
    m_binder->number(maxAge, "max_age", &CorsPolicy::maxAge);
    form->addRow(makeFieldLabel(tr("Max age"), "/cors/max_age", responses), maxAge);
    auto* privateNetwork = new QCheckBox(tr("Allow private network access"), responses);
    privateNetwork->setObjectName(QStringLiteral("allowPrivateNetworkCheckBox"));
    m_binder->flag(privateNetwork, "allow_private_network", &CorsPolicy::allowPrivateNetwork);
    form->addRow(privateNetwork);
    auto* denied = new QSpinBox(responses);
    denied->setObjectName(QStringLiteral("deniedPreflightStatusSpinBox"));
    denied->setRange(200, 599);
    m_binder->number(denied, "denied_preflight_status", &CorsPolicy::deniedPreflightStatus);
    form->addRow(makeFieldLabel(tr("Refused preflight status"), "/cors/denied_preflight_status", responses), denied);
    body->addWidget(responses);

    layout->addWidget(m_body);
    layout->addStretch(1);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    auto* simulator = makeGroup(tr("Preflight simulator"), QStringLiteral("preflightGroupBox"), splitter);
    simulator->setToolTip(tr("What a browser sends before a cross-origin request that is not simple, what this "
                             "policy answers (the engine itself, as the test server runs it), and whether the "
                             "browser then lets the request go (Fetch standard)."));
    auto* simulatorLayout = new QVBoxLayout(simulator);
    auto* preflight = new CorsPreflightWidget(document, simulator);
    preflight->setObjectName(QStringLiteral("corsPreflightWidget"));
    simulatorLayout->addWidget(preflight);
    splitter->addWidget(makeScrollPage(content, splitter));
    splitter->addWidget(simulator);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 4);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(splitter, 1);
    outer->addWidget(new IssuesLabel(document, {"/cors"}, this));

    connect(document, &PolicyDocument::changed, this, [this](const PolicyChange& change) {
        if (change.kind == PolicyChange::Kind::Reset || policypath::related(change.path, "/cors")) {
            updateEnabled();
        }
    });
    updateEnabled();
}

CorsEditor::~CorsEditor() = default;

void CorsEditor::updateEnabled()
{
    m_body->setEnabled(m_document->policy().cors.has_value());
}

} // namespace pc
