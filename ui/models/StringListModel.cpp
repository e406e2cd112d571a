// SPDX-License-Identifier: Apache-2.0
#include "models/StringListModel.h"

#include "models/ModelRoles.h"
#include "support/Text.h"

#include <QApplication>
#include <QStyle>

namespace pc {

StringListModel::StringListModel(PolicyDocument* document, QString noun, QObject* parent)
    : PolicyListModel<std::string>(document, parent), m_noun(std::move(noun)), m_title(tr("Value"))
{
}

int StringListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 1;
}

QString StringListModel::messageFor(const std::string& value) const
{
    return m_checker ? m_checker(value) : QString();
}

QVariant StringListModel::data(const QModelIndex& index, int role) const
{
    const std::string* value = item(index.row());
    if (value == nullptr || index.column() != 0) {
        return {};
    }
    if (QVariant diagnostic = diagnosticData(index, role); diagnostic.isValid()) {
        return diagnostic;
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return toQ(*value);
    case Qt::ToolTipRole:
    case MessageRole: {
        const QString message = messageFor(*value);
        return message.isEmpty() && role == Qt::ToolTipRole ? QVariant() : QVariant(message);
    }
    case Qt::DecorationRole:
        if (!messageFor(*value).isEmpty()) {
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        }
        return {};
    default:
        return {};
    }
}

bool StringListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || index.column() != 0) {
        return false;
    }
    return setValue(
        index.row(), "", m_noun, [](auto& s) -> auto& { return s; }, toStd(value.toString().trimmed()));
}

Qt::ItemFlags StringListModel::flags(const QModelIndex& index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable : Qt::NoItemFlags;
}

QVariant StringListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section == 0) {
        return m_title;
    }
    return {};
}

std::string StringListModel::rowPointer(int row) const
{
    return policypath::join(m_filePointer, row);
}

std::string StringListModel::newItem(int) const
{
    return {};
}

} // namespace pc
