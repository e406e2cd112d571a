// SPDX-License-Identifier: Apache-2.0
// ResponseFilterStage: the first response stage. On a successful (2xx) JSON
// answer of a route with response.allow_fields, drops every field outside the
// allowed dotted paths (see FieldFilter), from mocks, echoes and upstream
// answers alike, and says in the trace which field names it dropped. Error
// answers (4xx/5xx, FastAPI's HTTPException shape) and non-JSON bodies pass
// untouched, like FastAPI's response_model. Immutable; run() is thread-safe.
#pragma once

#include "common/Result.h"
#include "engine/CompileOptions.h"
#include "engine/FieldFilter.h"
#include "engine/PipelineStage.h"
#include "policy/Policy.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pc {

class ResponseFilterStage final : public PipelineStage {
public:
    [[nodiscard]] static Result<std::unique_ptr<ResponseFilterStage>> compile(const Policy& policy,
                                                                              const CompileOptions& options);
    [[nodiscard]] std::string_view name() const override { return "response"; }
    void run(RequestContext& ctx) const override;
    static constexpr std::size_t kMaxFilterDepth = 256;

private:
    struct RouteFilter {
        std::optional<FieldFilter> filter;
        std::string where;
    };

    ResponseFilterStage() = default;
    void skip(RequestContext& ctx, std::string reason, const std::string& where) const;

    std::vector<RouteFilter> m_routes;
};

} // namespace pc
