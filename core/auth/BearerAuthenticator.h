// SPDX-License-Identifier: Apache-2.0
// BearerAuthenticator: what TokenStage and AuthStage share — the compiled
// JwtVerifier for a policy's auth.jwt (or why it is unavailable), and the
// reading of an `Authorization: Bearer <token>` header (RFC 6750 §2.1).
// Immutable after compile(); authenticate() runs concurrently.
#pragma once

#include "auth/JwtVerifier.h"
#include "common/Result.h"
#include "engine/CompileOptions.h"
#include "engine/HttpRequest.h"
#include "engine/RequestContext.h"
#include "policy/Policy.h"

#include <memory>
#include <optional>
#include <string>

namespace pc {

struct BearerOutcome {
    using Kind = BearerCheck::Kind; // never NotRun
    Kind kind = Kind::NoToken;
    std::optional<VerifiedToken> token;
    Error error; // for Malformed, Unavailable and Refused
};

class BearerAuthenticator {
public:
    // Fails on settings errors (allow-list), and on key errors when
    // options.requireSecrets is true; otherwise a missing key leaves the
    // authenticator "unavailable" with the reason kept for traces.
    [[nodiscard]] static Result<std::shared_ptr<const BearerAuthenticator>> compile(const Policy& policy,
                                                                                    const CompileOptions& options);

    [[nodiscard]] BearerOutcome authenticate(const HttpRequest& request, SystemTime now) const;

    [[nodiscard]] bool configured() const { return m_configured; }
    [[nodiscard]] bool available() const { return m_verifier.has_value(); }
    // Why the key is unavailable (never the value); empty when available.
    [[nodiscard]] const std::string& unavailableReason() const { return m_unavailable; }

    // The token of an Authorization header value: nullopt for other schemes,
    // "" for a Bearer header without a well-formed token68.
    [[nodiscard]] static std::optional<std::string_view> bearerToken(std::string_view authorization);

private:
    bool m_configured = false;
    std::optional<JwtVerifier> m_verifier;
    std::string m_unavailable;
};

} // namespace pc
