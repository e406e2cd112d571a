// SPDX-License-Identifier: Apache-2.0
// ValidationEditor: the schemas (Pydantic models), the fields of the selected
// schema with their types and constraints, and the selected field's details.
#pragma once

#include "widgets/FormBinder.h"

#include <QWidget>

#include <memory>

namespace pc {

class FieldDetailWidget;
class FieldTableModel;
class SchemaTryItWidget;
class TableEditor;

class ValidationEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ValidationEditor)

public:
    explicit ValidationEditor(PolicyDocument* document, QWidget* parent = nullptr);
    ~ValidationEditor() override;

    [[nodiscard]] TableEditor* schemaTable() const { return m_schemas; }
    [[nodiscard]] TableEditor* fieldTable() const { return m_fields; }
    [[nodiscard]] SchemaTryItWidget* tryIt() const { return m_tryIt; }

private:
    void showSchema(int row);

    std::unique_ptr<FormBinder<Schema>> m_schemaBinder;
    TableEditor* m_schemas;
    TableEditor* m_fields;
    FieldTableModel* m_fieldModel;
    FieldDetailWidget* m_detail;
    SchemaTryItWidget* m_tryIt;
};

} // namespace pc
