// SPDX-License-Identifier: Apache-2.0
// PermissionsFeatureModel: the features of the structured Permissions-Policy
// (W3C Permissions Policy), one row per feature with its allowlist; an empty
// allowlist disables the feature everywhere ("camera=()").
#pragma once

#include "models/PolicyListModel.h"
#include "policy/PermissionsPolicy.h"

namespace pc {

class PermissionsFeatureModel final : public PolicyListModel<PermissionsFeature> {
    Q_OBJECT

public:
    enum Column { FeatureColumn, AllowlistColumn, ColumnCount };

    explicit PermissionsFeatureModel(PolicyDocument* document, QObject* parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    [[nodiscard]] std::string rowPointer(int row) const override;
    [[nodiscard]] PermissionsFeature newItem(int row) const override;
    [[nodiscard]] QString itemNoun() const override { return tr("Permissions-Policy feature"); }
};

} // namespace pc
