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
    // What filtering one JSON text gives.
    struct TextResult {
        enum class Kind { NotJson, NotContainer, TooDeep, AllAllowed, Filtered };
        Kind kind = Kind::NotJson;
        std::string body;   // Filtered: the new body
        std::string reason; // AllAllowed, Filtered: the trace reason
    };
    struct RouteFilter {
        std::optional<FieldFilter> filter;
        std::string where;
        // A mock's body is known at compile time, so its filtered form is too.
        std::string mockInput;
        std::optional<TextResult> mockResult;
    };

    ResponseFilterStage() = default;
    [[nodiscard]] static TextResult filterText(const FieldFilter& filter, const std::string& body);
    [[nodiscard]] static std::string droppedReason(const std::vector<std::string>& dropped);
    static void skip(RequestContext& ctx, std::string reason, const std::string& where);

    std::vector<RouteFilter> m_routes;
};

} // namespace pc
