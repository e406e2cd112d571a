// SPDX-License-Identifier: Apache-2.0
// RateRule: one compiled rate item ("10/minute") under one strategy, and the
// exact arithmetic of the engine it imitates (ratelimit.md):
//   fixed_window            limits: window opens at the key's first hit, rejected hits count
//   moving_window           limits: exact log of the last N admitted hits
//   sliding_window_counter  limits (memory storage): epoch-aligned buckets, floor(prev * ttl / W) + cur
//   token_bucket            capacity = burst or N, refilled N per window, continuously
//   leaky_bucket            nginx limit_req: excess in thousandths, ms clock, burst
// Time is integer nanoseconds since the epoch, always given by the caller.
// Immutable; apply() is thread-safe for distinct states (the store locks a state while applying).
#pragma once

#include "policy/RateLimitPolicy.h"
#include "policy/RateLimitSpec.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace pc {

// The per-key state of one rule: 24 bytes, all zero for a key never seen.
struct RateState {
    std::uint32_t count = 0; // fixed: hits in the window; sliding: current bucket; token: whole tokens owed
    std::uint32_t flags = 0; // RateRule::kExists, RateRule::kHasLog
    std::int64_t t = 0;      // fixed: window start ns; sliding: bucket index; token: last refill ns; leaky: last ms
    std::uint64_t x = 0;     // sliding: previous bucket; token: fraction owed; leaky: excess; moving: the log
};

struct RateOutcome {
    bool allowed = false;
    std::uint64_t used = 0;      // what counts against the quota after this request (strategy's own measure)
    std::uint64_t remaining = 0; // requests that would still pass right now
    std::int64_t resetNs = 0;    // when the engine reports the quota as reset (limits' window stats)
    std::int64_t retryNs = 0;    // rejected: the first instant at which this rule would admit a request
    std::int64_t expiresNs = 0;  // from this instant on the state equals a fresh one (store expiry)
    std::int64_t excess = 0;     // leaky bucket: nginx's excess in thousandths of a request
    std::int64_t delayMs = 0;    // leaky bucket: how long nginx without nodelay would delay this request
};

// Bytes held by moving-window logs, accounted per store shard.
struct RateLogMemory {
    std::size_t bytes = 0;
};

class RateRule {
public:
    static constexpr std::uint32_t kExists = 1;
    static constexpr std::uint32_t kHasLog = 2;
    static constexpr std::uint64_t kMaxWindowSeconds = 100ULL * 31'104'000ULL; // 100 `limits` years

    // nullopt with `problem` set when the combination cannot work (a leaky bucket slower than
    // nginx's 0.001 r/s, a token bucket without capacity, a window beyond 100 years).
    [[nodiscard]] static std::optional<RateRule> make(RateStrategy strategy, const RateItem& item,
                                                      std::optional<std::uint32_t> burst,
                                                      std::string* problem = nullptr);

    [[nodiscard]] RateStrategy strategy() const { return m_strategy; }
    [[nodiscard]] std::uint64_t limit() const { return m_limit; }
    [[nodiscard]] std::int64_t windowNs() const { return m_windowNs; }
    [[nodiscard]] std::uint64_t capacity() const { return m_capacity; } // token bucket
    [[nodiscard]] std::uint64_t burst() const { return m_burst; }       // leaky bucket, requests
    [[nodiscard]] std::uint64_t leakRate() const { return m_leakRate; } // leaky bucket, 0.001 r/s units

    // One request at `nowNs`. With commit=false the state is left untouched: nginx checks every
    // limit of a location first and charges them only when all pass.
    RateOutcome apply(RateState& state, std::int64_t nowNs, bool commit, RateLogMemory& memory) const;

    // Frees what a state owns (a moving-window log) and zeroes it.
    static void release(RateState& state, RateLogMemory& memory);

private:
    RateOutcome fixedWindow(RateState& s, std::int64_t now, bool commit) const;
    RateOutcome movingWindow(RateState& s, std::int64_t now, bool commit, RateLogMemory& memory) const;
    RateOutcome slidingWindowCounter(RateState& s, std::int64_t now, bool commit) const;
    RateOutcome tokenBucket(RateState& s, std::int64_t now, bool commit) const;
    RateOutcome leakyBucket(RateState& s, std::int64_t now, bool commit) const;

    RateStrategy m_strategy = RateStrategy::FixedWindow;
    std::uint64_t m_limit = 1;
    std::int64_t m_windowNs = 1'000'000'000;
    std::uint64_t m_capacity = 1;
    std::uint64_t m_burst = 0;
    std::uint64_t m_leakRate = 1000;
};

} // namespace pc
