// SPDX-License-Identifier: Apache-2.0
#include "CliPolicyLoader.h"

namespace pc::cli {

std::optional<LoadedPolicy> CliPolicyLoader::load(const QString& path, CliContext& io)
{
    auto loaded = PolicyFile::loadDocument(path.toStdString());
    if (!loaded.ok()) {
        io.reportErrors(loaded.errors());
        return std::nullopt;
    }
    return std::move(loaded).value();
}

std::string CliPolicyLoader::folderOf(const std::string& file)
{
    const size_t slash = file.rfind('/');
    return slash == std::string::npos ? std::string(".") : file.substr(0, slash == 0 ? 1 : slash);
}

SecretResolver CliPolicyLoader::resolverFor(const LoadedPolicy& loaded)
{
    return SecretResolver(folderOf(loaded.file));
}

} // namespace pc::cli
