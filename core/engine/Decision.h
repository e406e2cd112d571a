// SPDX-License-Identifier: Apache-2.0
// Decision: what the API answers to one request, and why. Every pipeline stage
// appends a TraceStep naming its verdict, the reason, and the JSON pointer of
// the policy part that decided. Plain data, safe to copy between threads.
#pragma once

#include "engine/TraceName.h"
#include "policy/HeaderField.h"

#include <string>
#include <vector>

namespace pc {

struct TraceStep {
    TraceName
        stage; // "limits", "routing", "cors", "rate_limit", "auth", "validation", "handler", "response", "headers"
    TraceName verdict;  // "pass", "deny", "answer", "skip", "set"; "forward" (handler), "filter" (response)
    std::string reason; // a sentence for people
    std::string where;  // JSON pointer into the policy, "" when no single part decided
    bool operator==(const TraceStep&) const = default;
};

struct Decision {
    int status = 200;
    std::vector<HeaderField> headers;
    std::string body;
    std::vector<TraceStep> trace;

    // Reverse-proxy routes: the server must forward the request to `upstream`
    // (the absolute URL: upstream base + request target) and hand the answer to
    // CompiledPolicy::completeUpstream(). A pending decision has status 0.
    bool forward = false;
    std::string upstream;
    int routeIndex = -1; // matched route, -1 when none

    // Headers the engine computed before the handler (CORS, rate limit) that
    // completeUpstream() must keep.
    std::vector<HeaderField> pendingHeaders;
};

} // namespace pc
