// SPDX-License-Identifier: Apache-2.0
// PolicyStore: how the workbench reads and writes policy documents and finds
// the shipped presets — the seam between the GUI and the core's loader and
// writer. The application uses the file-backed store; tests may substitute
// their own. Implementations must leave an existing file intact when a save
// fails (atomic writes). GUI thread only.
#pragma once

#include "common/Result.h"
#include "policy/Policy.h"

#include <QString>
#include <QStringList>

#include <string>

namespace pc {

class PolicyStore {
public:
    PolicyStore() = default;
    virtual ~PolicyStore() = default;
    PolicyStore(const PolicyStore&) = delete;
    PolicyStore& operator=(const PolicyStore&) = delete;

    // Every error of a file that does not load, located, in the CLI's words.
    [[nodiscard]] virtual Result<Policy> load(const QString& path) const = 0;
    [[nodiscard]] virtual Result<Policy> loadText(const std::string& text, const QString& displayName) const = 0;
    // The canonical text of a policy: what save() writes.
    [[nodiscard]] virtual std::string toText(const Policy& policy) const = 0;
    [[nodiscard]] virtual Status save(const Policy& policy, const QString& path) const = 0;

    // The shipped presets "New from preset" offers.
    [[nodiscard]] virtual QStringList presetNames() const = 0;
    [[nodiscard]] virtual Result<Policy> preset(const QString& name) const = 0;
};

} // namespace pc
