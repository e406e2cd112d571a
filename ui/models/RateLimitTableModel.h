// SPDX-License-Identifier: Apache-2.0
// RateLimitTableModel: Policy::rateLimits, one row per named limit, with the
// limit string checked against the `limits` grammar as it is typed.
#pragma once

#include "models/PolicyListModel.h"
#include "policy/RateLimitPolicy.h"

namespace pc {

class RateLimitTableModel final : public PolicyListModel<RateLimit> {
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        LimitColumn,
        KeyColumn,
        StrategyColumn,
        ScopeColumn,
        BurstColumn,
        HeadersColumn,
        StatusColumn,
        ColumnCount
    };

    explicit RateLimitTableModel(PolicyDocument* document, QObject* parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    [[nodiscard]] std::string rowPointer(int row) const override;
    [[nodiscard]] RateLimit newItem(int row) const override;
    [[nodiscard]] QString itemNoun() const override { return tr("rate limit"); }
};

} // namespace pc
