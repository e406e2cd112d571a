// SPDX-License-Identifier: Apache-2.0
// JwtIssuer: mints test tokens the way the policy's API would — access and
// refresh tokens with the policy's lifetimes, issuer, audience and custom
// claims, a CSPRNG jti, typ, and the signing key's kid. The algorithm is the
// first allowed one the key fits. Immutable once created; thread-safe.
#pragma once

#include "auth/JoseKey.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "policy/AuthPolicy.h"

#include <nlohmann/json.hpp>

#include <string>

namespace pc {

enum class TokenKind { Access, Refresh };

class JwtIssuer {
public:
    // Error codes: "no-private-key", "key-type-mismatch" (no allowed algorithm fits the key).
    [[nodiscard]] static Result<JwtIssuer> create(const JwtSettings& settings, JoseKey signingKey);

    // Claims, lowest precedence first: registered (iss, sub from extra, aud, iat,
    // nbf, exp, jti, token_type), then the policy's jwt.claims (which cannot
    // replace registered ones), then `extraClaims` (which can; a null value
    // removes a claim — handy for minting deliberately broken test tokens).
    [[nodiscard]] Result<std::string> issue(TokenKind kind, SystemTime now,
                                            const nlohmann::json& extraClaims = nlohmann::json::object()) const;
    // The claims issue() would sign, without signing (jti left out).
    [[nodiscard]] nlohmann::json claimsFor(TokenKind kind, SystemTime now,
                                           const nlohmann::json& extraClaims = nlohmann::json::object()) const;

    [[nodiscard]] JwsAlgorithm algorithm() const { return m_alg; }
    [[nodiscard]] const JoseKey& key() const { return m_key; }

private:
    JwtIssuer(JwtSettings settings, JoseKey key, JwsAlgorithm alg)
        : m_settings(std::move(settings)), m_key(std::move(key)), m_alg(alg)
    {
    }
    JwtSettings m_settings;
    JoseKey m_key;
    JwsAlgorithm m_alg;
};

} // namespace pc
