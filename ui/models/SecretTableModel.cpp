// SPDX-License-Identifier: Apache-2.0
#include "models/SecretTableModel.h"

#include "models/ModelRoles.h"
#include "policy/PolicyEnums.h"
#include "support/DotEnvFile.h"
#include "support/Text.h"
#include "undo/RenameEdits.h"

#include <QDir>
#include <QFileInfo>

namespace pc {

SecretTableModel::SecretTableModel(PolicyDocument* document, QObject* parent)
    : PolicyListModel<SecretRef>(document, parent)
{
    setList("/secrets", [](auto& p) { return &p.secrets; });
}

void SecretTableModel::setBaseDirectory(const QString& dir)
{
    m_baseDir = dir;
    if (rowCount() > 0) {
        Q_EMIT dataChanged(index(0, StatusColumn), index(rowCount() - 1, StatusColumn));
    }
}

int SecretTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SecretTableModel::status(const SecretRef& secret) const
{
    const QDir base(m_baseDir.isEmpty() ? QDir::currentPath() : m_baseDir);
    if (!secret.env.empty() && qEnvironmentVariableIsSet(secret.env.c_str())) {
        return tr("set in the environment");
    }
    if (!secret.dotenv.empty() && !secret.env.empty()) {
        const DotEnvFile dotenv(base.filePath(toQ(secret.dotenv)));
        if (dotenv.contains(toQ(secret.env))) {
            return tr("in %1").arg(toQ(secret.dotenv));
        }
    }
    if (!secret.file.empty() && QFileInfo::exists(base.filePath(toQ(secret.file)))) {
        return tr("file present");
    }
    return secret.required ? tr("missing") : tr("not set (optional)");
}

QVariant SecretTableModel::data(const QModelIndex& index, int role) const
{
    const SecretRef* secret = item(index.row());
    if (secret == nullptr) {
        return {};
    }
    if (QVariant diagnostic = diagnosticData(index, role); diagnostic.isValid()) {
        return diagnostic;
    }
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (column) {
        case NameColumn:
            return toQ(secret->name);
        case KindColumn:
            return enumText(secret->kind);
        case EnvColumn:
            return toQ(secret->env);
        case DotenvColumn:
            return toQ(secret->dotenv);
        case FileColumn:
            return toQ(secret->file);
        case MinLengthColumn:
            return secret->minLength ? QVariant(*secret->minLength) : QVariant(QString());
        case StatusColumn:
            return status(*secret);
        case RequiredColumn:
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::CheckStateRole && column == RequiredColumn) {
        return secret->required ? Qt::Checked : Qt::Unchecked;
    }
    if (role == ChoicesRole && column == KindColumn) {
        return enumTexts<SecretKind>();
    }
    if (role == Qt::ToolTipRole && !secret->description.empty()) {
        return toQ(secret->description);
    }
    return {};
}

bool SecretTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (item(index.row()) == nullptr) {
        return false;
    }
    const int row = index.row();
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::CheckStateRole && column == RequiredColumn) {
        return setValue(row, "required", tr("required"), &SecretRef::required, value.toInt() == Qt::Checked);
    }
    if (role != Qt::EditRole) {
        return false;
    }
    const QString text = value.toString().trimmed();
    switch (column) {
    case NameColumn:
        if (text.isEmpty()) {
            return false;
        }
        renameSecret(document(), row, toStd(text));
        return true;
    case KindColumn:
        if (auto kind = enumFromText<SecretKind>(text)) {
            return setValue(row, "kind", tr("secret kind"), &SecretRef::kind, *kind);
        }
        return false;
    case EnvColumn:
        return setValue(row, "env", tr("environment variable"), &SecretRef::env, toStd(text));
    case DotenvColumn:
        return setValue(row, "dotenv", tr("dotenv file"), &SecretRef::dotenv, toStd(text));
    case FileColumn:
        return setValue(row, "file", tr("secret file"), &SecretRef::file, toStd(text));
    case MinLengthColumn: {
        if (text.isEmpty()) {
            return setValue(row, "min_length", tr("minimum length"), &SecretRef::minLength,
                            std::optional<std::uint32_t>());
        }
        bool ok = false;
        const uint length = text.toUInt(&ok);
        return ok && setValue(row, "min_length", tr("minimum length"), &SecretRef::minLength,
                              std::optional<std::uint32_t>(length));
    }
    case RequiredColumn:
    case StatusColumn:
    case ColumnCount:
        break;
    }
    return false;
}

Qt::ItemFlags SecretTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    const auto column = static_cast<Column>(index.column());
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (column == RequiredColumn) {
        f |= Qt::ItemIsUserCheckable;
    } else if (column != StatusColumn) {
        f |= Qt::ItemIsEditable;
    }
    return f;
}

QVariant SecretTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (static_cast<Column>(section)) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case EnvColumn:
        return tr("Environment variable");
    case DotenvColumn:
        return tr("Dotenv file");
    case FileColumn:
        return tr("File");
    case RequiredColumn:
        return tr("Required");
    case MinLengthColumn:
        return tr("Min. bytes");
    case StatusColumn:
        return tr("Status here");
    case ColumnCount:
        break;
    }
    return {};
}

std::string SecretTableModel::rowPointer(int row) const
{
    return "/secrets/" + std::to_string(row);
}

SecretRef SecretTableModel::newItem(int) const
{
    SecretRef secret;
    secret.name =
        uniqueName("secret", [this](const std::string& n) { return document()->policy().secret(n) != nullptr; });
    secret.env = toStd(toQ(secret.name).toUpper().replace(u'-', u'_'));
    secret.dotenv = ".env";
    return secret;
}

} // namespace pc
