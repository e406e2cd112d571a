// SPDX-License-Identifier: Apache-2.0
// TableEditor: the view half of a model/view quartet — a table over a
// PolicyTableModel through a filter proxy, with a ChoiceDelegate, row actions
// (add, remove, move up/down with Insert, Delete, Alt+Up, Alt+Down), an
// optional "add" line for string lists, and the inline message of the current
// row. Rows are reported in the model's own numbering.
#pragma once

#include <QWidget>

#include <functional>

class QAction;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace pc {

class MessageLabel;
class PolicyTableModel;

class TableEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableEditor)

public:
    struct Options {
        bool filter = false;    // a filter line above the table
        bool reorder = true;    // move up/down actions
        QString addPlaceholder; // non-empty: an add line with this placeholder (string lists)
    };
    using Inserter = std::function<bool(int row, const QString& text)>;
    using Checker = std::function<QString(const QString& text)>;

    TableEditor(PolicyTableModel* model, Options options, QWidget* parent = nullptr);
    ~TableEditor() override;

    [[nodiscard]] QTableView* view() const { return m_view; }
    [[nodiscard]] PolicyTableModel* model() const { return m_model; }
    [[nodiscard]] QLineEdit* addLineEdit() const { return m_addEdit; }
    // The selected row in the model's numbering, -1 when none.
    [[nodiscard]] int currentRow() const;
    void selectRow(int row);

    // With an add line: how its text becomes a row, and the message shown while typing.
    void setInserter(Inserter inserter) { m_inserter = std::move(inserter); }
    void setAddChecker(Checker checker) { m_addChecker = std::move(checker); }

Q_SIGNALS:
    void currentRowChanged(int row);

private:
    void add();
    void removeCurrent();
    void moveCurrent(int delta);
    void updateActions();
    void updateMessage();
    void fitColumns();
    QToolButton* addButton(QAction* action, const QString& name);

    PolicyTableModel* m_model;
    Options m_options;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    QLineEdit* m_filterEdit = nullptr;
    QLineEdit* m_addEdit = nullptr;
    MessageLabel* m_message;
    QAction* m_addAction;
    QAction* m_removeAction;
    QAction* m_upAction;
    QAction* m_downAction;
    Inserter m_inserter;
    Checker m_addChecker;
};

} // namespace pc
