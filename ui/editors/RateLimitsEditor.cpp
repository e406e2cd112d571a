// SPDX-License-Identifier: Apache-2.0
#include "editors/RateLimitsEditor.h"

#include "editors/EditorKit.h"
#include "editors/RateLimitDetailWidget.h"
#include "editors/RateLimitSimulatorWidget.h"
#include "models/RateLimitTableModel.h"
#include "widgets/IssuesLabel.h"

#include <QSplitter>
#include <QVBoxLayout>

namespace pc {

RateLimitsEditor::RateLimitsEditor(PolicyDocument* document, QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(makeHelpLabel(tr("Named limits in the grammar of the `limits` library that slowapi uses. A "
                                       "route is charged against each of its limits in order; the first one "
                                       "exhausted answers 429 Too Many Requests with Retry-After."),
                                    this));
    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* model = new RateLimitTableModel(document, this);
    m_table = new TableEditor(model, TableEditor::Options{false, true, {}}, splitter);
    m_table->setObjectName(QStringLiteral("rateLimitTableWidget"));
    m_detail = new RateLimitDetailWidget(document, splitter);
    m_detail->setObjectName(QStringLiteral("rateLimitDetailWidget"));
    auto* simulator = new RateLimitSimulatorWidget(document, splitter);
    simulator->setObjectName(QStringLiteral("rateLimitSimulatorWidget"));
    simulator->setToolTip(tr("One client's traffic replayed through the engine against the selected limit, once per "
                             "strategy, each on fresh counters: admitted and rejected requests per second."));
    splitter->addWidget(m_table);
    splitter->addWidget(makeScrollPage(m_detail, splitter));
    splitter->addWidget(makeScrollPage(simulator, splitter));
    splitter->setSizes({110, 250, 520});
    connect(m_table, &TableEditor::currentRowChanged, simulator, &RateLimitSimulatorWidget::setLimit);
    layout->addWidget(splitter, 1);
    layout->addWidget(new IssuesLabel(document, {"/rate_limits"}, this));
    connect(m_table, &TableEditor::currentRowChanged, m_detail, &RateLimitDetailWidget::setLimit);
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

RateLimitsEditor::~RateLimitsEditor() = default;

} // namespace pc
