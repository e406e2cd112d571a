// SPDX-License-Identifier: Apache-2.0
// RouteTableModel: Policy::routes, one row per route, the columns an
// engineer scans (method, path, auth, limits, body schema, handler).
#pragma once

#include "models/PolicyListModel.h"
#include "policy/Route.h"

namespace pc {

class RouteTableModel final : public PolicyListModel<Route> {
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        MethodsColumn,
        PathColumn,
        AuthColumn,
        RateLimitsColumn,
        BodyColumn,
        HandlerColumn,
        ColumnCount
    };

    explicit RouteTableModel(PolicyDocument* document, QObject* parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    [[nodiscard]] std::string rowPointer(int row) const override;
    [[nodiscard]] Route newItem(int row) const override;
    [[nodiscard]] QString itemNoun() const override { return tr("route"); }
};

} // namespace pc
