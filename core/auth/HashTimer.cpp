// SPDX-License-Identifier: Apache-2.0
#include "auth/HashTimer.h"

#include "auth/PasswordHasher.h"

#include <algorithm>
#include <array>
#include <ctime>

namespace pc {

namespace {

std::chrono::nanoseconds processCpuTime()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec);
}

} // namespace

Result<std::chrono::nanoseconds> SystemHashTimer::measure(const PasswordSetting& setting)
{
    PasswordPolicy policy;
    policy.scheme = setting.scheme;
    setting.applyTo(policy);
    // Calibration measures the setting even where it lies outside a bcrypt min/max.
    policy.bcryptMinRounds.reset();
    policy.bcryptMaxRounds.reset();
    auto hasher = makePasswordHasher(setting.scheme, policy, m_limits);
    if (!hasher) {
        return hasher.errors();
    }
    const std::array<unsigned char, 16> salt{0x63, 0x61, 0x6c, 0x69, 0x62, 0x72, 0x61, 0x74,
                                             0x69, 0x6f, 0x6e, 0x20, 0x73, 0x61, 0x6c, 0x74};
    auto best = std::chrono::nanoseconds::max();
    for (int i = 0; i < std::max(1, m_repetitions); ++i) {
        const auto wallStart = std::chrono::steady_clock::now();
        const auto cpuStart = processCpuTime();
        auto made = (*hasher)->hashWithSalt("correct horse battery staple", salt);
        const auto elapsed =
            m_clock == Clock::Wall
                ? std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - wallStart)
                : processCpuTime() - cpuStart;
        if (!made) {
            return made.errors();
        }
        best = std::min(best, elapsed);
        if (elapsed > std::chrono::seconds(1)) {
            break;
        }
    }
    return best;
}

} // namespace pc
