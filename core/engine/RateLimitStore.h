// SPDX-License-Identifier: Apache-2.0
// RateLimitStore: the counters of every rate limit, kept outside CompiledPolicy
// so that a recompiled policy keeps the state of limits that did not change.
// Thread-safe: many evaluations share one store.
#pragma once

#include <cstddef>
#include <memory>

namespace pc {

class RateLimitStore {
public:
    struct Options {
        std::size_t maxKeys = 1'000'000; // beyond this, the least recently used keys are evicted
    };

    RateLimitStore();
    explicit RateLimitStore(Options options);
    ~RateLimitStore();
    RateLimitStore(const RateLimitStore&) = delete;
    RateLimitStore& operator=(const RateLimitStore&) = delete;

    [[nodiscard]] const Options& options() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace pc
