// SPDX-License-Identifier: Apache-2.0
// RateLimitHeaders: what a response says about the rate limits it passed
// through. Legacy X-RateLimit-Limit/-Remaining/-Reset (reset in absolute epoch
// seconds, slowapi's 1 + reset), IETF draft-ietf-httpapi-ratelimit-headers-11
// Structured-Field lists (RateLimit-Policy: "name";q=10;w=60, RateLimit:
// "name";r=3;t=42), Retry-After in delta seconds, and slowapi's 429 body.
// Pure functions; thread-safe.
#pragma once

#include "engine/RateRule.h"
#include "policy/HeaderField.h"
#include "policy/RateLimitPolicy.h"
#include "policy/RateLimitSpec.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pc {

// One rate item that a request was counted against.
struct RateLimitReport {
    std::string_view policyName; // IETF policy name as an sf-string (see sfString), owned by the caller
    RateHeaderStyle style = RateHeaderStyle::Ietf;
    std::uint64_t quota = 0;
    std::uint64_t windowSeconds = 0;
    std::uint64_t granularitySeconds = 0; // slowapi picks the smallest granularity for the legacy trio
    RateOutcome outcome;
};

class RateLimitHeaders {
public:
    // Legacy trio for the rejecting report, else the allowed one with the smallest granularity
    // (the first on ties), among legacy-style reports; one IETF list member per ietf-style report.
    [[nodiscard]] static std::vector<HeaderField> build(std::span<const RateLimitReport> reports, std::int64_t nowNs);
    // The same headers, appended to `out`.
    static void append(std::span<const RateLimitReport> reports, std::int64_t nowNs, std::vector<HeaderField>& out);

    // slowapi: int(1 + reset - now); never before `retryNs`, at least 1.
    [[nodiscard]] static std::int64_t retryAfterSeconds(std::int64_t retryNs, std::int64_t nowNs);
    // slowapi: 1 + reset, in whole epoch seconds.
    [[nodiscard]] static std::int64_t resetEpochSeconds(std::int64_t resetNs);

    // RFC 8941 sf-string; characters outside printable ASCII become '?'.
    [[nodiscard]] static std::string sfString(std::string_view text);
    // limits' RateLimitItem.__str__: "10 per 1 minute", "5 per 10 second".
    [[nodiscard]] static std::string describe(const RateItem& item);
    // slowapi's _rate_limit_exceeded_handler body, compact like Starlette's JSONResponse.
    [[nodiscard]] static std::string errorBody(const RateItem& item);
};

} // namespace pc
