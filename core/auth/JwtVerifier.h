// SPDX-License-Identifier: Apache-2.0
// JwtVerifier: strict verification of compact JWS tokens against a policy's
// JwtSettings and its resolved keys (RFC 7519, RFC 8725, tokens.md §2–3).
// Built once (create() checks the settings and binds every key to the allowed
// algorithms it fits), then verify() runs concurrently from many threads.
// Every refusal is an Error whose code is stable (see below) and whose message
// says why; nothing in a token is ever fetched, opened or executed.
#pragma once

#include "auth/JoseKey.h"
#include "auth/JwsAlgorithm.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "policy/AuthPolicy.h"

#include <nlohmann/json.hpp>

#include <string_view>
#include <vector>

namespace pc {

struct VerifiedToken {
    nlohmann::json header;
    nlohmann::json claims;
    JwsAlgorithm algorithm = JwsAlgorithm::HS256;
    std::string kid; // of the configured key that verified the signature ("" when it has none)
};

// What kind of token a caller accepts (RFC 8725 §3.12). Issued tokens carry
// "token_type": "access" or "refresh"; bearer routes take access tokens only.
enum class TokenUse { Any, Access, Refresh };

class JwtVerifier {
public:
    // Refusal codes of verify():
    //   too-large, bad-format, bad-encoding, bad-json, too-deep, duplicate-key, bad-header,
    //   alg-none, alg-not-allowed, untrusted-header-key, unknown-critical, bad-typ,
    //   unknown-kid, key-type-mismatch, empty-signature, bad-signature-length, bad-signature,
    //   bad-payload, bad-claim, missing-claim, expired, not-yet-valid, issued-in-future,
    //   wrong-issuer, wrong-audience, wrong-token-type.
    // create() errors: no-key, alg-none, unknown-algorithm, no-algorithm, key-type-mismatch,
    //   weak-key, duplicate-kid — located under `pointer` (the policy's "/auth/jwt").
    [[nodiscard]] static Result<JwtVerifier> create(const JwtSettings& settings, std::vector<JoseKey> keys,
                                                    const std::string& pointer = "/auth/jwt");

    // The checks of create() that need no key: the allow-list and that a key is referenced.
    [[nodiscard]] static Status checkSettings(const JwtSettings& settings, const std::string& pointer = "/auth/jwt");

    [[nodiscard]] Result<VerifiedToken> verify(std::string_view token, SystemTime now,
                                               TokenUse use = TokenUse::Any) const;

    [[nodiscard]] const JwtSettings& settings() const { return m_settings; }
    [[nodiscard]] const std::vector<JoseKey>& keys() const { return m_keys; }
    [[nodiscard]] const std::vector<JwsAlgorithm>& allowed() const { return m_allowed; }

private:
    JwtVerifier() = default;
    static Errors allowedAlgorithms(const JwtSettings& settings, const std::string& pointer,
                                    std::vector<JwsAlgorithm>& allowed);
    [[nodiscard]] Status checkHeader(const nlohmann::json& header) const;
    [[nodiscard]] Status checkClaims(const nlohmann::json& claims, SystemTime now, TokenUse use) const;

    JwtSettings m_settings;
    std::vector<JoseKey> m_keys;
    std::vector<JwsAlgorithm> m_allowed;
};

// Attacker-supplied text made safe to quote in a message: printable ASCII,
// at most `max` characters.
[[nodiscard]] std::string quoteForMessage(std::string_view text, std::size_t max = 48);

} // namespace pc
