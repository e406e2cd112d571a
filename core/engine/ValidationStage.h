// SPDX-License-Identifier: Apache-2.0
// ValidationStage: pipeline stage 6 — validates the matched route's path
// parameters, query, headers and JSON body against its schemas and answers
// 422 {"detail":[...]} exactly as FastAPI would (validation.md §2), or 400
// where FastAPI cannot even decode the body. On success it stores the
// validated values in ctx.validated {"path", "query", "headers", "body"}.
// Compiled once from a Policy; immutable; run() is thread-safe.
#pragma once

#include "common/Result.h"
#include "engine/CompileOptions.h"
#include "engine/PipelineStage.h"
#include "engine/SchemaValidator.h"
#include "policy/Policy.h"

#include <memory>
#include <string>
#include <vector>

namespace pc {

class ValidationStage final : public PipelineStage {
public:
    [[nodiscard]] static Result<std::unique_ptr<ValidationStage>> compile(const Policy& policy,
                                                                          const CompileOptions& options = {});

    [[nodiscard]] std::string_view name() const override { return "validation"; }
    void run(RequestContext& ctx) const override;

    // The compiled schemas, for the GUI's "try it" box and the simulator.
    [[nodiscard]] const SchemaValidator& validator() const { return m_validator; }

private:
    struct RouteSchemas {
        std::string body, query, path, headers; // schema names; empty = none
        std::string pointer;                    // /routes/<i>/request
        std::uint64_t maxBodyBytes = 0;
    };

    explicit ValidationStage(SchemaValidator validator) : m_validator(std::move(validator)) {}

    SchemaValidator m_validator;
    std::vector<RouteSchemas> m_routes; // by route index
    int m_maxJsonDepth = 32;
};

} // namespace pc
