// SPDX-License-Identifier: Apache-2.0
// RateLimitSimulation: replays a traffic pattern from one client against one
// rate limit through the engine (CompiledPolicy::evaluate) on a manual time
// axis, once per strategy, each run with a fresh RateLimitStore, and counts
// admitted and rejected requests per second. The policy under test is the
// limit alone on a single route, so no other stage can answer first. Pure;
// thread-safe (every run owns its store).
#pragma once

#include "common/Result.h"
#include "policy/RateLimitPolicy.h"
#include "simulation/TrafficPattern.h"

#include <string>
#include <vector>

namespace pc {

struct SimulationBucket {
    int second = 0;
    int admitted = 0;
    int rejected = 0;
};

struct SimulationSeries {
    RateStrategy strategy = RateStrategy::FixedWindow;
    std::vector<SimulationBucket> buckets; // one per second of the pattern
    int admitted = 0;
    int rejected = 0;
    Errors errors; // the limit does not compile with this strategy (then no buckets)
};

class RateLimitSimulation final {
public:
    // The route and client every simulated request uses.
    static constexpr std::string_view kPath = "/__simulated";
    static constexpr std::string_view kClient = "203.0.113.7";

    [[nodiscard]] static SimulationSeries run(const RateLimit& limit, const TrafficPattern& pattern,
                                              RateStrategy strategy, const std::string& apiKeyHeader = "X-API-Key");
    [[nodiscard]] static std::vector<SimulationSeries> compare(const RateLimit& limit, const TrafficPattern& pattern,
                                                               const std::vector<RateStrategy>& strategies,
                                                               const std::string& apiKeyHeader = "X-API-Key");
};

} // namespace pc
