// SPDX-License-Identifier: Apache-2.0
// HeaderTableModel: HeaderPolicy::set, the raw response headers in the order
// they are sent (name, value).
#pragma once

#include "models/PolicyListModel.h"
#include "policy/HeaderField.h"

namespace pc {

class HeaderTableModel final : public PolicyListModel<HeaderField> {
    Q_OBJECT

public:
    enum Column { NameColumn, ValueColumn, ColumnCount };

    // Shows HeaderPolicy::set until setSource() points it at another header list.
    explicit HeaderTableModel(PolicyDocument* document, QObject* parent = nullptr);

    // `filePointer`: where the list lives in the file ("" for none: no diagnostics).
    template <class Access> void setSource(std::string path, Access access, std::string filePointer)
    {
        m_filePointer = std::move(filePointer);
        setList(std::move(path), access);
    }

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    [[nodiscard]] std::string rowPointer(int row) const override;
    [[nodiscard]] HeaderField newItem(int row) const override;
    [[nodiscard]] QString itemNoun() const override { return tr("header"); }

private:
    std::string m_filePointer = "/headers/set";
};

} // namespace pc
