// SPDX-License-Identifier: Apache-2.0
// FieldDetailWidget: every constraint of one schema field, grouped by type
// (strings, numbers, enums, arrays, objects) with Pydantic v2's semantics in
// the tooltips; only the groups that apply to the field's type are shown. An
// array field embeds a second FieldDetailWidget for the constraints of its
// items (Pydantic's list[constr(...)]).
#pragma once

#include "widgets/FormBinder.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QGroupBox;

namespace pc {

class StringListModel;

class FieldDetailWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldDetailWidget)

public:
    // What the widget edits: a schema field, or the `items` of an array field.
    enum class Target { SchemaField, ArrayItems };

    explicit FieldDetailWidget(PolicyDocument* document, QWidget* parent = nullptr);
    FieldDetailWidget(PolicyDocument* document, Target target, QWidget* parent = nullptr);
    ~FieldDetailWidget() override;

    // Shows Policy::schemas[schema].fields[field] (or its items); -1 shows nothing.
    void setField(int schema, int field);

private:
    QGroupBox* buildGeneral();
    QGroupBox* buildString();
    QGroupBox* buildNumber();
    QGroupBox* buildEnum();
    QGroupBox* buildArray();
    QGroupBox* buildObject();
    void refreshGroups();
    void refreshSchemaChoices();
    void refreshPatternFlags();

    Target m_target;
    PolicyDocument* m_document;
    std::unique_ptr<FormBinder<Field>> m_binder;
    QGroupBox* m_string = nullptr;
    QGroupBox* m_number = nullptr;
    QGroupBox* m_enum = nullptr;
    QGroupBox* m_array = nullptr;
    QGroupBox* m_object = nullptr;
    QComboBox* m_objectSchema = nullptr;
    StringListModel* m_denyModel = nullptr;
    MessageLabel* m_patternFlags = nullptr;
    QGroupBox* m_itemsGroup = nullptr;
    FieldDetailWidget* m_items = nullptr; // SchemaField only
};

} // namespace pc
