// SPDX-License-Identifier: Apache-2.0
#include "models/PolicyTableModel.h"

#include "document/PolicyDocument.h"
#include "models/ModelRoles.h"
#include "support/Text.h"

#include <QApplication>
#include <QStyle>

namespace pc {

PolicyTableModel::PolicyTableModel(PolicyDocument* document, QObject* parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(document, &PolicyDocument::aboutToChange, this, &PolicyTableModel::onAboutToChange);
    connect(document, &PolicyDocument::changed, this, &PolicyTableModel::onChanged);
    connect(document, &PolicyDocument::diagnosticsChanged, this, [this] {
        if (rowCount() > 0) {
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                               {Qt::DecorationRole, Qt::ToolTipRole, MessageRole});
        }
    });
}

std::string PolicyTableModel::rowPointer(int) const
{
    return {};
}

QString PolicyTableModel::rowDiagnostics(int row) const
{
    const std::string pointer = rowPointer(row);
    if (pointer.empty()) {
        return {};
    }
    QStringList lines;
    for (const Error& e : m_document->diagnosticsAt(pointer)) {
        lines << toQ(e.message) + (e.hint.empty() ? QString() : QStringLiteral(" (") + toQ(e.hint) + u')');
    }
    return lines.join(u'\n');
}

QVariant PolicyTableModel::diagnosticData(const QModelIndex& index, int role) const
{
    if (role != MessageRole && role != Qt::ToolTipRole && !(role == Qt::DecorationRole && index.column() == 0)) {
        return {};
    }
    const QString message = rowDiagnostics(index.row());
    if (message.isEmpty()) {
        return {};
    }
    if (role == Qt::DecorationRole) {
        return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    }
    return message;
}

PolicyTableModel::~PolicyTableModel() = default;

int PolicyTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : itemCount();
}

void PolicyTableModel::rebind(std::string listPath)
{
    if (m_pending == Pending::Reset) {
        // Called from a view reacting to another model's part of the same
        // change: this model's own reset is under way and will finish it.
        m_listPath = std::move(listPath);
        return;
    }
    beginResetModel();
    m_listPath = std::move(listPath);
    endResetModel();
}

void PolicyTableModel::onAboutToChange(const PolicyChange& change)
{
    m_pending = Pending::None;
    if (m_listPath.empty()) {
        return;
    }
    using Kind = PolicyChange::Kind;
    const bool structural = change.kind == Kind::Insert || change.kind == Kind::Remove || change.kind == Kind::Move;
    if (structural && change.path == m_listPath) {
        if (change.kind == Kind::Insert) {
            beginInsertRows({}, change.row, change.row);
            m_pending = Pending::Insert;
        } else if (change.kind == Kind::Remove) {
            beginRemoveRows({}, change.row, change.row);
            m_pending = Pending::Remove;
        } else {
            // Qt's destination is the row the moved row goes *before*, in the old numbering.
            const int destination = change.to > change.row ? change.to + 1 : change.to;
            if (change.to != change.row && beginMoveRows({}, change.row, change.row, {}, destination)) {
                m_pending = Pending::Move;
            } else {
                beginResetModel();
                m_pending = Pending::Reset;
            }
        }
        return;
    }
    // A change at the list itself or above it (the list replaced, its owner
    // switched off, a parent row removed) may change everything.
    if (change.kind == Kind::Reset || policypath::isWithin(m_listPath, change.path)) {
        beginResetModel();
        m_pending = Pending::Reset;
    }
}

void PolicyTableModel::onChanged(const PolicyChange& change)
{
    const Pending pending = std::exchange(m_pending, Pending::None);
    switch (pending) {
    case Pending::Insert:
        endInsertRows();
        return;
    case Pending::Remove:
        endRemoveRows();
        return;
    case Pending::Move:
        endMoveRows();
        return;
    case Pending::Reset:
        endResetModel();
        return;
    case Pending::None:
        break;
    }
    if (m_listPath.empty()) {
        return;
    }
    const int row = policypath::rowBelow(change.path, m_listPath);
    if (row >= 0 && row < rowCount()) {
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
}

} // namespace pc
