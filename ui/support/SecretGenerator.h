// SPDX-License-Identifier: Apache-2.0
// SecretGenerator: strong random values for the secrets a policy references,
// from the operating system's CSPRNG (QRandomGenerator::system(), getrandom(2)
// on Linux), encoded base64url without padding so they need no quoting in a
// dotenv file. Thread-safe.
#pragma once

#include "policy/SecretRef.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace pc {

class SecretGenerator final {
public:
    // Random bytes drawn for a kind: at least 32 (256 bits, RFC 7518 §3.2 for
    // HS256 and OWASP's JWT guidance), more when `minLength` asks for more.
    [[nodiscard]] static int byteCount(SecretKind kind, std::optional<std::uint32_t> minLength);
    // False for kinds that cannot be random text (key pairs, database URLs).
    [[nodiscard]] static bool canGenerate(SecretKind kind);
    [[nodiscard]] static QString generate(SecretKind kind, std::optional<std::uint32_t> minLength);
};

} // namespace pc
