// SPDX-License-Identifier: Apache-2.0
#include "engine/RateLimitHeaders.h"

#include "engine/StrAppend.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace pc {
namespace {

constexpr std::int64_t kNsPerSecond = 1'000'000'000;

std::int64_t floorSeconds(std::int64_t ns)
{
    std::int64_t s = ns / kNsPerSecond;
    if (ns % kNsPerSecond != 0 && ns < 0) {
        --s;
    }
    return s;
}

std::int64_t effectiveReset(const RateOutcome& o)
{
    return o.allowed ? o.resetNs : std::max(o.resetNs, o.retryNs);
}

// Seconds until the quota resets, for the IETF "t" parameter: rounded up, never negative; on a
// rejection the same value as Retry-After.
std::int64_t secondsToReset(const RateOutcome& o, std::int64_t nowNs)
{
    if (!o.allowed) {
        return RateLimitHeaders::retryAfterSeconds(o.retryNs, nowNs);
    }
    const std::int64_t d = o.resetNs - nowNs;
    return d <= 0 ? 0 : (d + kNsPerSecond - 1) / kNsPerSecond;
}

} // namespace

std::int64_t RateLimitHeaders::retryAfterSeconds(std::int64_t retryNs, std::int64_t nowNs)
{
    return std::max<std::int64_t>(1, floorSeconds(retryNs - nowNs) + 1);
}

std::int64_t RateLimitHeaders::resetEpochSeconds(std::int64_t resetNs)
{
    return floorSeconds(resetNs) + 1;
}

std::string RateLimitHeaders::sfString(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c >= 0x20 && c <= 0x7e) {
            out += c;
        } else {
            out += '?';
        }
    }
    out += '"';
    return out;
}

std::string RateLimitHeaders::describe(const RateItem& item)
{
    return std::to_string(item.count) + " per " + std::to_string(item.multiple) + " " + item.granularity;
}

std::string RateLimitHeaders::errorBody(const RateItem& item)
{
    return nlohmann::json{{"error", "Rate limit exceeded: " + describe(item)}}.dump();
}

std::vector<HeaderField> RateLimitHeaders::build(std::span<const RateLimitReport> reports, std::int64_t nowNs)
{
    std::vector<HeaderField> out;
    append(reports, nowNs, out);
    return out;
}

void RateLimitHeaders::append(std::span<const RateLimitReport> reports, std::int64_t nowNs,
                              std::vector<HeaderField>& out)
{
    const RateLimitReport* legacy = nullptr;
    std::string policies;
    std::string limits;
    for (const RateLimitReport& r : reports) {
        if (r.style == RateHeaderStyle::Legacy) {
            if (!r.outcome.allowed) {
                legacy = &r; // slowapi reports the failing limit; it is always the last one
            } else if (legacy == nullptr ||
                       (legacy->outcome.allowed && r.granularitySeconds < legacy->granularitySeconds)) {
                legacy = &r;
            }
        } else if (r.style == RateHeaderStyle::Ietf) {
            const std::string_view name = r.policyName;
            strAppend(policies, policies.empty() ? "" : ", ", name, ";q=", r.quota, ";w=", r.windowSeconds);
            strAppend(limits, limits.empty() ? "" : ", ", name, ";r=", r.outcome.remaining,
                      ";t=", secondsToReset(r.outcome, nowNs));
        }
    }
    if (legacy) {
        out.reserve(out.size() + 5);
        out.push_back({"X-RateLimit-Limit", std::to_string(legacy->quota)});
        out.push_back({"X-RateLimit-Remaining", std::to_string(legacy->outcome.remaining)});
        out.push_back({"X-RateLimit-Reset", std::to_string(resetEpochSeconds(effectiveReset(legacy->outcome)))});
    }
    if (!policies.empty()) {
        out.push_back({"RateLimit-Policy", std::move(policies)});
        out.push_back({"RateLimit", std::move(limits)});
    }
}

} // namespace pc
