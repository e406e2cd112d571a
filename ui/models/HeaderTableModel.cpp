// SPDX-License-Identifier: Apache-2.0
#include "models/HeaderTableModel.h"

#include "common/JsonPointer.h"
#include "support/Text.h"

namespace pc {

HeaderTableModel::HeaderTableModel(PolicyDocument* document, QObject* parent)
    : PolicyListModel<HeaderField>(document, parent)
{
    setList("/headers/set", [](auto& p) { return &p.headers.set; });
}

int HeaderTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HeaderTableModel::data(const QModelIndex& index, int role) const
{
    const HeaderField* header = item(index.row());
    if (header == nullptr) {
        return {};
    }
    if (QVariant diagnostic = diagnosticData(index, role); diagnostic.isValid()) {
        return diagnostic;
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole) {
        return {};
    }
    return index.column() == NameColumn ? toQ(header->name) : toQ(header->value);
}

bool HeaderTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || item(index.row()) == nullptr) {
        return false;
    }
    const std::string text = toStd(value.toString().trimmed());
    if (index.column() == NameColumn) {
        return !text.empty() && setValue(index.row(), "name", tr("header name"), &HeaderField::name, text);
    }
    return setValue(index.row(), "value", tr("header value"), &HeaderField::value, text);
}

Qt::ItemFlags HeaderTableModel::flags(const QModelIndex& index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable : Qt::NoItemFlags;
}

QVariant HeaderTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    return section == NameColumn ? tr("Header") : tr("Value");
}

std::string HeaderTableModel::rowPointer(int row) const
{
    const HeaderField* header = item(row);
    return header != nullptr && !m_filePointer.empty() ? m_filePointer + "/" + JsonPointer::escape(header->name)
                                                       : std::string();
}

HeaderField HeaderTableModel::newItem(int) const
{
    return {"X-Custom-Header", ""};
}

} // namespace pc
