// SPDX-License-Identifier: Apache-2.0
// TrafficPattern: the request schedules the rate-limit simulator replays —
// steady (a constant rate), burst (groups of requests at once, then quiet)
// and ramp (a rate rising linearly from zero) — as request times from the
// start, in milliseconds, ascending. Pure and deterministic; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pc {

struct TrafficPattern {
    enum class Kind { Steady, Burst, Ramp };

    Kind kind = Kind::Steady;
    int durationSeconds = 120;
    double ratePerSecond = 1.0; // steady: the rate; ramp: the rate reached at the end
    int burstSize = 20;         // burst: requests sent at once
    int burstEverySeconds = 30; // burst: the quiet time between bursts

    static constexpr int kMaxRequests = 100'000;

    // Request times in ms from the start; at most kMaxRequests.
    [[nodiscard]] std::vector<std::int64_t> schedule() const;
    // "steady 2/s for 120 s"
    [[nodiscard]] std::string describe() const;
};

} // namespace pc
