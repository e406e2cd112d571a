// SPDX-License-Identifier: Apache-2.0
#include "models/SchemaListModel.h"

#include "common/JsonPointer.h"
#include "models/ModelRoles.h"
#include "policy/PolicyEnums.h"
#include "support/Text.h"
#include "undo/RenameEdits.h"

namespace pc {

SchemaListModel::SchemaListModel(PolicyDocument* document, QObject* parent) : PolicyListModel<Schema>(document, parent)
{
    setList("/schemas", [](auto& p) { return &p.schemas; });
}

int SchemaListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SchemaListModel::data(const QModelIndex& index, int role) const
{
    const Schema* schema = item(index.row());
    if (schema == nullptr) {
        return {};
    }
    if (QVariant diagnostic = diagnosticData(index, role); diagnostic.isValid()) {
        return diagnostic;
    }
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (column) {
        case NameColumn:
            return toQ(schema->name);
        case ExtraColumn:
            return enumText(schema->extra);
        case FieldsColumn:
            return static_cast<int>(schema->fields.size());
        case StrictColumn:
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::CheckStateRole && column == StrictColumn) {
        return schema->strict ? Qt::Checked : Qt::Unchecked;
    }
    if (role == ChoicesRole && column == ExtraColumn) {
        return enumTexts<ExtraFields>();
    }
    if (role == Qt::ToolTipRole && !schema->description.empty()) {
        return toQ(schema->description);
    }
    return {};
}

bool SchemaListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (item(index.row()) == nullptr) {
        return false;
    }
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::CheckStateRole && column == StrictColumn) {
        return setValue(index.row(), "strict", tr("schema strictness"), &Schema::strict, value.toInt() == Qt::Checked);
    }
    if (role != Qt::EditRole) {
        return false;
    }
    if (column == NameColumn) {
        const std::string name = toStd(value.toString().trimmed());
        if (name.empty()) {
            return false;
        }
        renameSchema(document(), index.row(), name);
        return true;
    }
    if (column == ExtraColumn) {
        if (auto extra = enumFromText<ExtraFields>(value.toString())) {
            return setValue(index.row(), "extra", tr("extra fields"), &Schema::extra, *extra);
        }
    }
    return false;
}

Qt::ItemFlags SchemaListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    const auto column = static_cast<Column>(index.column());
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (column == NameColumn || column == ExtraColumn) {
        f |= Qt::ItemIsEditable;
    }
    if (column == StrictColumn) {
        f |= Qt::ItemIsUserCheckable;
    }
    return f;
}

QVariant SchemaListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (static_cast<Column>(section)) {
    case NameColumn:
        return tr("Schema");
    case ExtraColumn:
        return tr("Extra fields");
    case StrictColumn:
        return tr("Strict");
    case FieldsColumn:
        return tr("Fields");
    case ColumnCount:
        break;
    }
    return {};
}

std::string SchemaListModel::rowPointer(int row) const
{
    const Schema* schema = item(row);
    return schema != nullptr ? "/schemas/" + JsonPointer::escape(schema->name) : std::string();
}

Schema SchemaListModel::newItem(int) const
{
    Schema schema;
    schema.name =
        uniqueName("NewSchema", [this](const std::string& n) { return document()->policy().schema(n) != nullptr; });
    schema.extra = ExtraFields::Forbid;
    return schema;
}

} // namespace pc
