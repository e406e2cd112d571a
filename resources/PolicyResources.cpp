// SPDX-License-Identifier: Apache-2.0
#include "PolicyResources.h"

#include <QDir>
#include <QFile>

namespace pc {
namespace {

QStringList namesIn(const QString& folder)
{
    QStringList names;
    const QStringList files = QDir(folder).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        names << file.chopped(5);
    }
    return names;
}

std::optional<std::string> readResource(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    return file.readAll().toStdString();
}

bool isPlainName(const QString& name)
{
    // Names come from the command line; never let one walk out of the folder.
    return !name.isEmpty() && !name.contains(QLatin1Char('/')) && !name.contains(QLatin1Char('\\')) &&
           !name.startsWith(QLatin1Char('.'));
}

} // namespace

QStringList PolicyResources::presetNames()
{
    return namesIn(QStringLiteral(":/presets"));
}

QStringList PolicyResources::exampleNames()
{
    return namesIn(QStringLiteral(":/examples"));
}

std::optional<std::string> PolicyResources::presetText(const QString& name)
{
    if (!isPlainName(name)) {
        return std::nullopt;
    }
    return readResource(QStringLiteral(":/presets/") + name + QStringLiteral(".json"));
}

std::optional<std::string> PolicyResources::exampleText(const QString& name)
{
    if (!isPlainName(name)) {
        return std::nullopt;
    }
    return readResource(QStringLiteral(":/examples/") + name + QStringLiteral(".json"));
}

std::string PolicyResources::schemaText()
{
    return readResource(QStringLiteral(":/schema/portcullis-policy.schema.json")).value_or(std::string());
}

} // namespace pc
