// SPDX-License-Identifier: Apache-2.0
// SchemaListModel: Policy::schemas, one row per schema (name, extra-field
// handling, strictness, field count). Renaming updates every reference.
#pragma once

#include "models/PolicyListModel.h"
#include "policy/Schema.h"

namespace pc {

class SchemaListModel final : public PolicyListModel<Schema> {
    Q_OBJECT

public:
    enum Column { NameColumn, ExtraColumn, StrictColumn, FieldsColumn, ColumnCount };

    explicit SchemaListModel(PolicyDocument* document, QObject* parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    [[nodiscard]] std::string rowPointer(int row) const override;
    [[nodiscard]] Schema newItem(int row) const override;
    [[nodiscard]] QString itemNoun() const override { return tr("schema"); }
};

} // namespace pc
