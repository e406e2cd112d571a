// SPDX-License-Identifier: Apache-2.0
// TokenStage: verifies an `Authorization: Bearer` token once, early in the
// pipeline (before rate limiting, so jwt_claim rate-limit keys see verified
// claims only), and puts its claims in ctx.claims. It never answers: whether a
// route needs a token is AuthStage's decision. The trace names the outcome,
// never the token. Immutable after compile(); run() is thread-safe.
#pragma once

#include "auth/BearerAuthenticator.h"
#include "engine/PipelineStage.h"

#include <memory>

namespace pc {

class TokenStage final : public PipelineStage {
public:
    [[nodiscard]] static Result<std::unique_ptr<TokenStage>> compile(const Policy& policy,
                                                                     const CompileOptions& options);
    explicit TokenStage(std::shared_ptr<const BearerAuthenticator> authenticator) : m_auth(std::move(authenticator)) {}

    [[nodiscard]] std::string_view name() const override { return "token"; }
    void run(RequestContext& ctx) const override;

private:
    std::shared_ptr<const BearerAuthenticator> m_auth;
};

} // namespace pc
