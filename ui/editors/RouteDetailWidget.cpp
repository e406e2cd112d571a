// SPDX-License-Identifier: Apache-2.0
#include "editors/RouteDetailWidget.h"

#include "editors/EditorKit.h"
#include "models/HeaderTableModel.h"
#include "policy/PolicyEnums.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QVBoxLayout>

namespace pc {

RouteDetailWidget::RouteDetailWidget(PolicyDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document),
      m_binder(std::make_unique<FormBinder<Route>>(
          document, this, [](Locus at) { return "/routes/" + std::to_string(at.row); },
          [](auto& p, Locus at) {
              return at.row >= 0 && static_cast<size_t>(at.row) < p.routes.size()
                         ? &p.routes[static_cast<size_t>(at.row)]
                         : nullptr;
          }))
{
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);

    auto* match = makeGroup(tr("Request matching"), QStringLiteral("routeMatchGroupBox"), this);
    auto* matchForm = new QFormLayout(match);
    auto* id = new QLineEdit(match);
    id->setObjectName(QStringLiteral("routeIdLineEdit"));
    m_binder->text(id, "id", &Route::id);
    matchForm->addRow(makeFieldLabel(tr("Id"), "/routes/*/id", match), id);
    auto* summary = new QLineEdit(match);
    summary->setObjectName(QStringLiteral("routeSummaryLineEdit"));
    m_binder->text(summary, "summary", &Route::summary);
    matchForm->addRow(makeFieldLabel(tr("Summary"), "/routes/*/summary", match), summary);
    auto* methods = new TokenChecklist({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                                        QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("OPTIONS")},
                                       match);
    methods->setObjectName(QStringLiteral("routeMethodChecklistWidget"));
    m_binder->checklist(methods, "methods", &Route::methods);
    matchForm->addRow(makeFieldLabel(tr("Methods"), "/routes/*/methods", match), methods);
    auto* path = new QLineEdit(match);
    path->setObjectName(QStringLiteral("routePathLineEdit"));
    path->setPlaceholderText(QStringLiteral("/users/{id:int}"));
    m_binder->text(path, "path", &Route::path);
    matchForm->addRow(makeFieldLabel(tr("Path"), "/routes/*/path", match), path);
    auto* auth = new QComboBox(match);
    auth->setObjectName(QStringLiteral("routeAuthComboBox"));
    m_binder->choice<RouteAuth>(auth, "auth", &Route::auth);
    matchForm->addRow(makeFieldLabel(tr("Authentication"), "/routes/*/auth", match), auth);
    m_rateLimits = new TokenChecklist({}, match);
    m_rateLimits->setObjectName(QStringLiteral("routeRateLimitChecklistWidget"));
    m_binder->checklist(m_rateLimits, "rate_limits", &Route::rateLimits);
    matchForm->addRow(makeFieldLabel(tr("Rate limits"), "/routes/*/rate_limits", match), m_rateLimits);
    grid->addWidget(match, 0, 0);

    auto* request = makeGroup(tr("Request validation"), QStringLiteral("routeRequestGroupBox"), this);
    auto* requestForm = new QFormLayout(request);
    const std::array<std::tuple<const char*, const char*, QString>, 4> schemaFields{
        {{"request/body", "/routes/*/request/body", tr("Body")},
         {"request/query", "/routes/*/request/query", tr("Query")},
         {"request/path_params", "/routes/*/request/path_params", tr("Path parameters")},
         {"request/headers", "/routes/*/request/headers", tr("Headers")}}};
    for (const auto& [key, generic, label] : schemaFields) {
        auto* combo = new QComboBox(request);
        combo->setObjectName(QString::fromLatin1(key).replace(u'/', u'_') + QStringLiteral("ComboBox"));
        const std::string k(key);
        if (k == "request/body") {
            bindSchema(
                combo, k, [](auto& r) -> auto& { return r.request.body; });
        } else if (k == "request/query") {
            bindSchema(
                combo, k, [](auto& r) -> auto& { return r.request.query; });
        } else if (k == "request/path_params") {
            bindSchema(
                combo, k, [](auto& r) -> auto& { return r.request.pathParams; });
        } else {
            bindSchema(
                combo, k, [](auto& r) -> auto& { return r.request.headers; });
        }
        requestForm->addRow(makeFieldLabel(label, generic, request), combo);
    }
    auto* contentTypes = new QLineEdit(request);
    contentTypes->setObjectName(QStringLiteral("routeContentTypesLineEdit"));
    contentTypes->setPlaceholderText(tr("global list"));
    m_binder->tokens(
        contentTypes, "request/content_types", [](auto& r) -> auto& { return r.request.contentTypes; });
    requestForm->addRow(makeFieldLabel(tr("Content types"), "/routes/*/request/content_types", request), contentTypes);
    auto* maxBody = new QLineEdit(request);
    maxBody->setObjectName(QStringLiteral("routeMaxBodyLineEdit"));
    maxBody->setPlaceholderText(tr("global limit"));
    auto* maxBodyMessage = new MessageLabel(request);
    m_binder->optionalByteSize(
        maxBody, maxBodyMessage, "request/max_body_bytes", [](auto& r) -> auto& { return r.request.maxBodyBytes; });
    requestForm->addRow(makeFieldLabel(tr("Maximum body"), "/routes/*/request/max_body_bytes", request), maxBody);
    requestForm->addRow(QString(), maxBodyMessage);
    grid->addWidget(request, 0, 1);

