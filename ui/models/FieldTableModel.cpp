// SPDX-License-Identifier: Apache-2.0
#include "models/FieldTableModel.h"

#include "common/JsonPointer.h"
#include "models/ModelRoles.h"
#include "policy/PolicyEnums.h"
#include "support/Text.h"

namespace pc {

FieldTableModel::FieldTableModel(PolicyDocument* document, QObject* parent) : PolicyListModel<Field>(document, parent)
{
    setSchema(-1);
}

void FieldTableModel::setSchema(int index)
{
    m_schema = index;
    const auto i = static_cast<size_t>(index);
    setList(index < 0 ? std::string("/schemas/-/fields") : "/schemas/" + std::to_string(index) + "/fields",
            [index, i](auto& p) { return index >= 0 && i < p.schemas.size() ? &p.schemas[i].fields : nullptr; });
}

int FieldTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString FieldTableModel::constraintSummary(const Field& field)
{
    QStringList parts;
    auto json = [](const nlohmann::json& j) { return toQ(j.dump()); };
    if (field.minLength && field.maxLength) {
        parts << tr("%1–%2 characters").arg(*field.minLength).arg(*field.maxLength);
    } else if (field.minLength) {
        parts << tr("at least %1 characters").arg(*field.minLength);
    } else if (field.maxLength) {
        parts << tr("at most %1 characters").arg(*field.maxLength);
    }
    if (!field.pattern.empty()) {
        parts << tr("pattern %1").arg(toQ(field.pattern));
    }
    if (!field.denySubstrings.empty()) {
        parts << (field.denySubstrings.size() == 1 ? tr("1 denied substring")
                                                   : tr("%1 denied substrings").arg(field.denySubstrings.size()));
    }
    if (field.format != StringFormat::None) {
        parts << tr("format %1").arg(enumText(field.format));
    }
    if (field.gt) {
        parts << QStringLiteral("> ") + json(*field.gt);
    }
    if (field.ge) {
        parts << QStringLiteral("≥ ") + json(*field.ge);
    }
    if (field.lt) {
        parts << QStringLiteral("< ") + json(*field.lt);
    }
    if (field.le) {
        parts << QStringLiteral("≤ ") + json(*field.le);
    }
    if (field.multipleOf) {
        parts << tr("multiple of %1").arg(json(*field.multipleOf));
    }
    if (!field.values.empty()) {
        QStringList values;
        for (const auto& v : field.values) {
            values << json(v);
        }
        parts << tr("one of %1").arg(values.join(QStringLiteral(", ")));
    }
    if (field.items) {
        const QString itemConstraints = constraintSummary(*field.items);
        parts << (itemConstraints.isEmpty() ? tr("items: %1").arg(enumText(field.items->type))
                                            : tr("items: %1 (%2)").arg(enumText(field.items->type), itemConstraints));
    }
    if (field.minItems || field.maxItems) {
        parts << tr("%1–%2 items")
                     .arg(field.minItems ? QString::number(*field.minItems) : QStringLiteral("0"))
                     .arg(field.maxItems ? QString::number(*field.maxItems) : QStringLiteral("∞"));
    }
    if (!field.schema.empty()) {
        parts << tr("schema %1").arg(toQ(field.schema));
    }
    if (field.defaultValue) {
        parts << tr("default %1").arg(json(*field.defaultValue));
    }
    return parts.join(QStringLiteral(", "));
}

QVariant FieldTableModel::data(const QModelIndex& index, int role) const
{
    const Field* field = item(index.row());
    if (field == nullptr) {
        return {};
    }
    if (QVariant diagnostic = diagnosticData(index, role); diagnostic.isValid()) {
        return diagnostic;
    }
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (column) {
        case NameColumn:
            return toQ(field->name);
        case TypeColumn:
            return enumText(field->type);
        case ConstraintsColumn:
            return constraintSummary(*field);
        case RequiredColumn:
        case NullableColumn:
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::CheckStateRole && column == RequiredColumn) {
        return field->required ? Qt::Checked : Qt::Unchecked;
    }
    if (role == Qt::CheckStateRole && column == NullableColumn) {
        return field->nullable ? Qt::Checked : Qt::Unchecked;
    }
    if (role == ChoicesRole && column == TypeColumn) {
        return enumTexts<FieldType>();
    }
    if (role == Qt::ToolTipRole && !field->description.empty()) {
        return toQ(field->description);
    }
    return {};
}

bool FieldTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (item(index.row()) == nullptr) {
        return false;
    }
    const int row = index.row();
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::CheckStateRole && column == RequiredColumn) {
        return setValue(row, "required", tr("required"), &Field::required, value.toInt() == Qt::Checked);
    }
    if (role == Qt::CheckStateRole && column == NullableColumn) {
        return setValue(row, "nullable", tr("nullable"), &Field::nullable, value.toInt() == Qt::Checked);
    }
    if (role != Qt::EditRole) {
        return false;
    }
    if (column == NameColumn) {
        const std::string name = toStd(value.toString().trimmed());
        return !name.empty() && setValue(row, "name", tr("field name"), &Field::name, name);
    }
    if (column == TypeColumn) {
        if (auto type = enumFromText<FieldType>(value.toString())) {
            return setValue(row, "type", tr("field type"), &Field::type, *type);
        }
    }
    return false;
}

Qt::ItemFlags FieldTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    const auto column = static_cast<Column>(index.column());
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (column == NameColumn || column == TypeColumn) {
        f |= Qt::ItemIsEditable;
    }
    if (column == RequiredColumn || column == NullableColumn) {
        f |= Qt::ItemIsUserCheckable;
    }
    return f;
}

QVariant FieldTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (static_cast<Column>(section)) {
    case NameColumn:
        return tr("Field");
    case TypeColumn:
        return tr("Type");
    case RequiredColumn:
        return tr("Required");
    case NullableColumn:
        return tr("Nullable");
    case ConstraintsColumn:
        return tr("Constraints");
    case ColumnCount:
        break;
    }
    return {};
}

std::string FieldTableModel::rowPointer(int row) const
{
    const Field* field = item(row);
    const auto& schemas = document()->policy().schemas;
    if (field == nullptr || m_schema < 0 || static_cast<size_t>(m_schema) >= schemas.size()) {
        return {};
    }
    return "/schemas/" + JsonPointer::escape(schemas[static_cast<size_t>(m_schema)].name) + "/fields/" +
           JsonPointer::escape(field->name);
}

Field FieldTableModel::newItem(int) const
{
    Field field;
    const auto* fields = list();
    field.name = uniqueName("field", [fields](const std::string& n) {
        return fields != nullptr &&
               std::any_of(fields->begin(), fields->end(), [&n](const Field& f) { return f.name == n; });
    });
    return field;
}

} // namespace pc
