// SPDX-License-Identifier: Apache-2.0
// PipelineStage: one step of the request pipeline (DESIGN.md, "The request
// pipeline"). Stages are compiled once from a Policy, are immutable afterwards
// and run concurrently from many threads: run() must not modify the stage.
#pragma once

#include "engine/RequestContext.h"

#include <string_view>

namespace pc {

class PipelineStage {
public:
    virtual ~PipelineStage() = default;
    [[nodiscard]] virtual std::string_view name() const = 0;
    // Appends at least one trace step; sets ctx.answer to stop the request stages.
    virtual void run(RequestContext& ctx) const = 0;
};

} // namespace pc
