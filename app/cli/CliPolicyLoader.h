// SPDX-License-Identifier: Apache-2.0
// CliPolicyLoader: loads the --policy FILE of a verb, printing every located
// error the way `check` does, and gives the secret resolver that reads the
// policy's references relative to the file's folder.
#pragma once

#include "CliContext.h"

#include "auth/SecretResolver.h"
#include "policy/PolicyFile.h"

#include <QString>

#include <optional>

namespace pc::cli {

class CliPolicyLoader {
public:
    // nullopt after printing the errors to io.err.
    [[nodiscard]] static std::optional<LoadedPolicy> load(const QString& path, CliContext& io);
    // Relative dotenv and key-file references resolve against the policy's folder.
    [[nodiscard]] static SecretResolver resolverFor(const LoadedPolicy& loaded);
    [[nodiscard]] static std::string folderOf(const std::string& file);
};

} // namespace pc::cli
