// SPDX-License-Identifier: Apache-2.0
// SecretReader: reads the "secrets" list and every place that references a
// secret (a SecretSource). Secrets are references, never values: a plain
// string or a value-like key where a reference belongs is an inline-secret
// error, and no message ever repeats the offending value. Stateless.
#pragma once

#include "policy/PolicyJson.h"
#include "policy/ReadContext.h"
#include "policy/SecretRef.h"

#include <string>
#include <string_view>
#include <vector>

namespace pc {

class SecretReader {
public:
    static void readSecrets(ReadContext& ctx, const PolicyJson* value, std::vector<SecretRef>& out);
    // {"secret": name} | {"env": VAR} | {"file": path}; `what` names it in messages ("the JWT key").
    static bool readSource(ReadContext& ctx, const PolicyJson& value, const std::string& pointer, std::string_view what,
                           SecretSource& out);
    // Names of the entries of "secrets", for reference checks before the full read.
    static std::vector<std::string> definedNames(const PolicyJson* value);
};

} // namespace pc
