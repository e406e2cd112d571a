// SPDX-License-Identifier: Apache-2.0
#include "simulation/RateLimitSimulation.h"

#include "engine/CompiledPolicy.h"
#include "engine/RateLimitStore.h"

#include <chrono>

namespace pc {
namespace {

Policy policyFor(const RateLimit& limit, RateStrategy strategy, const std::string& apiKeyHeader)
{
    Policy policy;
    policy.name = "rate-limit simulation";
    RateLimit tried = limit;
    tried.strategy = strategy;
    // Leaky and token buckets need room for at least one request.
    if ((strategy == RateStrategy::TokenBucket || strategy == RateStrategy::LeakyBucket) && tried.burst &&
        *tried.burst == 0) {
        tried.burst.reset();
    }
    policy.rateLimits = {tried};
    Route route;
    route.id = "simulated";
    route.methods = {"GET"};
    route.path = std::string(RateLimitSimulation::kPath);
    route.rateLimits = {tried.name};
    policy.routes = {route};
    policy.auth.apiKeyHeader = apiKeyHeader;
    return policy;
}

HttpRequest requestFor(const RateLimit& limit, const std::string& apiKeyHeader)
{
    HttpRequest request;
    request.method = "GET";
    request.target = std::string(RateLimitSimulation::kPath);
    request.peerAddress = std::string(RateLimitSimulation::kClient);
    // The same client every time, whatever the key reads.
    if (limit.key.kind == RateKeyKind::Header) {
        request.headers.push_back({limit.key.name, "simulated-client"});
    } else if (limit.key.kind == RateKeyKind::ApiKey) {
        request.headers.push_back({apiKeyHeader, "simulated-key"});
    }
    return request;
}

} // namespace

SimulationSeries RateLimitSimulation::run(const RateLimit& limit, const TrafficPattern& pattern, RateStrategy strategy,
                                          const std::string& apiKeyHeader)
{
    SimulationSeries series;
    series.strategy = strategy;
    CompileOptions options;
    options.requireSecrets = false;
    auto compiled = CompiledPolicy::compile(policyFor(limit, strategy, apiKeyHeader), options);
    if (!compiled) {
        series.errors = compiled.errors();
        return series;
    }
    const std::shared_ptr<const CompiledPolicy> engine = compiled.value();
    RateLimitStore store;
    const HttpRequest request = requestFor(limit, apiKeyHeader);
    series.buckets.resize(static_cast<size_t>(std::max(0, pattern.durationSeconds)));
    for (size_t s = 0; s < series.buckets.size(); ++s) {
        series.buckets[s].second = static_cast<int>(s);
    }
    // A fixed start keeps runs reproducible; window alignment then never depends on the wall clock.
    const SystemTime start{std::chrono::seconds(1'700'000'000)};
    for (const std::int64_t at : pattern.schedule()) {
        const Decision decision = engine->evaluate(request, start + std::chrono::milliseconds(at), store);
        const auto second = static_cast<size_t>(at / 1000);
        if (second >= series.buckets.size()) {
            continue;
        }
        if (decision.status == limit.status) {
            ++series.buckets[second].rejected;
            ++series.rejected;
        } else {
            ++series.buckets[second].admitted;
            ++series.admitted;
        }
    }
    return series;
}

std::vector<SimulationSeries> RateLimitSimulation::compare(const RateLimit& limit, const TrafficPattern& pattern,
                                                           const std::vector<RateStrategy>& strategies,
                                                           const std::string& apiKeyHeader)
{
    std::vector<SimulationSeries> out;
    out.reserve(strategies.size());
    for (RateStrategy strategy : strategies) {
        out.push_back(run(limit, pattern, strategy, apiKeyHeader));
    }
    return out;
}

} // namespace pc
