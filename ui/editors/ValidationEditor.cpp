// SPDX-License-Identifier: Apache-2.0
#include "editors/ValidationEditor.h"

#include "editors/EditorKit.h"
#include "editors/FieldDetailWidget.h"
#include "editors/SchemaTryItWidget.h"
#include "models/FieldTableModel.h"
#include "models/SchemaListModel.h"
#include "widgets/IssuesLabel.h"

#include <QFormLayout>
#include <QSplitter>
#include <QVBoxLayout>

namespace pc {

ValidationEditor::ValidationEditor(PolicyDocument* document, QWidget* parent)
    : QWidget(parent), m_schemaBinder(std::make_unique<FormBinder<Schema>>(
                           document, this, [](Locus at) { return "/schemas/" + std::to_string(at.row); },
                           [](auto& p, Locus at) {
                               return at.row >= 0 && static_cast<size_t>(at.row) < p.schemas.size()
                                          ? &p.schemas[static_cast<size_t>(at.row)]
                                          : nullptr;
                           }))
{
    auto* layout = new QVBoxLayout(this);
    auto* splitter = new QSplitter(Qt::Horizontal, this);

    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(makeHelpLabel(tr("Schemas validate request bodies, queries, path parameters and headers "
                                           "with Pydantic v2's rules; failures answer 422 in FastAPI's shape."),
                                        left));
    auto* schemaModel = new SchemaListModel(document, this);
    m_schemas = new TableEditor(schemaModel, TableEditor::Options{false, true, {}}, left);
    m_schemas->setObjectName(QStringLiteral("schemaTableWidget"));
    leftLayout->addWidget(m_schemas, 1);
    auto* schemaForm = new QFormLayout;
    auto* description = new QLineEdit(left);
    description->setObjectName(QStringLiteral("schemaDescriptionLineEdit"));
    m_schemaBinder->text(description, "description", &Schema::description);
    schemaForm->addRow(makeFieldLabel(tr("Description"), "/schemas/*/description", left), description);
    leftLayout->addLayout(schemaForm);

    auto* right = new QSplitter(Qt::Vertical, splitter);
    m_fieldModel = new FieldTableModel(document, this);
    m_fields = new TableEditor(m_fieldModel, TableEditor::Options{false, true, {}}, right);
    m_fields->setObjectName(QStringLiteral("fieldTableWidget"));
    m_fields->setToolTip(tr("Fields are validated in this order, and errors are reported in it, as in Pydantic."));
    m_detail = new FieldDetailWidget(document, right);
    m_detail->setObjectName(QStringLiteral("fieldDetailWidget"));
    m_tryIt = new SchemaTryItWidget(document, right);
    m_tryIt->setObjectName(QStringLiteral("schemaTryItWidget"));
    right->addWidget(m_fields);
    right->addWidget(makeScrollPage(m_detail, right));
    right->addWidget(m_tryIt);
    right->setStretchFactor(0, 2);
    right->setStretchFactor(1, 4);
    right->setStretchFactor(2, 2);

    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);
    layout->addWidget(new IssuesLabel(document, {"/schemas"}, this));

    connect(m_schemas, &TableEditor::currentRowChanged, this, &ValidationEditor::showSchema);
    connect(m_fields, &TableEditor::currentRowChanged, this, [this](int row) {
        m_detail->setField(m_fieldModel->schemaIndex(), row);
        m_tryIt->setTarget(m_fieldModel->schemaIndex(), row);
    });
    if (schemaModel->rowCount() > 0) {
        m_schemas->selectRow(0);
    } else {
        showSchema(-1);
    }
    // Queued: a document change is still being delivered to the other models
    // when one of them announces its reset.
    connect(
        schemaModel, &QAbstractItemModel::modelReset, this,
        [this, schemaModel] {
            if (schemaModel->rowCount() > 0 && m_schemas->currentRow() < 0) {
                m_schemas->selectRow(0);
            }
        },
        Qt::QueuedConnection);
    connect(
        m_fieldModel, &QAbstractItemModel::modelReset, this,
        [this] {
            if (m_fieldModel->rowCount() > 0 && m_fields->currentRow() < 0) {
                m_fields->selectRow(0);
            }
        },
        Qt::QueuedConnection);
}

ValidationEditor::~ValidationEditor() = default;

void ValidationEditor::showSchema(int row)
{
    m_schemaBinder->setRow(row);
    if (m_fieldModel->schemaIndex() != row) {
        m_fieldModel->setSchema(row);
    }
    if (m_fieldModel->rowCount() > 0 && m_fields->currentRow() < 0) {
        m_fields->selectRow(0);
    }
    m_detail->setField(row, m_fields->currentRow());
    m_tryIt->setTarget(row, m_fields->currentRow());
}

} // namespace pc
