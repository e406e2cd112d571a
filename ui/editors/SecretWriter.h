// SPDX-License-Identifier: Apache-2.0
// SecretWriter: puts a freshly generated value for one secret reference into
// a dotenv file (atomic, mode 0600). The value never leaves this class: the
// result reports where it went and how strong it is, not what it is.
#pragma once

#include "policy/SecretRef.h"

#include <QString>

#include <optional>

namespace pc {

struct SecretWriteResult {
    bool ok = false;
    bool replaced = false; // the variable existed and was overwritten
    int bits = 0;          // entropy of the generated value
    QString error;         // why it failed, when !ok
};

class SecretWriter final {
public:
    // Why `secret` cannot be generated into a dotenv file, or nullopt when it can.
    [[nodiscard]] static std::optional<QString> refusal(const SecretRef& secret);
    // Whether `dotenvPath` already assigns the secret's variable.
    [[nodiscard]] static bool alreadySet(const SecretRef& secret, const QString& dotenvPath);
    [[nodiscard]] static SecretWriteResult write(const SecretRef& secret, const QString& dotenvPath);
};

} // namespace pc
