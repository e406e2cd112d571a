// SPDX-License-Identifier: Apache-2.0
// Secrets are references, never values: where a secret comes from (an
// environment variable, optionally a dotenv file as fallback, or a file whose
// contents are the secret) and what kind of secret it is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace pc {

enum class SecretKind { Generic, HmacKey, PrivateKey, PublicKey, Password, DatabaseUrl, ApiKey };

// Where one value comes from: exactly one of secret (a name in Policy::secrets),
// env or file is set.
struct SecretSource {
    std::string secret;
    std::string env;
    std::string file;
    [[nodiscard]] bool empty() const { return secret.empty() && env.empty() && file.empty(); }
    bool operator==(const SecretSource&) const = default;
};

struct SecretRef {
    std::string name;
    std::string description;
    SecretKind kind = SecretKind::Generic;
    std::string env;    // environment variable
    std::string dotenv; // dotenv file read when the variable is unset (".env")
    std::string file;   // a file whose whole content is the value
    bool required = true;
    std::optional<std::uint32_t> minLength; // bytes; defaults by kind (32 for an HMAC key)
    bool operator==(const SecretRef&) const = default;
};

} // namespace pc
