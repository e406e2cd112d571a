// SPDX-License-Identifier: Apache-2.0
#include "engine/CompiledPolicy.h"

#include "auth/AuthStage.h"
#include "auth/TokenStage.h"
#include "engine/BodyLimitsStage.h"
#include "engine/CorsStage.h"
#include "engine/DetailAnswer.h"
#include "engine/HandlerStage.h"
#include "engine/HeadersStage.h"
#include "engine/LimitsStage.h"
#include "engine/RateLimitStage.h"
#include "engine/RateLimitStore.h"
#include "engine/ResponseFilterStage.h"
#include "engine/RoutingStage.h"
#include "engine/ValidationStage.h"

namespace pc {
namespace {

using StageCompiler = Result<std::unique_ptr<PipelineStage>> (*)(const Policy&, const CompileOptions&);

template <class Stage>
Result<std::unique_ptr<PipelineStage>> compileStage(const Policy& policy, const CompileOptions& options)
{
    Result<std::unique_ptr<Stage>> stage = Stage::compile(policy, options);
    if (!stage) {
        return std::move(stage).takeErrors();
    }
    return std::unique_ptr<PipelineStage>(std::move(stage).value());
}

struct StageEntry {
    StageCompiler compile;
    // Stages that only add response headers also run after an earlier stage
    // answered, so that error answers carry them too (CORS on a 404).
    bool runsAfterAnswer = false;
};

// The request pipeline, in order (DESIGN.md). Adding a stage is one line here
// (plus its #include): a class with
//   static Result<std::unique_ptr<S>> compile(const Policy&, const CompileOptions&)
// deriving from PipelineStage. Stages compile from CompiledPolicy's own copy
// of the Policy and may keep pointers into it.
const StageEntry kRequestStages[] = {
    {&compileStage<LimitsStage>},
    {&compileStage<RoutingStage>},
    {&compileStage<BodyLimitsStage>},
    {&compileStage<CorsStage>, true},
    // Verify a bearer token before rate limiting, so jwt_claim keys only use verified claims.
    {&compileStage<TokenStage>},
    {&compileStage<RateLimitStage>},
    {&compileStage<AuthStage>},
    {&compileStage<ValidationStage>},
    {&compileStage<HandlerStage>},
};

// Response stages run on every answer, errors included.
const StageEntry kResponseStages[] = {
    {&compileStage<ResponseFilterStage>},
    {&compileStage<HeadersStage>},
};

std::string_view lastHandlerWhere(const std::vector<TraceStep>& trace)
{
    for (auto it = trace.rbegin(); it != trace.rend(); ++it) {
        if (it->stage == "handler") {
            return it->where;
        }
    }
    return {};
}

} // namespace

CompiledPolicy::CompiledPolicy(const Policy& policy)
    : m_policy(policy), m_hasCors(policy.cors.has_value()), m_idleStore(std::make_unique<RateLimitStore>())
{
}

CompiledPolicy::~CompiledPolicy() = default;

Result<std::shared_ptr<const CompiledPolicy>> CompiledPolicy::compile(const Policy& policy,
                                                                      const CompileOptions& options)
{
    std::shared_ptr<CompiledPolicy> compiled(new CompiledPolicy(policy));
    Errors errors;
    const auto build = [&](const StageEntry& entry) -> std::unique_ptr<PipelineStage> {
        Result<std::unique_ptr<PipelineStage>> stage = entry.compile(compiled->m_policy, options);
        if (!stage) {
            const Errors& more = stage.errors();
            errors.insert(errors.end(), more.begin(), more.end());
            return nullptr;
        }
        return std::move(stage).value();
    };
    for (const StageEntry& entry : kRequestStages) {
        compiled->m_requestStages.push_back({build(entry), entry.runsAfterAnswer});
    }
    for (const StageEntry& entry : kResponseStages) {
        compiled->m_responseStages.push_back(build(entry));
    }
    if (!errors.empty()) {
        return errors;
    }
    return std::shared_ptr<const CompiledPolicy>(std::move(compiled));
}

std::vector<std::string_view> CompiledPolicy::stageNames() const
{
    std::vector<std::string_view> names;
    for (const Slot& slot : m_requestStages) {
        names.push_back(slot.stage->name());
    }
    for (const auto& stage : m_responseStages) {
        names.push_back(stage->name());
    }
    return names;
}

Decision CompiledPolicy::evaluate(const HttpRequest& request, SystemTime now, RateLimitStore& store) const
{
    RequestContext ctx(request, now, store);
    try {
        // One step per stage (11), and a few stages add one more; 12 steps of 80 bytes stay a small allocation.
        ctx.trace.reserve(12);
        ctx.preflight = m_hasCors && CorsStage::isPreflight(request);
        for (const Slot& slot : m_requestStages) {
            if (ctx.forward) {
                break;
            }
            if (ctx.answer && !slot.runsAfterAnswer) {
                continue;
            }
            slot.stage->run(ctx);
        }
        if (ctx.forward && !ctx.answer) {
            Decision pending;
            pending.status = 0;
            pending.forward = true;
            pending.upstream = std::move(ctx.upstream);
            pending.routeIndex = ctx.routeIndex;
            pending.pendingHeaders = std::move(ctx.responseHeaders);
            pending.trace = std::move(ctx.trace);
            return pending;
        }
        if (!ctx.answer) {
            return failSafe(ctx, "no stage answered the request");
        }
        runResponseStages(ctx);
        return finish(ctx);
    } catch (const std::exception& e) {
        return failSafe(ctx, e.what());
    } catch (...) {
        return failSafe(ctx, "an unknown exception");
    }
}

Decision CompiledPolicy::completeUpstream(const Decision& pending, int status, std::vector<HeaderField> headers,
                                          std::string body) const
{
    if (!pending.forward) {
        return pending;
    }
    const HttpRequest noRequest;
    RequestContext ctx(noRequest, SystemTime{}, *m_idleStore);
    try {
        ctx.forward = true;
        ctx.upstream = pending.upstream;
        ctx.routeIndex = pending.routeIndex;
        if (pending.routeIndex >= 0 && static_cast<size_t>(pending.routeIndex) < m_policy.routes.size()) {
            ctx.route = &m_policy.routes[static_cast<size_t>(pending.routeIndex)];
        }
        ctx.responseHeaders = pending.pendingHeaders;
        ctx.trace = pending.trace;
        StageAnswer answer;
        if (status < 100 || status > 599) {
            answer = DetailAnswer::make(502, "Bad Gateway");
            ctx.forward = false; // the engine wrote this body
            ctx.addTrace("handler", "answer",
                         "The upstream answered with the invalid status " + std::to_string(status) +
                             ", so the answer is 502.",
                         std::string(lastHandlerWhere(pending.trace)));
        } else {
            answer.status = status;
            answer.headers = std::move(headers);
            answer.body = std::move(body);
            ctx.addTrace("handler", "answer", "The upstream answered " + std::to_string(status) + ".",
                         std::string(lastHandlerWhere(pending.trace)));
        }
        ctx.answer = std::move(answer);
        runResponseStages(ctx);
        Decision done = finish(ctx);
        done.upstream = pending.upstream;
        return done;
    } catch (const std::exception& e) {
        return failSafe(ctx, e.what());
    } catch (...) {
        return failSafe(ctx, "an unknown exception");
    }
}

void CompiledPolicy::runResponseStages(RequestContext& ctx) const
{
    for (const auto& stage : m_responseStages) {
        stage->run(ctx);
    }
}

Decision CompiledPolicy::finish(RequestContext& ctx) const
{
    Decision decision;
    StageAnswer& answer = *ctx.answer;
    decision.status = answer.status;
    decision.headers = std::move(answer.headers);
    decision.body = std::move(answer.body);
    decision.trace = std::move(ctx.trace);
    decision.routeIndex = ctx.routeIndex;
    return decision;
}

Decision CompiledPolicy::failSafe(RequestContext& ctx, std::string_view what) const
{
    // Keep the trace so far, and still try to send the security headers.
    try {
        ctx.forward = false;
        ctx.answer = DetailAnswer::make(500, "Internal Server Error");
        ctx.addTrace("engine", "deny",
                     "The evaluation stopped because of " + std::string(what) + "; the request is answered with 500.");
        m_responseStages.back()->run(ctx);
        return finish(ctx);
    } catch (...) {
        Decision bare;
        bare.status = 500;
        bare.body = R"({"detail":"Internal Server Error"})";
        bare.headers = {{"Content-Type", "application/json"}, {"Content-Length", std::to_string(bare.body.size())}};
        return bare;
    }
}

} // namespace pc
