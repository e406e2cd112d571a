// SPDX-License-Identifier: Apache-2.0
#include "models/JwtKeyTableModel.h"

#include "models/ModelRoles.h"
#include "support/Text.h"

namespace pc {

JwtKeyTableModel::JwtKeyTableModel(PolicyDocument* document, QObject* parent)
    : PolicyListModel<JwtKey>(document, parent)
{
    setList("/auth/jwt/keys", [](auto& p) { return p.auth.jwt ? &p.auth.jwt->keys : nullptr; });
}

int JwtKeyTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString JwtKeyTableModel::sourceKind(const SecretSource& source)
{
    if (!source.secret.empty()) {
        return QStringLiteral("secret");
    }
    if (!source.file.empty()) {
        return QStringLiteral("file");
    }
    return QStringLiteral("env");
}

QString JwtKeyTableModel::sourceReference(const SecretSource& source)
{
    if (!source.secret.empty()) {
        return toQ(source.secret);
    }
    if (!source.file.empty()) {
        return toQ(source.file);
    }
    return toQ(source.env);
}

SecretSource JwtKeyTableModel::makeSource(const QString& kind, const QString& reference)
{
    SecretSource source;
    if (kind == QLatin1String("secret")) {
        source.secret = toStd(reference);
    } else if (kind == QLatin1String("file")) {
        source.file = toStd(reference);
    } else {
        source.env = toStd(reference);
    }
    return source;
}

QVariant JwtKeyTableModel::data(const QModelIndex& index, int role) const
{
    const JwtKey* key = item(index.row());
    if (key == nullptr) {
        return {};
    }
    if (QVariant diagnostic = diagnosticData(index, role); diagnostic.isValid()) {
        return diagnostic;
    }
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (column) {
        case KidColumn:
            return toQ(key->kid);
        case SourceKindColumn:
            return sourceKind(key->source);
        case ReferenceColumn:
            return sourceReference(key->source);
        case ColumnCount:
            break;
        }
    }
    if (role == ChoicesRole && column == SourceKindColumn) {
        return QStringList{QStringLiteral("secret"), QStringLiteral("env"), QStringLiteral("file")};
    }
    if (role == ChoicesRole && column == ReferenceColumn && !key->source.secret.empty()) {
        QStringList names;
        for (const SecretRef& s : document()->policy().secrets) {
            names << toQ(s.name);
        }
        return names;
    }
    return {};
}

bool JwtKeyTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    const JwtKey* key = item(index.row());
    if (role != Qt::EditRole || key == nullptr) {
        return false;
    }
    const QString text = value.toString().trimmed();
    switch (static_cast<Column>(index.column())) {
    case KidColumn:
        return setValue(index.row(), "kid", tr("key id"), &JwtKey::kid, toStd(text));
    case SourceKindColumn:
        return setValue(index.row(), "source", tr("key source"), &JwtKey::source,
                        makeSource(text, sourceReference(key->source)));
    case ReferenceColumn:
        return setValue(index.row(), "source", tr("key source"), &JwtKey::source,
                        makeSource(sourceKind(key->source), text));
    case ColumnCount:
        break;
    }
    return false;
}

Qt::ItemFlags JwtKeyTableModel::flags(const QModelIndex& index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable : Qt::NoItemFlags;
}

QVariant JwtKeyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (static_cast<Column>(section)) {
    case KidColumn:
        return tr("kid");
    case SourceKindColumn:
        return tr("From");
    case ReferenceColumn:
        return tr("Secret / variable / file");
    case ColumnCount:
        break;
    }
    return {};
}

std::string JwtKeyTableModel::rowPointer(int row) const
{
    // The writer puts a single key without a kid under "key".
    const auto* keys = list();
    if (keys != nullptr && keys->size() == 1 && keys->front().kid.empty()) {
        return row == 0 ? "/auth/jwt/key" : std::string();
    }
    return "/auth/jwt/keys/" + std::to_string(row);
}

JwtKey JwtKeyTableModel::newItem(int) const
{
    JwtKey key;
    const auto& secrets = document()->policy().secrets;
    if (!secrets.empty()) {
        key.source.secret = secrets.front().name;
    } else {
        key.source.env = "JWT_SECRET";
    }
    return key;
}

} // namespace pc
