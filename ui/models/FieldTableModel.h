// SPDX-License-Identifier: Apache-2.0
// FieldTableModel: the fields of one schema (setSchema), with their type,
// whether they are required, and a one-line summary of their constraints.
#pragma once

#include "models/PolicyListModel.h"
#include "policy/Schema.h"

namespace pc {

class FieldTableModel final : public PolicyListModel<Field> {
    Q_OBJECT

public:
    enum Column { NameColumn, TypeColumn, RequiredColumn, NullableColumn, ConstraintsColumn, ColumnCount };

    explicit FieldTableModel(PolicyDocument* document, QObject* parent = nullptr);

    // Shows the fields of Policy::schemas[index]; -1 shows nothing.
    void setSchema(int index);
    [[nodiscard]] int schemaIndex() const { return m_schema; }

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // "3–50 characters, pattern ^[a-z]+$, 6 denied substrings"
    [[nodiscard]] static QString constraintSummary(const Field& field);

protected:
    [[nodiscard]] std::string rowPointer(int row) const override;
    [[nodiscard]] Field newItem(int row) const override;
    [[nodiscard]] QString itemNoun() const override { return tr("field"); }

private:
    int m_schema = -1;
};

} // namespace pc
