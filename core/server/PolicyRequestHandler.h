// SPDX-License-Identifier: Apache-2.0
// PolicyRequestHandler: the test server's answers from a compiled policy. The
// engine decides; upstream answers go back through its response stages
// (streamed when the route filters no fields, else buffered, bounded). The
// policy swaps atomically (hot reload) over one RateLimitStore, so unchanged
// limits keep their counters; in-flight requests keep their policy. Thread-safe.
#pragma once

#include "server/RequestHandler.h"
#include "server/ServerConfig.h"

#include "common/Clock.h"
#include "common/Result.h"
#include "engine/CompileOptions.h"
#include "engine/CompiledPolicy.h"
#include "engine/RateLimitStore.h"

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>

namespace pc {

class PolicyRequestHandler final : public RequestHandler {
public:
    static constexpr std::size_t kDefaultMaxBufferedUpstreamBytes = 16 * 1024 * 1024;

    explicit PolicyRequestHandler(std::shared_ptr<const CompiledPolicy> policy,
                                  const Clock& clock = SystemClock::instance());
    ~PolicyRequestHandler() override;

    // Atomic; the next request sees the new policy.
    void setPolicy(std::shared_ptr<const CompiledPolicy> policy);
    // Compiles and swaps; on errors the current policy stays and the errors are returned.
    [[nodiscard]] Status reload(const Policy& policy, const CompileOptions& options = {});
    [[nodiscard]] std::shared_ptr<const CompiledPolicy> policy() const;
    [[nodiscard]] RateLimitStore& rateLimitStore() { return m_store; }
    // Upstream answers to routes that filter fields are buffered; beyond this they are refused (502).
    void setMaxBufferedUpstreamBytes(std::size_t bytes) { m_maxBuffered = bytes; }

    void handle(HttpRequest request, RequestScope scope) override;
    void decorateServerResponse(HttpResponse& response) const override;

    // The transport limits and timeouts the server should run with for `policy`: its
    // limits section, with the body limit raised to the largest a route allows.
    static void configure(ServerConfig& config, const Policy& policy);
    // Reverse-proxy mode (`serve --upstream`, the workbench's upstream field): every route
    // without an upstream of its own forwards to `upstream`.
    static void forwardAllTo(Policy& policy, const std::string& upstream);
    [[nodiscard]] static HttpResponse toResponse(Decision decision);

private:
    void forward(const std::shared_ptr<const CompiledPolicy>& policy, Decision pending, const HttpRequest& request,
                 RequestScope& scope) const;

    std::atomic<std::shared_ptr<const CompiledPolicy>> m_policy;
    RateLimitStore m_store;
    const Clock& m_clock;
    std::size_t m_maxBuffered = kDefaultMaxBufferedUpstreamBytes;
};

} // namespace pc
