// SPDX-License-Identifier: Apache-2.0
#include "widgets/ChoiceDelegate.h"

#include "models/ModelRoles.h"

#include <QComboBox>

namespace pc {

ChoiceDelegate::ChoiceDelegate(QObject* parent) : QStyledItemDelegate(parent)
{
}

ChoiceDelegate::~ChoiceDelegate() = default;

QWidget* ChoiceDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                      const QModelIndex& index) const
{
    const QStringList choices = index.data(ChoicesRole).toStringList();
    if (choices.isEmpty()) {
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
    auto* combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("choiceComboBox"));
    for (const QString& choice : choices) {
        combo->addItem(choice.isEmpty() ? tr("(none)") : choice, choice);
    }
    return combo;
}

void ChoiceDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        combo->setCurrentIndex(std::max(0, combo->findData(index.data(Qt::EditRole).toString())));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void ChoiceDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        model->setData(index, combo->currentData(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace pc
