// SPDX-License-Identifier: Apache-2.0
// RequestContext: the scratch state of one evaluation, passed through the
// pipeline stages in order. Owned by CompiledPolicy::evaluate() on its stack;
// never shared between threads. A stage that answers the request sets
// `answer`; the remaining request stages are skipped, but the response stages
// (filtering, headers) still run so every response carries the security headers.
#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "engine/Decision.h"
#include "engine/HttpRequest.h"
#include "policy/Route.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pc {

class RateLimitStore;

struct StageAnswer {
    int status = 200;
    std::vector<HeaderField> headers;
    std::string body;
    // Body as JSON when the handler produced JSON, so response filtering can
    // work on it before it is serialised into `body`.
    std::optional<nlohmann::json> json;
};

// What the token stage found about the request's bearer token, so that the
// auth stage (and anything after it) never verifies the same token twice.
struct BearerCheck {
    enum class Kind {
        NotRun,        // no token stage ran
        NotConfigured, // the policy has no auth.jwt
        NoToken,       // no Authorization header, or another scheme
        Malformed,     // "Bearer" without a usable token, or several Authorization headers
        Unavailable,   // a token was given, but the verification key could not be loaded
        Refused,       // the token did not verify; `error` says why
        Verified,      // the claims are in RequestContext::claims
    };
    Kind kind = Kind::NotRun;
    Error error; // for Malformed, Unavailable and Refused
};

struct RequestContext {
    RequestContext(const HttpRequest& req, SystemTime at, RateLimitStore& store)
        : request(req), now(at), rateLimitStore(store)
    {
    }

    const HttpRequest& request;
    const SystemTime now;
    RateLimitStore& rateLimitStore;

    std::string path; // percent-decoded path the router matched on
    bool preflight = false;

    // Routing result
    int routeIndex = -1;
    const Route* route = nullptr;
    std::vector<std::pair<std::string, std::string>> pathParams; // name -> raw value, in template order

    BearerCheck bearer;                   // set by the token stage
    std::optional<nlohmann::json> claims; // verified JWT claims, once the token has been verified
    nlohmann::json validated;             // validated input, by location ("body", "query", ...), for echo

    std::vector<HeaderField> responseHeaders; // added by stages (CORS, rate limit) to whatever answer leaves
    std::vector<TraceStep> trace;

    std::optional<StageAnswer> answer; // set by the stage that answers
    bool forward = false;              // the handler wants the upstream to answer
    std::string upstream;

    // Stage and verdict are static names; reason and where are moved once into
    // the step, because evaluate() is measured per request (tests/bench).
    void addTrace(TraceName stage, TraceName verdict, std::string reason, std::string where = {})
    {
        trace.emplace_back(stage, verdict, std::move(reason), std::move(where));
    }
};

} // namespace pc
