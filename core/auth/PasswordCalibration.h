// SPDX-License-Identifier: Apache-2.0
// Password calibration: measure settings of one scheme on this machine through
// a HashTimer and recommend the one closest to a target time (default 250 ms)
// that still meets the OWASP floor (tokens.md §5.1) — the floor is recommended
// even when it is slower than the target, and the report says so. Starts at the
// floor, then grows the cost: bcrypt cost and scrypt ln and argon2id memory by
// doubling, PBKDF2 rounds, argon2id passes (once memory reaches the budget) and
// scrypt p (likewise) by proportion. Cancellable and reporting progress, for a
// GUI that runs it on a worker thread; the function itself keeps no state.
#pragma once

#include "auth/HashTimer.h"
#include "auth/PasswordLimits.h"
#include "auth/PasswordSetting.h"
#include "common/Duration.h"
#include "common/Result.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace pc {

struct CalibrationTrial {
    PasswordSetting setting;
    std::chrono::nanoseconds measured{0};
    bool meetsFloor = false;
};

struct CalibrationReport {
    PasswordScheme scheme = PasswordScheme::Argon2id;
    Duration target;
    std::vector<CalibrationTrial> trials;        // in the order they ran; the first is the OWASP floor
    std::optional<CalibrationTrial> recommended; // none only when cancelled
    bool floorExceedsTarget = false;             // the OWASP floor alone takes longer than the target
    bool cancelled = false;
    std::vector<std::string> notes; // sentences: floor above target, limits reached, cancelled

    // A small table: one line per trial with its time, the recommendation marked, then the notes.
    [[nodiscard]] std::string toText() const;
};

struct CalibrationOptions {
    // argon2id and scrypt grow memory up to this (never below the OWASP floor's
    // memory), then grow time: 64 MiB, RFC 9106's second recommended option.
    std::uint64_t memoryBudgetKib = 65536;
    int maxTrials = 12;
    PasswordLimits limits;
};

// Called after each trial; `expected` is the current estimate of the total and
// equals `completed` on the last call.
using CalibrationProgress = std::function<void(const CalibrationTrial& trial, int completed, int expected)>;

// Errors only when the timer fails. `cancel` is polled before each trial.
[[nodiscard]] Result<CalibrationReport> calibratePasswordScheme(PasswordScheme scheme, Duration target,
                                                                HashTimer& timer,
                                                                const CalibrationProgress& progress = {},
                                                                const std::atomic<bool>* cancel = nullptr,
                                                                const CalibrationOptions& options = {});

} // namespace pc
