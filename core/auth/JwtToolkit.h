// SPDX-License-Identifier: Apache-2.0
// JwtToolkit: the token operations the CLI's `token` verb and the GUI's token
// debugger call, on top of a policy — generate a key, issue a test token,
// verify a token (claims or the refusal), and decode one WITHOUT verifying.
// Stateless functions; thread-safe.
#pragma once

#include "auth/JoseKey.h"
#include "auth/JwtDecoder.h"
#include "auth/JwtIssuer.h"
#include "auth/JwtVerifier.h"
#include "auth/SecretBytes.h"
#include "auth/SecretResolver.h"
#include "common/Result.h"
#include "policy/Policy.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace pc {

struct GeneratedKey {
    JoseKey key;
    std::string algorithm;    // what it was generated for ("ES256")
    SecretBytes secret;       // HS*: the secret text (for SECRET_KEY=...); empty otherwise
    SecretBytes privatePem;   // asymmetric: PKCS#8 PEM; empty for HS*
    std::string publicPem;    // asymmetric: SPKI PEM; empty for HS*
    SecretBytes privateJwk;   // the full JWK, compact JSON (HS*: {"kty":"oct","k":...})
    nlohmann::json publicJwk; // asymmetric: public JWK with kid, use, alg; null for HS*
};

class JwtToolkit {
public:
    // `alg` as written ("RS256"); rsaBits 2048, 3072 or 4096 for RS*/PS*. The
    // generated key is bound to `alg` in its JWKs.
    [[nodiscard]] static Result<GeneratedKey> keygen(std::string_view alg, int rsaBits = 2048);

    // Loads the policy's keys through `resolver` and signs an access or refresh
    // token with the first private key that fits an allowed algorithm.
    [[nodiscard]] static Result<std::string> issue(const Policy& policy, const SecretResolver& resolver, TokenKind kind,
                                                   SystemTime now,
                                                   const nlohmann::json& extraClaims = nlohmann::json::object());

    // Verifies exactly as the test server does (JwtVerifier with the policy's settings).
    [[nodiscard]] static Result<VerifiedToken> verify(const Policy& policy, const SecretResolver& resolver,
                                                      std::string_view token, SystemTime now,
                                                      TokenUse use = TokenUse::Any);

    // No signature check, no claim check — display only.
    [[nodiscard]] static Result<UnverifiedToken> decodeUnverified(std::string_view token)
    {
        return JwtDecoder::decodeUnverified(token);
    }
};

} // namespace pc
