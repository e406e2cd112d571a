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

const std::string kNoRoute = "/auth";

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
    std::vector<std::string> pointers;
    for (std::size_t i = 0; i < policy.routes.size(); ++i) {
        pointers.push_back("/routes/" + std::to_string(i) + "/auth");
    }
    return std::make_unique<AuthStage>(std::move(auth.value()), std::move(pointers));
}

void AuthStage::run(RequestContext& ctx) const
{
    const std::string& where = ctx.routeIndex >= 0 && static_cast<std::size_t>(ctx.routeIndex) < m_routePointers.size()
                                   ? m_routePointers[static_cast<std::size_t>(ctx.routeIndex)]
                                   : kNoRoute;
    if (ctx.route == nullptr || ctx.route->auth != RouteAuth::Bearer) {
        ctx.addTrace("auth", "skip", "The route needs no authentication.", where);
        return;
    }
    if (ctx.claims) {
        ctx.addTrace("auth", "pass", "The route needs a bearer token and the request carries a verified one.", where);
        return;
    }
    // The token stage says why there are no claims; without it in the
    // pipeline (unit tests of this stage alone), verify here.
    BearerCheck outcome = ctx.bearer;
    if (outcome.kind == BearerCheck::Kind::NotRun) {
        BearerOutcome own = m_auth->authenticate(ctx.request, ctx.now);
        outcome = {own.kind, own.error};
        if (own.token) {
            ctx.claims = std::move(own.token->claims);
        }
    }
    switch (outcome.kind) {
    case BearerCheck::Kind::NotRun:
    case BearerCheck::Kind::Verified:
        ctx.addTrace("auth", "pass", "The route needs a bearer token and the request carries a verified one.", where);
        return;
    case BearerCheck::Kind::NoToken:
        ctx.addTrace("auth", "deny",
                     "The route needs a bearer token and the request carries none." +
                         (m_auth->available() ? std::string() : " " + m_auth->unavailableReason()),
                     where);
        ctx.answer = unauthorized("Bearer", "Not authenticated");
        return;
    case BearerCheck::Kind::NotConfigured:
        ctx.addTrace("auth", "deny", "The route needs a bearer token, but the policy has no auth.jwt to verify it.",
                     where);
        ctx.answer = unauthorized("Bearer", "Not authenticated");
        return;
    case BearerCheck::Kind::Malformed:
        ctx.addTrace("auth", "deny", outcome.error.message, where);
        ctx.answer = unauthorized(challenge("invalid_request", outcome.error.message), "Not authenticated");
        return;
    case BearerCheck::Kind::Unavailable:
        ctx.addTrace("auth", "deny", outcome.error.message, "/auth/jwt");
        ctx.answer = unauthorized(challenge("invalid_token", "The token cannot be verified: no verification key."),
                                  "Could not validate credentials");
        return;
    case BearerCheck::Kind::Refused:
        ctx.addTrace("auth", "deny",
                     "The bearer token was refused (" + outcome.error.code + "): " + outcome.error.message, where);
        ctx.answer = unauthorized(challenge("invalid_token", outcome.error.message), "Could not validate credentials");
        return;
    }
}

} // namespace pc
