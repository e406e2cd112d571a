// SPDX-License-Identifier: Apache-2.0
#include "models/PermissionsFeatureModel.h"

#include "common/JsonPointer.h"
#include "support/Text.h"

#include <array>

namespace pc {

PermissionsFeatureModel::PermissionsFeatureModel(PolicyDocument* document, QObject* parent)
    : PolicyListModel<PermissionsFeature>(document, parent)
{
    setList("/headers/permissions_policy/features",
            [](auto& p) { return p.headers.permissionsPolicy ? &p.headers.permissionsPolicy->features : nullptr; });
}

int PermissionsFeatureModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PermissionsFeatureModel::data(const QModelIndex& index, int role) const
{
    const PermissionsFeature* feature = item(index.row());
    if (feature == nullptr) {
        return {};
    }
    if (QVariant diagnostic = diagnosticData(index, role); diagnostic.isValid()) {
        return diagnostic;
    }
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        return index.column() == FeatureColumn ? toQ(feature->feature) : joinTokens(feature->allowlist);
    }
    return {};
}

bool PermissionsFeatureModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || item(index.row()) == nullptr) {
        return false;
    }
    if (index.column() == FeatureColumn) {
        const std::string name = toStd(value.toString().trimmed());
        return !name.empty() && setValue(index.row(), "feature", tr("feature"), &PermissionsFeature::feature, name);
    }
    // Entries are written bare (self, src, *) or as origins; quotes are the renderer's business.
    std::vector<std::string> allowlist;
    for (const QString& part : value.toString().split(QChar(u' '), Qt::SkipEmptyParts)) {
        QString entry = part.trimmed();
        if (entry.size() >= 2 && entry.startsWith(u'"') && entry.endsWith(u'"')) {
            entry = entry.mid(1, entry.size() - 2);
        }
        allowlist.push_back(toStd(entry));
    }
    return setValue(index.row(), "allowlist", tr("allowlist"), &PermissionsFeature::allowlist, allowlist);
}

Qt::ItemFlags PermissionsFeatureModel::flags(const QModelIndex& index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable : Qt::NoItemFlags;
}

QVariant PermissionsFeatureModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    return section == FeatureColumn ? tr("Feature") : tr("Allowlist (empty = nowhere)");
}

std::string PermissionsFeatureModel::rowPointer(int row) const
{
    const PermissionsFeature* feature = item(row);
    return feature != nullptr ? "/headers/permissions_policy/" + JsonPointer::escape(feature->feature) : std::string();
}

PermissionsFeature PermissionsFeatureModel::newItem(int) const
{
    static const std::array<const char*, 6> common{"camera",  "microphone", "geolocation",
                                                   "payment", "usb",        "fullscreen"};
    const auto* features = list();
    for (const char* name : common) {
        if (features == nullptr || std::none_of(features->begin(), features->end(),
                                                [name](const PermissionsFeature& f) { return f.feature == name; })) {
            return {name, {}};
        }
    }
    return {"feature", {}};
}

} // namespace pc
