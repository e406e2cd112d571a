// SPDX-License-Identifier: Apache-2.0
// HashTimer: how long one hash takes with one setting — the seam between
// password calibration and the machine. SystemHashTimer really hashes and
// reads the steady clock; tests replace it with scripted durations. A timer is
// used by one calibration at a time (not thread-safe).
#pragma once

#include "auth/PasswordLimits.h"
#include "auth/PasswordSetting.h"
#include "common/Result.h"

#include <chrono>

namespace pc {

class HashTimer {
public:
    virtual ~HashTimer() = default;
    [[nodiscard]] virtual Result<std::chrono::nanoseconds> measure(const PasswordSetting& setting) = 0;
};

class SystemHashTimer final : public HashTimer {
public:
    enum class Clock {
        Wall,       // what a user waits for at login (steady clock); the default
        ProcessCpu, // CPU time of the whole process: what a hash costs on an idle
                    // machine when other load makes wall time unreliable
    };

    // The fastest of `repetitions` runs (one only when a run takes over a second):
    // the minimum is the least disturbed by other load on the machine.
    explicit SystemHashTimer(int repetitions = 3, Clock clock = Clock::Wall, const PasswordLimits& limits = {})
        : m_repetitions(repetitions), m_clock(clock), m_limits(limits)
    {
    }
    [[nodiscard]] Result<std::chrono::nanoseconds> measure(const PasswordSetting& setting) override;

private:
    int m_repetitions;
    Clock m_clock;
    PasswordLimits m_limits;
};

} // namespace pc
