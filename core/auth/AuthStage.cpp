// SPDX-License-Identifier: Apache-2.0
#include "auth/AuthStage.h"

#include <nlohmann/json.hpp>

namespace pc {
namespace {

StageAnswer unauthorized(std::string challenge, const char* detail)
{
    StageAnswer answer;
    answer.status = 401;
    answer.headers.push_back({"WWW-Authenticate", std::move(challenge)});
    answer.headers.push_back({"Content-Type", "application/json"});
    answer.body = nlohmann::json{{"detail", detail}}.dump();
    return answer;
}

std::string challenge(const char* error, std::string_view description)
{
    return std::string("Bearer error=\"") + error + "\", error_description=\"" + AuthStage::headerSafe(description) +
           "\"";
}

} // namespace

std::string AuthStage::headerSafe(std::string_view text)
{
    std::string out;
    for (const char c : text) {
        if (out.size() >= 200) {
            out += "...";
            break;
        }
        if (c == '"' || c == '\\') {
            out += '\'';
        } else if (c >= 0x20 && c < 0x7F) {
            out += c;
        }
    }
    return out;
}

Result<std::unique_ptr<AuthStage>> AuthStage::compile(const Policy& policy, const CompileOptions& options)
{
    if (!policy.auth.jwt) {
        for (std::size_t i = 0; i < policy.routes.size(); ++i) {
            if (policy.routes[i].auth == RouteAuth::Bearer) {
                return makeError("jwt-missing",
                                 "The route \"" + policy.routes[i].id +
                                     "\" requires a bearer token, but the policy has no auth.jwt section to verify it.",
                                 "/routes/" + std::to_string(i) + "/auth",
                                 "Add auth.jwt with the algorithm and key, or set the route's auth to \"none\".");
            }
        }
    }
    auto auth = BearerAuthenticator::compile(policy, options);
    if (!auth) {
        return std::move(auth).takeErrors();
    }
    return std::make_unique<AuthStage>(std::move(auth.value()));
}

void AuthStage::run(RequestContext& ctx) const
{
    const std::string where =
        ctx.routeIndex >= 0 ? "/routes/" + std::to_string(ctx.routeIndex) + "/auth" : std::string("/auth");
    if (ctx.route == nullptr || ctx.route->auth != RouteAuth::Bearer) {
        ctx.addTrace("auth", "skip", "The route needs no authentication.", where);
        return;
    }
    if (ctx.claims) {
        ctx.addTrace("auth", "pass", "The route needs a bearer token and the request carries a verified one.", where);
        return;
    }
    // TokenStage left no claims (or is not in the pipeline): find out why. A
    // valid token costs one verification; only refused ones are checked twice.
    BearerOutcome outcome = m_auth->authenticate(ctx.request, ctx.now);
    switch (outcome.kind) {
    case BearerOutcome::Kind::Verified:
        ctx.claims = std::move(outcome.token->claims);
        ctx.addTrace("auth", "pass", "The route needs a bearer token and the request carries a verified one.", where);
        return;
    case BearerOutcome::Kind::NoToken:
        ctx.addTrace("auth", "deny",
                     "The route needs a bearer token and the request carries none." +
                         (m_auth->available() ? std::string() : " " + m_auth->unavailableReason()),
                     where);
        ctx.answer = unauthorized("Bearer", "Not authenticated");
        return;
    case BearerOutcome::Kind::NotConfigured:
        ctx.addTrace("auth", "deny", "The route needs a bearer token, but the policy has no auth.jwt to verify it.",
                     where);
        ctx.answer = unauthorized("Bearer", "Not authenticated");
        return;
    case BearerOutcome::Kind::Malformed:
        ctx.addTrace("auth", "deny", outcome.error.message, where);
        ctx.answer = unauthorized(challenge("invalid_request", outcome.error.message), "Not authenticated");
        return;
    case BearerOutcome::Kind::Unavailable:
        ctx.addTrace("auth", "deny", outcome.error.message, "/auth/jwt");
        ctx.answer = unauthorized(challenge("invalid_token", "The token cannot be verified: no verification key."),
                                  "Could not validate credentials");
        return;
    case BearerOutcome::Kind::Refused:
        ctx.addTrace("auth", "deny",
                     "The bearer token was refused (" + outcome.error.code + "): " + outcome.error.message, where);
        ctx.answer = unauthorized(challenge("invalid_token", outcome.error.message), "Could not validate credentials");
        return;
    }
}

} // namespace pc
