// SPDX-License-Identifier: Apache-2.0
#include "editors/RoutesEditor.h"

#include "editors/EditorKit.h"
#include "editors/RouteDetailWidget.h"
#include "models/RouteTableModel.h"
#include "widgets/IssuesLabel.h"

#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace pc {

RoutesEditor::RoutesEditor(PolicyDocument* document, QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(makeHelpLabel(tr("Routes are matched in order, like Starlette's router: the first route whose "
                                       "path template and method match answers the request; a path that matches "
                                       "with another method answers 405 with Allow."),
                                    this));
    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* model = new RouteTableModel(document, this);
    m_table = new TableEditor(model, TableEditor::Options{true, true, {}}, splitter);
    m_table->setObjectName(QStringLiteral("routeTableWidget"));
    m_table->setToolTip(tr("Double-click a cell to edit it; the form below shows every setting of the selected "
                           "route."));
    m_detail = new RouteDetailWidget(document, splitter);
    m_detail->setObjectName(QStringLiteral("routeDetailWidget"));
    splitter->addWidget(m_table);
    splitter->addWidget(makeScrollPage(m_detail, splitter));
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);
    layout->addWidget(new IssuesLabel(document, {"/routes"}, this));
    connect(m_table, &TableEditor::currentRowChanged, m_detail, &RouteDetailWidget::setRoute);
    if (model->rowCount() > 0) {
        m_table->selectRow(0);
    }
    // Queued: the document's change is still being delivered to other models.
    connect(
        model, &QAbstractItemModel::modelReset, this,
        [this, model] {
            if (model->rowCount() > 0 && m_table->currentRow() < 0) {
                m_table->selectRow(0);
            }
        },
        Qt::QueuedConnection);
}

RoutesEditor::~RoutesEditor() = default;

} // namespace pc
