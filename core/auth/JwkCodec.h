// SPDX-License-Identifier: Apache-2.0
// JwkCodec: keys as JSON Web Keys and Key Sets (RFC 7517, members of RFC 7518
// §6 and RFC 8037 §2) and RFC 7638 thumbprints. Import is strict: canonical
// base64url, exact coordinate lengths, EC points on the curve, "use" must be
// "sig", "alg" binds the key. Private JWK text is returned in wiped memory.
// Stateless, thread-safe.
#pragma once

#include "auth/JoseKey.h"
#include "auth/SecretBytes.h"
#include "common/Result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace pc {

class JwkCodec {
public:
    static constexpr std::size_t kMaxKeysInSet = 64;

    // Error codes: "bad-jwk", "weak-key", "unsupported-key".
    [[nodiscard]] static Result<JoseKey> parse(const nlohmann::json& jwk);
    // {"keys": [...]}; every key must parse. Keys in a set must have distinct kids.
    [[nodiscard]] static Result<std::vector<JoseKey>> parseSet(const nlohmann::json& jwks);
    // Text holding a JWK or a JWKS (duplicate members refused).
    [[nodiscard]] static Result<std::vector<JoseKey>> parseText(std::string_view text);

    // The public JWK (kty, kid, use "sig", alg when bound, and the public members).
    // "no-public-key" for HMAC keys.
    [[nodiscard]] static Result<nlohmann::json> publicJwk(const JoseKey& key);
    // The full JWK with private members, serialised compactly, in wiped memory.
    [[nodiscard]] static Result<SecretBytes> privateJwkText(const JoseKey& key);
    // {"keys": [public JWK...]} — HMAC keys are skipped (never published).
    [[nodiscard]] static nlohmann::json publicJwks(const std::vector<JoseKey>& keys);

    // RFC 7638 SHA-256 thumbprint, base64url: the canonical key id.
    [[nodiscard]] static Result<std::string> thumbprint(const JoseKey& key);
};

} // namespace pc
