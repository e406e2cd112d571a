// SPDX-License-Identifier: Apache-2.0
// A named rate limit: the `limits` grammar string ("10/minute", "100 per hour",
// "5/10seconds", several separated by ";" or ","), the strategy, whose requests
// count together (the key) and how the 429 is dressed. See ratelimit.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pc {

enum class RateStrategy { FixedWindow, MovingWindow, SlidingWindowCounter, TokenBucket, LeakyBucket };
enum class RateKeyKind { ClientIp, Header, ApiKey, JwtClaim, Route, Global };
enum class RateScope { Route, Shared }; // per route (slowapi's limit) or one bucket for all (shared_limit)
enum class RateHeaderStyle { None, Legacy, Ietf };

// Written "client_ip", "global", "route", "api_key", "header:<Name>" or "jwt_claim:<claim>".
struct RateKey {
    RateKeyKind kind = RateKeyKind::ClientIp;
    std::string name; // header name for Header, claim for JwtClaim

    [[nodiscard]] static std::optional<RateKey> parse(std::string_view text);
    [[nodiscard]] std::string toString() const;
    static constexpr std::string_view grammarHint =
        "use \"client_ip\", \"global\", \"route\", \"api_key\", \"header:<Header-Name>\" or \"jwt_claim:<claim>\"";
    bool operator==(const RateKey&) const = default;
};

struct RateLimit {
    std::string name;
    std::string limit; // limits grammar, parsed by RateLimitSpec
    RateKey key;
    RateStrategy strategy = RateStrategy::FixedWindow;
    RateScope scope = RateScope::Route;
    std::optional<std::uint32_t> burst; // token and leaky bucket: extra requests allowed at once
    bool nodelay = true;                // leaky bucket: serve the burst at once (nginx nodelay)
    std::vector<std::string> exempt;    // addresses or CIDR blocks never limited
    int ipv6Prefix = 64;                // client_ip keys group IPv6 clients by this prefix
    RateHeaderStyle headers = RateHeaderStyle::Ietf;
    int status = 429;
    bool operator==(const RateLimit&) const = default;
};

} // namespace pc
