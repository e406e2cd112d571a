// SPDX-License-Identifier: Apache-2.0
// FilePolicyStore: the PolicyStore of the application — policy files through
// the core's loader and canonical writer (PolicyFile: located errors, atomic
// saves) and the presets compiled into the binary (PolicyResources).
#pragma once

#include "document/PolicyStore.h"

namespace pc {

class FilePolicyStore final : public PolicyStore {
public:
    [[nodiscard]] Result<Policy> load(const QString& path) const override;
    [[nodiscard]] Result<Policy> loadText(const std::string& text, const QString& displayName) const override;
    [[nodiscard]] std::string toText(const Policy& policy) const override;
    [[nodiscard]] Status save(const Policy& policy, const QString& path) const override;
    [[nodiscard]] QStringList presetNames() const override;
    [[nodiscard]] Result<Policy> preset(const QString& name) const override;
};

} // namespace pc
