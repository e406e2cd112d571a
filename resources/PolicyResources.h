// SPDX-License-Identifier: Apache-2.0
// PolicyResources: the policy files compiled into the binaries (Qt resources):
// examples, presets and the JSON Schema of the format, for the CLI's `new`
// and the GUI's "New from preset". Read-only and thread-safe.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <string>

namespace pc {

class PolicyResources {
public:
    [[nodiscard]] static QStringList presetNames();  // "local-development", ... sorted
    [[nodiscard]] static QStringList exampleNames(); // "fastapi-tutorial", ...
    [[nodiscard]] static std::optional<std::string> presetText(const QString& name);
    [[nodiscard]] static std::optional<std::string> exampleText(const QString& name);
    [[nodiscard]] static std::string schemaText();
};

} // namespace pc
