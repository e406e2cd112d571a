// SPDX-License-Identifier: Apache-2.0
// AuthStage: on routes with auth "bearer", lets the request through only with
// verified claims (set by TokenStage, or verified here when TokenStage is not
// in the pipeline). Otherwise it answers 401 with `WWW-Authenticate: Bearer`
// (RFC 6750 §3: error="invalid_token" and a description when a token was given
// and refused, no error attribute when none was given) and FastAPI's body
// {"detail": ...}. Immutable after compile(); run() is thread-safe.
#pragma once

#include "auth/BearerAuthenticator.h"
#include "engine/PipelineStage.h"

#include <memory>
#include <string>
#include <vector>

namespace pc {

class AuthStage final : public PipelineStage {
public:
    // Fails ("jwt-missing") when a route needs a bearer token and the policy has
    // no auth.jwt; key problems follow options.requireSecrets (BearerAuthenticator).
    [[nodiscard]] static Result<std::unique_ptr<AuthStage>> compile(const Policy& policy,
                                                                    const CompileOptions& options);
    AuthStage(std::shared_ptr<const BearerAuthenticator> authenticator, std::vector<std::string> routePointers)
        : m_auth(std::move(authenticator)), m_routePointers(std::move(routePointers))
    {
    }

    [[nodiscard]] std::string_view name() const override { return "auth"; }
    void run(RequestContext& ctx) const override;

    // An RFC 6750 auth-param value: quotes and backslashes replaced, control
    // characters dropped, at most 200 characters.
    [[nodiscard]] static std::string headerSafe(std::string_view text);

private:
    std::shared_ptr<const BearerAuthenticator> m_auth;
    std::vector<std::string> m_routePointers; // "/routes/N/auth", built once: the trace needs one per request
};

} // namespace pc
