// SPDX-License-Identifier: Apache-2.0
// JwtKeyring: loads the keys a policy's auth.jwt references. Each reference is
// resolved through a SecretResolver and read as PEM, as a JWK or JWK Set, or as
// a raw HMAC secret (the text itself, as FastAPI's SECRET_KEY). Key ids: the
// policy's kid, else the JWK's, else the RFC 7638 thumbprint for public-key
// types (HMAC secrets get none). Stateless, thread-safe.
#pragma once

#include "auth/JoseKey.h"
#include "auth/SecretBytes.h"
#include "auth/SecretResolver.h"
#include "common/Result.h"
#include "policy/AuthPolicy.h"

#include <span>
#include <string>
#include <vector>

namespace pc {

class JwtKeyring {
public:
    // Errors carry the pointer of the failing key ("/auth/jwt/key" or "/auth/jwt/keys/1").
    [[nodiscard]] static Result<std::vector<JoseKey>> load(const JwtSettings& settings,
                                                           std::span<const SecretRef> secrets,
                                                           const SecretResolver& resolver,
                                                           const std::string& pointer = "/auth/jwt");
    // Reads secret bytes as key material. `kind` decides for HmacKey (always a raw
    // secret) and Private/PublicKey (PEM or JWK only); otherwise the text is sniffed.
    [[nodiscard]] static Result<std::vector<JoseKey>> parse(const SecretBytes& material, SecretKind kind,
                                                            const std::string& kid = {});
    // The first private key that fits one of the allowed algorithms (for issuing).
    [[nodiscard]] static Result<JoseKey> signingKey(const std::vector<JoseKey>& keys, const JwtSettings& settings);
    // The JSON pointer of key `index` as the policy file writes it.
    [[nodiscard]] static std::string keyPointer(const JwtSettings& settings, std::size_t index,
                                                const std::string& pointer = "/auth/jwt");
};

} // namespace pc
