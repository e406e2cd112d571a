// SPDX-License-Identifier: Apache-2.0
// BodyLimitsStage: runs right after routing because a route may override the
// body limits. Refuses bodies over request.max_body_bytes (else
// limits.max_body_bytes) with 413, judging the declared Content-Length as well
// as the body received, and bodies whose media type is outside
// request.content_types (else limits.content_types) with 415; media types
// compare case-insensitively, parameters ignored, "type/*" and "*/*" allowed.
// Traces as stage "limits". Immutable; run() is thread-safe.
#pragma once

#include "common/Result.h"
#include "engine/CompileOptions.h"
#include "engine/PipelineStage.h"
#include "policy/Policy.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace pc {

class BodyLimitsStage final : public PipelineStage {
public:
    [[nodiscard]] static Result<std::unique_ptr<BodyLimitsStage>> compile(const Policy& policy,
                                                                          const CompileOptions& options);
    [[nodiscard]] std::string_view name() const override { return "limits"; }
    void run(RequestContext& ctx) const override;

private:
    struct Rules {
        std::uint64_t maxBodyBytes = 0;
        std::string maxBodyWhere;
        std::vector<std::string> contentTypes; // lower-case media ranges; empty = any
        std::string contentTypesWhere;
        std::string contentTypesText; // for messages: "application/json, text/plain"
    };

    BodyLimitsStage() = default;
    [[nodiscard]] const Rules& rulesFor(const RequestContext& ctx) const;

    Rules m_defaults;
    std::vector<Rules> m_routes; // by route index
};

} // namespace pc
