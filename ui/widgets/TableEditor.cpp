// SPDX-License-Identifier: Apache-2.0
#include "widgets/TableEditor.h"

#include "models/ModelRoles.h"
#include "models/PolicyTableModel.h"
#include "widgets/ChoiceDelegate.h"
#include "widgets/MessageLabel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace pc {

TableEditor::TableEditor(PolicyTableModel* model, Options options, QWidget* parent)
    : QWidget(parent), m_model(model), m_options(std::move(options)), m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTableView(this)), m_message(new MessageLabel(this))
{
    m_proxy->setSourceModel(model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    m_view->setObjectName(QStringLiteral("tableView"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new ChoiceDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setWordWrap(false);

    auto makeAction = [this](const QString& text, const QKeySequence& key, const QString& name) {
        auto* action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        addAction(action);
        return action;
    };
    m_addAction = makeAction(tr("Add"), QKeySequence(Qt::Key_Insert), QStringLiteral("addAction"));
    m_removeAction = makeAction(tr("Remove"), QKeySequence::Delete, QStringLiteral("removeAction"));
    m_upAction = makeAction(tr("Move up"), QKeySequence(Qt::ALT | Qt::Key_Up), QStringLiteral("moveUpAction"));
    m_downAction = makeAction(tr("Move down"), QKeySequence(Qt::ALT | Qt::Key_Down), QStringLiteral("moveDownAction"));
    connect(m_addAction, &QAction::triggered, this, &TableEditor::add);
    connect(m_removeAction, &QAction::triggered, this, &TableEditor::removeCurrent);
    connect(m_upAction, &QAction::triggered, this, [this] { moveCurrent(-1); });
    connect(m_downAction, &QAction::triggered, this, [this] { moveCurrent(+1); });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    if (m_options.filter) {
        m_filterEdit = new QLineEdit(this);
        m_filterEdit->setObjectName(QStringLiteral("filterLineEdit"));
        m_filterEdit->setPlaceholderText(tr("Filter"));
        m_filterEdit->setClearButtonEnabled(true);
        connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
            m_proxy->setFilterFixedString(text);
            updateActions();
        });
        layout->addWidget(m_filterEdit);
    }
    auto* bar = new QHBoxLayout;
    if (!m_options.addPlaceholder.isEmpty()) {
        m_addEdit = new QLineEdit(this);
        m_addEdit->setObjectName(QStringLiteral("addLineEdit"));
        m_addEdit->setPlaceholderText(m_options.addPlaceholder);
        m_addEdit->setClearButtonEnabled(true);
        connect(m_addEdit, &QLineEdit::returnPressed, this, &TableEditor::add);
        connect(m_addEdit, &QLineEdit::textChanged, this, &TableEditor::updateMessage);
        bar->addWidget(m_addEdit, 1);
    }
    bar->addWidget(addButton(m_addAction, QStringLiteral("addButton")));
    bar->addWidget(addButton(m_removeAction, QStringLiteral("removeButton")));
    if (m_options.reorder) {
        bar->addWidget(addButton(m_upAction, QStringLiteral("moveUpButton")));
        bar->addWidget(addButton(m_downAction, QStringLiteral("moveDownButton")));
    }
    if (m_addEdit == nullptr) {
        bar->addStretch(1);
    }
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        updateMessage();
        Q_EMIT currentRowChanged(currentRow());
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        fitColumns();
        updateActions();
        updateMessage();
        Q_EMIT currentRowChanged(currentRow());
    });
    // Rows inserted or removed above the current one renumber it without a
    // currentRowChanged from the selection model; tell the listeners anyway.
    auto renumbered = [this] {
        updateActions();
        Q_EMIT currentRowChanged(currentRow());
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, renumbered);
    connect(model, &QAbstractItemModel::rowsRemoved, this, renumbered);
    connect(model, &QAbstractItemModel::rowsMoved, this, renumbered);
    connect(model, &QAbstractItemModel::dataChanged, this, &TableEditor::updateMessage);
    fitColumns();
    updateActions();
}

void TableEditor::fitColumns()
{
    // Wide enough for the content, but one long pattern must not push the
    // other columns out of sight.
    constexpr int kMaxColumnWidth = 320;
    m_view->resizeColumnsToContents();
    for (int column = 0; column < m_model->columnCount(); ++column) {
        if (m_view->columnWidth(column) > kMaxColumnWidth) {
            m_view->setColumnWidth(column, kMaxColumnWidth);
        }
    }
}

TableEditor::~TableEditor() = default;

QToolButton* TableEditor::addButton(QAction* action, const QString& name)
{
    auto* button = new QToolButton(this);
    button->setObjectName(name);
    button->setDefaultAction(action);
    return button;
}

int TableEditor::currentRow() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? m_proxy->mapToSource(current).row() : -1;
}

void TableEditor::selectRow(int row)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (index.isValid()) {
        m_view->selectionModel()->setCurrentIndex(index,
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->scrollTo(index);
    }
}

void TableEditor::add()
{
    const int current = currentRow();
    const int row = current >= 0 ? current + 1 : m_model->rowCount();
    if (m_addEdit != nullptr) {
        const QString text = m_addEdit->text().trimmed();
        if (text.isEmpty() || !m_inserter || !m_inserter(row, text)) {
            return;
        }
        m_addEdit->clear();
        selectRow(row);
        return;
    }
    if (m_model->insertItem(row)) {
        selectRow(row);
        m_view->setFocus();
        m_view->edit(m_proxy->mapFromSource(m_model->index(row, 0)));
    }
}

void TableEditor::removeCurrent()
{
    const int row = currentRow();
    if (row >= 0 && m_model->removeItem(row)) {
        selectRow(std::min(row, m_model->rowCount() - 1));
    }
}

void TableEditor::moveCurrent(int delta)
{
    const int row = currentRow();
    if (row >= 0 && m_model->moveItem(row, row + delta)) {
        selectRow(row + delta);
    }
}

void TableEditor::updateActions()
{
    const int row = currentRow();
    const bool filtered = m_filterEdit != nullptr && !m_filterEdit->text().isEmpty();
    m_addAction->setEnabled(m_model->isAvailable());
    m_removeAction->setEnabled(row >= 0);
    m_upAction->setEnabled(!filtered && row > 0);
    m_downAction->setEnabled(!filtered && row >= 0 && row + 1 < m_model->rowCount());
    m_view->setEnabled(m_model->isAvailable());
    if (m_addEdit != nullptr) {
        m_addEdit->setEnabled(m_model->isAvailable());
    }
}

void TableEditor::updateMessage()
{
    if (m_addEdit != nullptr && m_addChecker && !m_addEdit->text().trimmed().isEmpty()) {
        m_message->setMessage(m_addChecker(m_addEdit->text().trimmed()));
        return;
    }
    const int row = currentRow();
    QString message;
    for (int column = 0; row >= 0 && column < m_model->columnCount() && message.isEmpty(); ++column) {
        message = m_model->index(row, column).data(MessageRole).toString();
    }
    m_message->setMessage(message);
}

} // namespace pc
