// SPDX-License-Identifier: Apache-2.0
// CompiledPolicy: a Policy compiled into the request pipeline (DESIGN.md,
// "The request pipeline"). compile() checks every stage and reports every
// located error at once; evaluate() then answers requests without throwing or
// blocking. Immutable after compile() and shared between threads through
// shared_ptr<const>; keeps its own copy of the Policy, which its stages point into.
#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "engine/CompileOptions.h"
#include "engine/Decision.h"
#include "engine/HttpRequest.h"
#include "engine/PipelineStage.h"
#include "policy/Policy.h"

#include <memory>
#include <string_view>
#include <vector>

namespace pc {

class RateLimitStore;

class CompiledPolicy {
public:
    [[nodiscard]] static Result<std::shared_ptr<const CompiledPolicy>> compile(const Policy& policy,
                                                                               const CompileOptions& options = {});
    ~CompiledPolicy();
    CompiledPolicy(const CompiledPolicy&) = delete;
    CompiledPolicy& operator=(const CompiledPolicy&) = delete;

    // Runs the request stages until one answers (later request stages are
    // skipped, except those that only add headers, such as CORS), then the
    // response stages. A route served by the upstream yields a pending
    // Decision (forward = true, status 0): the server forwards the request to
    // Decision::upstream and hands the answer to completeUpstream().
    // Never throws: an internal failure becomes a 500 with the reason in the trace.
    [[nodiscard]] Decision evaluate(const HttpRequest& request, SystemTime now, RateLimitStore& store) const;

    // Runs the response stages (filtering, headers) on the upstream's answer to
    // `pending`. A status outside 100-599 becomes 502. Returns `pending`
    // unchanged when it was not a forward decision. Never throws.
    [[nodiscard]] Decision completeUpstream(const Decision& pending, int status, std::vector<HeaderField> headers,
                                            std::string body) const;

    [[nodiscard]] const Policy& policy() const { return m_policy; }
    // Stage names in the order they run, request stages first ("limits", "routing", ...).
    [[nodiscard]] std::vector<std::string_view> stageNames() const;

private:
    struct Slot {
        std::unique_ptr<PipelineStage> stage;
        bool runsAfterAnswer = false;
    };

    explicit CompiledPolicy(const Policy& policy);
    void runResponseStages(RequestContext& ctx) const;
    [[nodiscard]] Decision finish(RequestContext& ctx) const;
    [[nodiscard]] Decision failSafe(RequestContext& ctx, std::string_view what) const;

    Policy m_policy;
    std::vector<Slot> m_requestStages;
    std::vector<std::unique_ptr<PipelineStage>> m_responseStages;
    bool m_hasCors = false;
    std::unique_ptr<RateLimitStore> m_idleStore; // completeUpstream() has no store; response stages never use it
};

} // namespace pc
