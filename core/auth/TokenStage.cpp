// SPDX-License-Identifier: Apache-2.0
#include "auth/TokenStage.h"

namespace pc {
namespace {

std::string describeVerified(const VerifiedToken& token)
{
    std::string out = "The bearer token verified (" + std::string(algorithmName(token.algorithm));
    if (!token.kid.empty()) {
        out += ", key \"" + quoteForMessage(token.kid) + "\"";
    }
    if (const auto sub = token.claims.find("sub"); sub != token.claims.end() && sub->is_string()) {
        out += ", subject \"" + quoteForMessage(sub->get_ref<const std::string&>()) + "\"";
    }
    return out + "); its claims are available to the later stages.";
}

} // namespace

Result<std::unique_ptr<TokenStage>> TokenStage::compile(const Policy& policy, const CompileOptions& options)
{
    auto auth = BearerAuthenticator::compile(policy, options);
    if (!auth) {
        return std::move(auth).takeErrors();
    }
    return std::make_unique<TokenStage>(std::move(auth.value()));
}

void TokenStage::run(RequestContext& ctx) const
{
    BearerOutcome outcome = m_auth->authenticate(ctx.request, ctx.now);
    ctx.bearer = {outcome.kind, outcome.error};
    switch (outcome.kind) {
    case BearerOutcome::Kind::NotRun:
        return;
    case BearerOutcome::Kind::NotConfigured:
        ctx.addTrace("token", "skip", "The policy configures no JWT verification.");
        return;
    case BearerOutcome::Kind::NoToken:
        ctx.addTrace("token", "skip", "The request carries no bearer token.", "/auth/jwt");
        return;
    case BearerOutcome::Kind::Malformed:
    case BearerOutcome::Kind::Unavailable:
        ctx.addTrace("token", "deny", outcome.error.message, "/auth/jwt");
        return;
    case BearerOutcome::Kind::Refused:
        ctx.addTrace("token", "deny",
                     "The bearer token was refused (" + outcome.error.code + "): " + outcome.error.message,
                     "/auth/jwt");
        return;
    case BearerOutcome::Kind::Verified:
        ctx.addTrace("token", "pass", describeVerified(*outcome.token), "/auth/jwt");
        ctx.claims = std::move(outcome.token->claims);
        return;
    }
}

} // namespace pc
