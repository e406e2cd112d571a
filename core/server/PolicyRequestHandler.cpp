// SPDX-License-Identifier: Apache-2.0
#include "server/PolicyRequestHandler.h"

#include "server/UpstreamForwarder.h"

#include "engine/HeadersStage.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace pc {

namespace {

std::string detailJson(const std::string& reason)
{
    return nlohmann::json{{"detail", reason}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// What the engine's answer to a failed upstream exchange starts from.
struct UpstreamAnswer {
    int status = 0;
    std::vector<HeaderField> headers;
    std::string body;
};

} // namespace

PolicyRequestHandler::PolicyRequestHandler(std::shared_ptr<const CompiledPolicy> policy, const Clock& clock)
    : m_policy(std::move(policy)), m_clock(clock)
{
}

PolicyRequestHandler::~PolicyRequestHandler() = default;

void PolicyRequestHandler::setPolicy(std::shared_ptr<const CompiledPolicy> policy)
{
    if (policy) {
        m_policy.store(std::move(policy));
    }
}

Status PolicyRequestHandler::reload(const Policy& policy, const CompileOptions& options)
{
    auto compiled = CompiledPolicy::compile(policy, options);
    if (!compiled) {
        return compiled.errors();
    }
    setPolicy(std::move(compiled).value());
    return Ok{};
}

std::shared_ptr<const CompiledPolicy> PolicyRequestHandler::policy() const
{
    return m_policy.load();
}

void PolicyRequestHandler::forwardAllTo(Policy& policy, const std::string& upstream)
{
    policy.transport.upstream = upstream;
    for (Route& route : policy.routes) {
        if (route.upstream.empty()) {
            route.handler = RouteHandler::Upstream;
        }
    }
}

void PolicyRequestHandler::configure(ServerConfig& config, const Policy& policy)
{
    config.applyPolicy(policy.transport, policy.limits);
    for (const Route& route : policy.routes) {
        if (route.request.maxBodyBytes) {
            config.limits.maxBodyBytes = std::max(config.limits.maxBodyBytes, route.request.maxBodyBytes->bytes());
        }
    }
}

HttpResponse PolicyRequestHandler::toResponse(Decision decision)
{
    HttpResponse r;
    r.status = decision.status;
    r.headers = std::move(decision.headers);
    r.body = std::move(decision.body);
    r.trace = std::move(decision.trace);
    return r;
}

void PolicyRequestHandler::handle(HttpRequest request, RequestScope scope)
{
    const std::shared_ptr<const CompiledPolicy> policy = m_policy.load();
    Decision decision = policy->evaluate(request, m_clock.now(), m_store);
    if (!decision.forward) {
        scope.responder.send(toResponse(std::move(decision)));
        return;
    }
    forward(policy, std::move(decision), request, scope);
}

void PolicyRequestHandler::forward(const std::shared_ptr<const CompiledPolicy>& policy, Decision pending,
                                   const HttpRequest& request, RequestScope& scope) const
{
    // Decision::upstream is the upstream's base URL followed by the request target.
    std::string base = pending.upstream;
    if (base.size() >= request.target.size() &&
        base.compare(base.size() - request.target.size(), request.target.size(), request.target) == 0) {
        base.resize(base.size() - request.target.size());
    }
    auto url = UpstreamForwarder::parseUpstream(base);
    auto shared = std::make_shared<Decision>(std::move(pending));
    const Responder responder = scope.responder;

    // A failure still leaves through the engine's response stages (security headers, CORS).
    const auto fail = [policy, shared, responder](const UpstreamFailure& failure) {
        Decision pendingWithReason = *shared;
        pendingWithReason.trace.push_back({"handler", "deny", failure.reason, ""});
        Decision d = policy->completeUpstream(pendingWithReason, failure.status, {{"Content-Type", "application/json"}},
                                              detailJson(failure.reason));
        responder.send(toResponse(std::move(d)));
    };
    if (!url || scope.upstream == nullptr) {
        fail({502, url ? "The server has no upstream forwarder on this thread." : url.error().message});
        return;
    }

    const Route* route =
        shared->routeIndex >= 0 && static_cast<std::size_t>(shared->routeIndex) < policy->policy().routes.size()
            ? &policy->policy().routes[static_cast<std::size_t>(shared->routeIndex)]
            : nullptr;
    const bool filters = route == nullptr || !route->response.allowFields.empty();
    UpstreamCallbacks cb;
    cb.onFailure = fail;
    cb.stillWanted = [responder] { return responder.connected(); };

    if (!filters) {
        // Nothing to filter: the engine finishes the head, the body streams through.
        struct Stream {
            bool started = false;
            bool replaced = false; // the engine answered instead of the upstream
        };
        auto state = std::make_shared<Stream>();
        cb.onHead = [policy, shared, responder, state](UpstreamHead head) {
            Decision d = policy->completeUpstream(*shared, head.status, std::move(head.headers), {});
            if (d.status != head.status || !d.body.empty()) {
                state->replaced = true;
                responder.send(toResponse(std::move(d)));
                return;
            }
            state->started = true;
            responder.beginStream(toResponse(std::move(d)), head.contentLength);
        };
        cb.onBody = [responder, state](std::string_view chunk) {
            if (state->started) {
                responder.write(chunk);
            }
        };
        cb.onEnd = [responder, state] {
            if (state->started) {
                responder.end();
            }
        };
        cb.onFailure = [fail, responder, state](UpstreamFailure failure) {
            if (state->started) {
                responder.abort(failure.reason);
            } else if (!state->replaced) {
                fail(failure);
            }
        };
        cb.canTakeBody = [responder] { return responder.writable(); };
        cb.whenCanTakeBody = [responder](std::function<void()> resume) { responder.onWritable(std::move(resume)); };
    } else {
        // Response filtering needs the whole body: collect it, bounded.
        struct Collected {
            UpstreamAnswer answer;
            bool tooLarge = false;
        };
        auto state = std::make_shared<Collected>();
        const std::size_t limit = m_maxBuffered;
        cb.onHead = [state](UpstreamHead head) {
            state->answer.status = head.status;
            state->answer.headers = std::move(head.headers);
        };
        cb.onBody = [state, limit](std::string_view chunk) {
            if (state->answer.body.size() + chunk.size() > limit) {
                state->tooLarge = true;
                return;
            }
            state->answer.body.append(chunk);
        };
        cb.onEnd = [policy, shared, responder, state, fail, limit] {
            if (state->tooLarge) {
                fail({502, "The upstream's answer is larger than " + std::to_string(limit) +
                               " bytes, the most the test server buffers to filter response fields."});
                return;
            }
            Decision d = policy->completeUpstream(*shared, state->answer.status, std::move(state->answer.headers),
                                                  std::move(state->answer.body));
            responder.send(toResponse(std::move(d)));
        };
    }
    scope.upstream->forward(*url, request, scope.connection, std::move(cb));
}

void PolicyRequestHandler::decorateServerResponse(HttpResponse& response) const
{
    const std::shared_ptr<const CompiledPolicy> policy = m_policy.load();
    const HeaderPolicy& headers = policy->policy().headers;
    std::erase_if(response.headers, [&](const HeaderField& h) {
        return std::any_of(headers.remove.begin(), headers.remove.end(),
                           [&](const std::string& name) { return equalsIgnoreCase(name, h.name); });
    });
    const std::vector<HeaderField> rendered = headers.rendered();
    for (const HeaderField& h : rendered) {
        HeadersStage::merge(response.headers, h);
    }
    if (!rendered.empty()) {
        response.trace.push_back({"headers", "set",
                                  "The server answered this request itself; the policy's response headers were "
                                  "added to its answer.",
                                  "/headers/set"});
    }
}

} // namespace pc
