// SPDX-License-Identifier: Apache-2.0
#include "models/RouteTableModel.h"

#include "models/ModelRoles.h"
#include "policy/PolicyEnums.h"
#include "support/Text.h"

namespace pc {

RouteTableModel::RouteTableModel(PolicyDocument* document, QObject* parent) : PolicyListModel<Route>(document, parent)
{
    setList("/routes", [](auto& p) { return &p.routes; });
}

int RouteTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RouteTableModel::data(const QModelIndex& index, int role) const
{
    const Route* route = item(index.row());
    if (route == nullptr) {
        return {};
    }
    if (QVariant diagnostic = diagnosticData(index, role); diagnostic.isValid()) {
        return diagnostic;
    }
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (static_cast<Column>(index.column())) {
        case IdColumn:
            return toQ(route->id);
        case MethodsColumn:
            return joinTokens(route->methods);
        case PathColumn:
            return toQ(route->path);
        case AuthColumn:
            return enumText(route->auth);
        case RateLimitsColumn:
            return joinTokens(route->rateLimits, QStringLiteral(", "));
        case BodyColumn:
            return toQ(route->request.body);
        case HandlerColumn:
            return enumText(route->handler);
        case ColumnCount:
            break;
        }
    }
    if (role == ChoicesRole) {
        if (index.column() == AuthColumn) {
            return enumTexts<RouteAuth>();
        }
        if (index.column() == HandlerColumn) {
            return enumTexts<RouteHandler>();
        }
        if (index.column() == BodyColumn) {
            QStringList names{QString()};
            for (const Schema& s : document()->policy().schemas) {
                names << toQ(s.name);
            }
            return names;
        }
    }
    if (role == Qt::ToolTipRole && index.column() == PathColumn) {
        return tr("Path template in Starlette's syntax: /users/{id:int}, /files/{rest:path}.");
    }
    return {};
}

bool RouteTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || item(index.row()) == nullptr) {
        return false;
    }
    const QString text = value.toString().trimmed();
    const int row = index.row();
    switch (static_cast<Column>(index.column())) {
    case IdColumn:
        return setValue(row, "id", tr("route id"), &Route::id, toStd(text));
    case MethodsColumn:
        return setValue(row, "methods", tr("route methods"), &Route::methods, splitTokens(text.toUpper()));
    case PathColumn:
        return setValue(row, "path", tr("route path"), &Route::path, toStd(text));
    case AuthColumn:
        if (auto auth = enumFromText<RouteAuth>(text)) {
            return setValue(row, "auth", tr("route auth"), &Route::auth, *auth);
        }
        return false;
    case BodyColumn:
        return setValue(
            row, "request/body", tr("body schema"), [](auto& r) -> auto& { return r.request.body; }, toStd(text));
    case HandlerColumn:
        if (auto handler = enumFromText<RouteHandler>(text)) {
            return setValue(row, "handler", tr("route handler"), &Route::handler, *handler);
        }
        return false;
    case RateLimitsColumn:
    case ColumnCount:
        break;
    }
    return false;
}

Qt::ItemFlags RouteTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() != RateLimitsColumn) {
        f |= Qt::ItemIsEditable;
    }
    return f;
}

QVariant RouteTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (static_cast<Column>(section)) {
    case IdColumn:
        return tr("Id");
    case MethodsColumn:
        return tr("Methods");
    case PathColumn:
        return tr("Path");
    case AuthColumn:
        return tr("Auth");
    case RateLimitsColumn:
        return tr("Rate limits");
    case BodyColumn:
        return tr("Body schema");
    case HandlerColumn:
        return tr("Handler");
    case ColumnCount:
        break;
    }
    return {};
}

std::string RouteTableModel::rowPointer(int row) const
{
    return "/routes/" + std::to_string(row);
}

Route RouteTableModel::newItem(int) const
{
    Route route;
    route.id = uniqueName("route", [this](const std::string& id) { return document()->policy().route(id) != nullptr; });
    route.methods = {"GET"};
    route.path = "/" + route.id;
    return route;
}

} // namespace pc
