// SPDX-License-Identifier: Apache-2.0
// ChoiceDelegate: edits a cell with a combo box when the model offers choices
// for it (ChoicesRole), and with the default editor otherwise.
#pragma once

#include <QStyledItemDelegate>

namespace pc {

class ChoiceDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChoiceDelegate)

public:
    explicit ChoiceDelegate(QObject* parent = nullptr);
    ~ChoiceDelegate() override;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
};

} // namespace pc
