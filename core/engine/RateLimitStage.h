// SPDX-License-Identifier: Apache-2.0
// RateLimitStage: pipeline step 4 (after routing and CORS). Counts the request
// against every rate limit its route names, in order, in ctx.rateLimitStore;
// the first limit that rejects answers 429 (or the limit's status) with
// slowapi's JSON body and Retry-After, and stops: limits evaluated before it
// stay charged, as in slowapi/limits. Within one limit, the items of a
// "10/minute;100/hour" string behave alike, except for leaky_bucket, which
// follows nginx: all items are checked first and charged only when all pass.
// Rate-limit headers go into ctx.responseHeaders, on allowed answers too.
// Compiled once, immutable; run() is thread-safe.
#pragma once

#include "common/Result.h"
#include "engine/CidrBlock.h"
#include "engine/CompileOptions.h"
#include "engine/PipelineStage.h"
#include "engine/RateKeyResolver.h"
#include "engine/RateLimitHeaders.h"
#include "engine/RateRule.h"
#include "policy/Policy.h"
#include "policy/RateLimitSpec.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pc {

class RateLimitStage final : public PipelineStage {
public:
    static constexpr std::string_view kStageName = "rate_limit";

    // Errors carry JSON pointers such as /rate_limits/per-client/limit or /routes/0/rate_limits/1.
    [[nodiscard]] static Result<std::unique_ptr<RateLimitStage>> compile(const Policy& policy,
                                                                         const CompileOptions& options = {});

    [[nodiscard]] std::string_view name() const override { return kStageName; }
    void run(RequestContext& ctx) const override;

    // Names the counters of one item of a limit. Hashes what decides how requests are counted
    // (name, items, strategy, key, scope, burst, ipv6_prefix, the item's position) and nothing else,
    // so a recompiled policy keeps the counters of every limit whose counting did not change.
    [[nodiscard]] static std::uint64_t fingerprint(const RateLimit& limit, const std::vector<RateItem>& items,
                                                   std::size_t itemIndex);

private:
    struct Item {
        RateItem item;
        RateRule rule;
        std::uint64_t fingerprint = 0;
        std::string policyName;  // IETF name
        std::string description; // "10 per 1 minute"
    };
    struct Limit {
        RateLimit def;
        std::string pointer; // /rate_limits/<name>
        std::vector<CidrBlock> exempt;
        std::vector<Item> items;
    };
    struct RouteLimits {
        std::string partition; // route id, or "#<index>" when the route has none
        std::vector<std::size_t> limits;
        std::size_t items = 0; // rate items over all its limits: the most reports one request makes
    };

    RateLimitStage() = default;
    // Counts the request against one limit; returns false when it rejects (ctx.answer is set).
    // Appends its reports at reports[used...] (room for route.items in all).
    bool runLimit(RequestContext& ctx, const Limit& limit, const RouteLimits& route,
                  std::optional<ClientAddress>& client, std::span<RateLimitReport> reports, std::size_t& used) const;

    std::vector<Limit> m_limits;
    std::vector<RouteLimits> m_routes; // by route index
    RateKeyResolver m_keys;
};

} // namespace pc