    auto* response = makeGroup(tr("Response"), QStringLiteral("routeResponseGroupBox"), this);
    auto* responseForm = new QFormLayout(response);
    auto* allowFields = new QLineEdit(response);
    allowFields->setObjectName(QStringLiteral("routeAllowFieldsLineEdit"));
    allowFields->setPlaceholderText(tr("no filtering"));
    m_binder->tokens(
        allowFields, "response/allow_fields", [](auto& r) -> auto& { return r.response.allowFields; });
    responseForm->addRow(makeFieldLabel(tr("Allowed fields"), "/routes/*/response/allow_fields", response),
                         allowFields);
    auto* handler = new QComboBox(response);
    handler->setObjectName(QStringLiteral("routeHandlerComboBox"));
    m_binder->choice<RouteHandler>(handler, "handler", &Route::handler);
    responseForm->addRow(makeFieldLabel(tr("Handler"), "/routes/*/handler", response), handler);
    auto* status = new QSpinBox(response);
    status->setObjectName(QStringLiteral("routeMockStatusSpinBox"));
    status->setRange(100, 599);
    m_binder->number(
        status, "mock/status", [](auto& r) -> auto& { return r.mock.status; });
    responseForm->addRow(makeFieldLabel(tr("Mock status"), "/routes/*/mock/status", response), status);
    auto* body = new QPlainTextEdit(response);
    body->setObjectName(QStringLiteral("routeMockBodyTextEdit"));
    body->setPlaceholderText(QStringLiteral("{\"data\": \"limited\"}"));
    body->setMaximumHeight(90);
    auto* bodyMessage = new MessageLabel(response);
    m_binder->jsonDocument(
        body, bodyMessage, "mock/body", [](auto& r) -> auto& { return r.mock.body; });
    responseForm->addRow(makeFieldLabel(tr("Mock body"), "/routes/*/mock/body", response), body);
    responseForm->addRow(QString(), bodyMessage);
    m_mockHeaders = new HeaderTableModel(document, this);
    auto* mockHeaders = new TableEditor(m_mockHeaders, TableEditor::Options{false, true, {}}, response);
    mockHeaders->setObjectName(QStringLiteral("routeMockHeaderTableWidget"));
    mockHeaders->setProperty("policyPath", QStringLiteral("/routes/*/mock/headers"));
    mockHeaders->setToolTip(SettingHelp::tooltip("/routes/*/mock/headers"));
    mockHeaders->setMaximumHeight(130);
    responseForm->addRow(makeFieldLabel(tr("Mock headers"), "/routes/*/mock/headers", response), mockHeaders);
    auto* upstream = new QLineEdit(response);
    upstream->setObjectName(QStringLiteral("routeUpstreamLineEdit"));
    upstream->setPlaceholderText(tr("transport's upstream"));
    m_binder->text(upstream, "upstream", &Route::upstream);
    responseForm->addRow(makeFieldLabel(tr("Upstream"), "/routes/*/upstream", response), upstream);
    grid->addWidget(response, 1, 0, 1, 2);
    grid->setRowStretch(2, 1);

    connect(document, &PolicyDocument::changed, this, [this](const PolicyChange& change) {
        if (change.kind == PolicyChange::Kind::Reset || policypath::related(change.path, "/schemas") ||
            policypath::related(change.path, "/rate_limits")) {
            refreshChoices();
        }
    });
    refreshChoices();
    setRoute(-1);
}

RouteDetailWidget::~RouteDetailWidget() = default;

void RouteDetailWidget::setRoute(int row)
{
    m_binder->setRow(row);
    const auto r = static_cast<size_t>(row);
    m_mockHeaders->setSource(
        "/routes/" + std::to_string(row) + "/mock/headers",
        [row, r](auto& p) { return row >= 0 && r < p.routes.size() ? &p.routes[r].mock.headers : nullptr; },
        row >= 0 ? "/routes/" + std::to_string(row) + "/mock/headers" : std::string());
    setEnabled(m_binder->current() != nullptr);
}

template <class F> void RouteDetailWidget::bindSchema(QComboBox* combo, std::string_view key, F field)
{
    m_schemaCombos.push_back(combo);
    m_binder->custom(combo, key, field, [combo](const std::string& name) {
        int index = combo->findData(toQ(name));
        if (index < 0) {
            // A reference to a schema that does not exist stays visible.
            combo->addItem(tr("%1 (missing)").arg(toQ(name)), toQ(name));
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(index);
    });
    connect(combo, &QComboBox::activated, this, [this, combo, k = std::string(key), field] {
        m_binder->apply<std::string>(k, field, toStd(combo->currentData().toString()));
        m_document->closeMergeSession();
    });
}

void RouteDetailWidget::refreshChoices()
{
    QStringList schemas{QString()};
    for (const Schema& s : m_document->policy().schemas) {
        schemas << toQ(s.name);
    }
    for (QComboBox* combo : m_schemaCombos) {
        const QSignalBlocker blocker(combo);
        combo->clear();
        for (const QString& name : schemas) {
            combo->addItem(name.isEmpty() ? tr("(none)") : name, name);
        }
    }
    QStringList limits;
    for (const RateLimit& l : m_document->policy().rateLimits) {
        limits << toQ(l.name);
    }
    {
        const QSignalBlocker blocker(m_rateLimits);
        m_rateLimits->setKnown(limits);
    }
    m_binder->refreshAll();
}

} // namespace pc
