// SPDX-License-Identifier: Apache-2.0
// HandlerStage: the last request stage, answering for the matched route.
// mock: the route's status, headers and JSON body (pre-rendered at compile time);
// echo: the validated input (ctx.validated) or, when no validation ran, the
// method, path, query, headers and body, with credential values redacted;
// upstream: asks the server to forward the request (ctx.forward, ctx.upstream =
// route.upstream or transport.upstream joined with the request target).
// Immutable; run() is thread-safe.
#pragma once

#include "common/Result.h"
#include "engine/CompileOptions.h"
#include "engine/PipelineStage.h"
#include "policy/Policy.h"

#include <memory>
#include <string>
#include <vector>

namespace pc {

class HandlerStage final : public PipelineStage {
public:
    [[nodiscard]] static Result<std::unique_ptr<HandlerStage>> compile(const Policy& policy,
                                                                       const CompileOptions& options);
    [[nodiscard]] std::string_view name() const override { return "handler"; }
    void run(RequestContext& ctx) const override;

    // Replaces credential values in an object of headers (any key case).
    static void redactHeaders(nlohmann::json& headers, const std::vector<std::string>& lowerNames);
    // Why `url` cannot be an upstream base URL; empty when it can.
    [[nodiscard]] static std::string upstreamProblem(std::string_view url);

private:
    struct Compiled {
        RouteHandler kind = RouteHandler::Mock;
        int status = 200;
        std::vector<HeaderField> headers;
        std::string body;
        std::string upstream; // base URL without trailing '/'
        std::string reason;
        std::string where;
    };

    HandlerStage() = default;
    void runEcho(RequestContext& ctx, const Compiled& compiled) const;

    std::vector<Compiled> m_routes;
    std::vector<std::string> m_redacted; // lower-case header names whose values are never echoed
    std::size_t m_maxJsonDepth = 32;     // deeper JSON bodies are echoed as text
};

} // namespace pc
