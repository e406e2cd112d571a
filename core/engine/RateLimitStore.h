// SPDX-License-Identifier: Apache-2.0
// RateLimitStore: the counters of every rate limit, kept outside CompiledPolicy
// so that a recompiled policy keeps the state of limits that did not change
// (a counter is named by the limit's definition fingerprint, see counterKey()).
// Thread-safe and exact: each counter is read, decided and written under its
// shard's lock. Bounded: a key expires once its state equals a fresh one, and
// beyond maxKeys the inserting shard evicts its least recently used key. Time
// always comes from the caller. Keys are 64-bit SipHash digests under a random
// per-store key: no client value (address, API key, claim) is stored.
#pragma once

#include "common/Clock.h"
#include "engine/RateRule.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

namespace pc {

class RateLimitStore {
public:
    struct Options {
        std::size_t maxKeys = 1'000'000; // beyond this, the least recently used keys are evicted
        std::size_t shards = 16;         // lock stripes, a power of two up to 64 (and at most maxKeys)
    };

    struct Usage {
        std::size_t keys = 0;       // live counters
        std::size_t tableBytes = 0; // fixed-size entries and the hash index (own accounting)
        std::size_t logBytes = 0;   // moving-window logs (at most 8 bytes per admitted hit in the window)
        std::size_t evictions = 0;  // keys dropped by the maxKeys cap since construction
    };

    // One counter of a request: the rule and the key that names its state.
    struct Probe {
        std::uint64_t counter = 0;
        const RateRule* rule = nullptr;
    };

    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

    RateLimitStore();
    explicit RateLimitStore(Options options);
    ~RateLimitStore();
    RateLimitStore(const RateLimitStore&) = delete;
    RateLimitStore& operator=(const RateLimitStore&) = delete;

    [[nodiscard]] const Options& options() const;

    // The counter for one rate item (`fingerprint` names the limit definition and the item),
    // one partition (a route id for per-route limits, "" for shared ones) and one client key.
    [[nodiscard]] std::uint64_t counterKey(std::uint64_t fingerprint, std::string_view partition,
                                           std::string_view clientKey) const;

    // Counts one request against one counter and says whether it passes.
    RateOutcome hit(std::uint64_t counter, const RateRule& rule, SystemTime now);

    // nginx limit_req over several limits: every probe is checked first; only when all pass are
    // they all charged. Returns the index of the first rejecting probe, or kNone. `outcomes` must
    // be as long as `probes`; entries after a rejecting probe are left untouched.
    std::size_t hitAll(std::span<const Probe> probes, SystemTime now, std::span<RateOutcome> outcomes);

    // Drops every key whose state equals a fresh one at `now`; returns how many.
    std::size_t purgeExpired(SystemTime now);
    void clear();
    [[nodiscard]] Usage usage() const;

private:
    struct Shard;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace pc
