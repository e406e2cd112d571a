// SPDX-License-Identifier: Apache-2.0
#include "models/RateLimitTableModel.h"

#include "common/JsonPointer.h"
#include "models/ModelRoles.h"
#include "policy/PolicyEnums.h"
#include "support/Text.h"
#include "undo/RenameEdits.h"

namespace pc {

RateLimitTableModel::RateLimitTableModel(PolicyDocument* document, QObject* parent)
    : PolicyListModel<RateLimit>(document, parent)
{
    setList("/rate_limits", [](auto& p) { return &p.rateLimits; });
}

int RateLimitTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RateLimitTableModel::data(const QModelIndex& index, int role) const
{
    const RateLimit* limit = item(index.row());
    if (limit == nullptr) {
        return {};
    }
    if (QVariant diagnostic = diagnosticData(index, role); diagnostic.isValid()) {
        return diagnostic;
    }
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (column) {
        case NameColumn:
            return toQ(limit->name);
        case LimitColumn:
            return toQ(limit->limit);
        case KeyColumn:
            return toQ(limit->key.toString());
        case StrategyColumn:
            return enumText(limit->strategy);
        case ScopeColumn:
            return enumText(limit->scope);
        case BurstColumn:
            return limit->burst ? QVariant(*limit->burst) : QVariant(QString());
        case HeadersColumn:
            return enumText(limit->headers);
        case StatusColumn:
            return limit->status;
        case ColumnCount:
            break;
        }
    }
    if (role == ChoicesRole) {
        switch (column) {
        case StrategyColumn:
            return enumTexts<RateStrategy>();
        case ScopeColumn:
            return enumTexts<RateScope>();
        case HeadersColumn:
            return enumTexts<RateHeaderStyle>();
        default:
            break;
        }
    }
    if (role == Qt::ToolTipRole && column == KeyColumn) {
        return toQ(RateKey::grammarHint);
    }
    return {};
}

bool RateLimitTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || item(index.row()) == nullptr) {
        return false;
    }
    const int row = index.row();
    const QString text = value.toString().trimmed();
    switch (static_cast<Column>(index.column())) {
    case NameColumn:
        if (text.isEmpty()) {
            return false;
        }
        renameRateLimit(document(), row, toStd(text));
        return true;
    case LimitColumn:
        return setValue(row, "limit", tr("limit"), &RateLimit::limit, toStd(text));
    case KeyColumn:
        if (auto key = RateKey::parse(toStd(text))) {
            return setValue(row, "key", tr("rate-limit key"), &RateLimit::key, *key);
        }
        return false;
    case StrategyColumn:
        if (auto strategy = enumFromText<RateStrategy>(text)) {
            return setValue(row, "strategy", tr("strategy"), &RateLimit::strategy, *strategy);
        }
        return false;
    case ScopeColumn:
        if (auto scope = enumFromText<RateScope>(text)) {
            return setValue(row, "scope", tr("scope"), &RateLimit::scope, *scope);
        }
        return false;
    case BurstColumn: {
        if (text.isEmpty()) {
            return setValue(row, "burst", tr("burst"), &RateLimit::burst, std::optional<std::uint32_t>());
        }
        bool ok = false;
        const uint burst = text.toUInt(&ok);
        return ok && setValue(row, "burst", tr("burst"), &RateLimit::burst, std::optional<std::uint32_t>(burst));
    }
    case HeadersColumn:
        if (auto style = enumFromText<RateHeaderStyle>(text)) {
            return setValue(row, "headers", tr("rate-limit headers"), &RateLimit::headers, *style);
        }
        return false;
    case StatusColumn: {
        bool ok = false;
        const int status = text.toInt(&ok);
        return ok && status >= 400 && status <= 599 &&
               setValue(row, "status", tr("rate-limit status"), &RateLimit::status, status);
    }
    case ColumnCount:
        break;
    }
    return false;
}

Qt::ItemFlags RateLimitTableModel::flags(const QModelIndex& index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable : Qt::NoItemFlags;
}

QVariant RateLimitTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (static_cast<Column>(section)) {
    case NameColumn:
        return tr("Name");
    case LimitColumn:
        return tr("Limit");
    case KeyColumn:
        return tr("Key");
    case StrategyColumn:
        return tr("Strategy");
    case ScopeColumn:
        return tr("Scope");
    case BurstColumn:
        return tr("Burst");
    case HeadersColumn:
        return tr("Headers");
    case StatusColumn:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}

std::string RateLimitTableModel::rowPointer(int row) const
{
    const RateLimit* limit = item(row);
    return limit != nullptr ? "/rate_limits/" + JsonPointer::escape(limit->name) : std::string();
}

RateLimit RateLimitTableModel::newItem(int) const
{
    RateLimit limit;
    limit.name =
        uniqueName("limit", [this](const std::string& n) { return document()->policy().rateLimit(n) != nullptr; });
    limit.limit = "60/minute";
    return limit;
}

} // namespace pc
