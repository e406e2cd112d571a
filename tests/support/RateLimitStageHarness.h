// SPDX-License-Identifier: Apache-2.0
// Test-only: runs RateLimitStage on its own. Builds a policy from named limits
// and the limits of each route, runs one request through the stage at a given
// time, and keeps what the stage answered, added and traced. Header-only.
#pragma once

#include "engine/RateLimitStage.h"
#include "engine/RateLimitStore.h"

#include <QMetaType>
#include <QtGlobal>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

Q_DECLARE_METATYPE(pc::RateStrategy)
Q_DECLARE_METATYPE(pc::RateHeaderStyle)

namespace pc::test::ratelimit {

inline const pc::SystemTime kT0 = pc::SystemTime(std::chrono::seconds(1'699'999'200));
inline const std::int64_t kT0Seconds = 1'699'999'200;

inline pc::RateLimit limit(std::string name, std::string spec,
                           pc::RateStrategy strategy = pc::RateStrategy::FixedWindow)
{
    pc::RateLimit l;
    l.name = std::move(name);
    l.limit = std::move(spec);
    l.strategy = strategy;
    return l;
}

inline pc::Policy policy(std::vector<pc::RateLimit> limits, std::vector<std::vector<std::string>> routes)
{
    pc::Policy p;
    p.rateLimits = std::move(limits);
    for (std::size_t i = 0; i < routes.size(); ++i) {
        pc::Route r;
        r.id = "route-" + std::to_string(i);
        r.methods = {"GET"};
        r.path = "/r" + std::to_string(i);
        r.rateLimits = routes[i];
        p.routes.push_back(r);
    }
    return p;
}

inline std::unique_ptr<pc::RateLimitStage> compile(const pc::Policy& p)
{
    auto stage = pc::RateLimitStage::compile(p);
    if (!stage.ok()) {
        qWarning("%s", stage.error().toString().c_str());
        return nullptr;
    }
    return std::move(stage).value();
}

struct Request {
    std::string peer = "203.0.113.7";
    std::vector<pc::HeaderField> headers;
    std::optional<nlohmann::json> claims;
    int route = 0;
};

struct Outcome {
    int status = 200; // 200 when the stage did not answer
    std::string body;
    std::vector<pc::HeaderField> answerHeaders;
    std::vector<pc::HeaderField> headers; // ctx.responseHeaders
    std::vector<pc::TraceStep> trace;

    [[nodiscard]] std::string header(std::string_view name) const
    {
        for (const auto* list : {&answerHeaders, &headers}) {
            for (const auto& h : *list) {
                if (pc::equalsIgnoreCase(h.name, name)) {
                    return h.value;
                }
            }
        }
        return {};
    }
    [[nodiscard]] std::string traceText() const
    {
        std::string all;
        for (const auto& t : trace) {
            all += t.stage.str() + "|" + t.verdict.str() + "|" + t.reason + "|" + t.where + "\n";
        }
        return all;
    }
};

inline Outcome run(const pc::PipelineStage& stage, pc::RateLimitStore& store, pc::SystemTime now, const Request& r = {})
{
    pc::HttpRequest request;
    request.method = "GET";
    request.target = "/r" + std::to_string(r.route);
    request.peerAddress = r.peer;
    request.headers = r.headers;
    pc::RequestContext ctx(request, now, store);
    ctx.routeIndex = r.route;
    ctx.claims = r.claims;
    stage.run(ctx);
    Outcome out;
    if (ctx.answer) {
        out.status = ctx.answer->status;
        out.body = ctx.answer->body;
        out.answerHeaders = ctx.answer->headers;
    }
    out.headers = ctx.responseHeaders;
    out.trace = ctx.trace;
    return out;
}

inline bool contains(const std::string& haystack, const std::string& needle)
{
    return haystack.find(needle) != std::string::npos;
}

} // namespace pc::test::ratelimit
