// SPDX-License-Identifier: Apache-2.0
// RoutingStage: finds the route for the request's method and percent-decoded
// path (see Router for precedence). Answers 400 for paths that are malformed
// or climb with "." / ".." segments, 404 {"detail":"Not Found"} and 405
// {"detail":"Method Not Allowed"} with an Allow header. CORS preflights pass
// through untouched: the CORS stage answers them for every path, as Starlette's
// middleware does. Immutable; run() is thread-safe.
#pragma once

#include "common/Result.h"
#include "engine/CompileOptions.h"
#include "engine/PipelineStage.h"
#include "engine/Router.h"
#include "policy/Policy.h"

#include <memory>
#include <string>
#include <vector>

namespace pc {

class RoutingStage final : public PipelineStage {
public:
    // Keeps pointers into `policy.routes`: the policy must outlive the stage.
    [[nodiscard]] static Result<std::unique_ptr<RoutingStage>> compile(const Policy& policy,
                                                                       const CompileOptions& options);
    [[nodiscard]] std::string_view name() const override { return "routing"; }
    void run(RequestContext& ctx) const override;
    [[nodiscard]] const Router& router() const { return m_router; }

private:
    struct RouteInfo {
        const Route* route = nullptr;
        std::string matchedReason;
        std::string where;
    };

    explicit RoutingStage(Router router) : m_router(std::move(router)) {}

    Router m_router;
    std::vector<RouteInfo> m_routes;
    std::string m_notFoundBody;
    std::string m_methodNotAllowedBody;
};

} // namespace pc
