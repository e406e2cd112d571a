// SPDX-License-Identifier: Apache-2.0
#include "document/FilePolicyStore.h"

#include "PolicyResources.h"
#include "policy/PolicyFile.h"

#include <QFile>

namespace pc {

Result<Policy> FilePolicyStore::load(const QString& path) const
{
    return PolicyFile::load(QFile::encodeName(path).toStdString());
}

Result<Policy> FilePolicyStore::loadText(const std::string& text, const QString& displayName) const
{
    return PolicyFile::loadText(text, displayName.toStdString());
}

std::string FilePolicyStore::toText(const Policy& policy) const
{
    return PolicyFile::toText(policy);
}

Status FilePolicyStore::save(const Policy& policy, const QString& path) const
{
    return PolicyFile::save(policy, QFile::encodeName(path).toStdString());
}

QStringList FilePolicyStore::presetNames() const
{
    return PolicyResources::presetNames();
}

Result<Policy> FilePolicyStore::preset(const QString& name) const
{
    const std::optional<std::string> text = PolicyResources::presetText(name);
    if (!text) {
        return makeError("unknown-preset", "There is no preset named \"" + name.toStdString() + "\".", "",
                         "choose one of " + PolicyResources::presetNames().join(QStringLiteral(", ")).toStdString());
    }
    return PolicyFile::loadText(*text, "preset " + name.toStdString());
}

} // namespace pc
