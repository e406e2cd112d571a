// SPDX-License-Identifier: Apache-2.0
#include "engine/RoutingStage.h"

#include "common/JsonPointer.h"
#include "engine/DetailAnswer.h"
#include "engine/HttpText.h"
#include "engine/UrlPath.h"

namespace pc {

Result<std::unique_ptr<RoutingStage>> RoutingStage::compile(const Policy& policy, const CompileOptions& /*options*/)
{
    Result<Router> router = Router::compile(policy.routes);
    if (!router) {
        return std::move(router).takeErrors();
    }
    std::unique_ptr<RoutingStage> stage(new RoutingStage(std::move(router).value()));
    for (size_t i = 0; i < policy.routes.size(); ++i) {
        const Route& route = policy.routes[i];
        RouteInfo info;
        info.route = &route;
        info.where = JsonPointer::join("/routes", i);
        std::string methods;
        for (const std::string& m : route.methods) {
            methods += (methods.empty() ? "" : ",") + m;
        }
        info.matchedReason = "The request matches route " + std::to_string(i) +
                             (route.id.empty() ? std::string() : " (\"" + route.id + "\")") + ": " + methods + " " +
                             route.path + ".";
        stage->m_routes.push_back(std::move(info));
    }
    stage->m_notFoundBody = DetailAnswer::body("Not Found");
    stage->m_methodNotAllowedBody = DetailAnswer::body("Method Not Allowed");
    return stage;
}

void RoutingStage::run(RequestContext& ctx) const
{
    if (ctx.preflight) {
        ctx.addTrace("routing", "skip",
                     "This is a CORS preflight (OPTIONS with Origin and Access-Control-Request-Method); the CORS "
                     "stage answers it for every path, before any route runs.",
                     "/cors");
        return;
    }
    const UrlPath::Problem problem = UrlPath::decode(ctx.request.path(), ctx.path);
    if (problem != UrlPath::Problem::None) {
        ctx.answer = DetailAnswer::make(400, "Bad Request");
        ctx.addTrace("routing", "deny",
                     "The request is refused with 400 because " + std::string(UrlPath::describe(problem)) + ": \"" +
                         HttpText::excerpt(ctx.request.path()) + "\".",
                     "/routes");
        return;
    }
    const Router::Match match = m_router.match(ctx.request.method, ctx.path, &ctx.pathParams);
    switch (match.outcome) {
    case Router::Match::Outcome::Found: {
        const RouteInfo& info = m_routes[static_cast<size_t>(match.routeIndex)];
        ctx.routeIndex = match.routeIndex;
        ctx.route = info.route;
        ctx.addTrace("routing", "pass", info.matchedReason, info.where);
        return;
    }
    case Router::Match::Outcome::NotFound: {
        StageAnswer answer;
        answer.status = 404;
        answer.headers.push_back({"Content-Type", std::string(DetailAnswer::kJsonContentType)});
        answer.body = m_notFoundBody;
        ctx.answer = std::move(answer);
        ctx.addTrace("routing", "deny",
                     "No route matches the path \"" + HttpText::excerpt(ctx.path) + "\", so the answer is 404.",
                     "/routes");
        return;
    }
    case Router::Match::Outcome::MethodNotAllowed: {
        StageAnswer answer;
        answer.status = 405;
        answer.headers.push_back({"Content-Type", std::string(DetailAnswer::kJsonContentType)});
        answer.headers.push_back({"Allow", match.allow});
        answer.body = m_methodNotAllowedBody;
        ctx.answer = std::move(answer);
        ctx.addTrace("routing", "deny",
                     "Routes match the path \"" + HttpText::excerpt(ctx.path) + "\" but none accepts the method " +
                         HttpText::excerpt(ctx.request.method, 40) + "; the answer is 405 with Allow: " + match.allow +
                         ".",
                     m_routes[static_cast<size_t>(match.routeIndex)].where + "/methods");
        return;
    }
    }
}

} // namespace pc
