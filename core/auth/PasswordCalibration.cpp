// SPDX-License-Identifier: Apache-2.0
#include "auth/PasswordCalibration.h"

#include "policy/PolicyEnums.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pc {

namespace {

using std::chrono::nanoseconds;

constexpr double kCloseEnough = 0.05; // stop refining within 5% of the target

// Decides the next setting to try from the trials so far; nullopt stops.
class Search {
public:
    Search(PasswordScheme scheme, nanoseconds target, const CalibrationOptions& options)
        : m_scheme(scheme), m_target(target), m_options(options)
    {
        const PasswordSetting floor = PasswordSetting::owaspFloor(scheme);
        const std::uint64_t floorKib = scheme == PasswordScheme::Scrypt ? scryptKib(floor) : floor.argon2MemoryKib;
        m_memoryCapKib = std::min(std::max(options.memoryBudgetKib, floorKib), options.limits.maxMemoryKib);
    }

    [[nodiscard]] std::optional<PasswordSetting> next(const std::vector<CalibrationTrial>& trials)
    {
        if (static_cast<int>(trials.size()) >= m_options.maxTrials) {
            m_notes.push_back("Stopped after " + std::to_string(trials.size()) + " trials.");
            return std::nullopt;
        }
        std::optional<PasswordSetting> candidate = propose(trials.back());
        if (!candidate) {
            return std::nullopt;
        }
        for (const auto& t : trials) {
            if (t.setting == *candidate) {
                return std::nullopt; // converged
            }
        }
        return candidate;
    }

    [[nodiscard]] std::vector<std::string> takeNotes() { return std::move(m_notes); }

private:
    static std::uint64_t scryptKib(const PasswordSetting& s) { return (std::uint64_t(s.scryptR) << s.scryptLogN) / 8; }

    [[nodiscard]] double ratio(nanoseconds measured) const
    {
        return double(m_target.count()) / double(std::max<nanoseconds::rep>(1, measured.count()));
    }
    // How many doublings still fit under the target, at least one.
    [[nodiscard]] int doublings(nanoseconds measured) const
    {
        return std::max(1, static_cast<int>(std::floor(std::log2(ratio(measured)))));
    }
    [[nodiscard]] bool closeEnough(nanoseconds measured) const
    {
        return std::abs(ratio(measured) - 1.0) <= kCloseEnough;
    }
    // x scaled so that the time would meet the target, within [lo, hi].
    [[nodiscard]] std::uint64_t proportional(std::uint64_t x, nanoseconds measured, std::uint64_t lo,
                                             std::uint64_t hi) const
    {
        const double scaled = std::round(double(x) * ratio(measured));
        return std::clamp<std::uint64_t>(scaled < 1 ? 1 : static_cast<std::uint64_t>(scaled), lo, std::max(lo, hi));
    }

    void limitNote(const PasswordSetting& s, const std::string& what)
    {
        m_notes.push_back("Stopped at " + s.describe() + ": " + what + ".");
    }

    [[nodiscard]] std::optional<PasswordSetting> propose(const CalibrationTrial& last)
    {
        PasswordSetting s = last.setting;
        const auto& limits = m_options.limits;
        switch (m_scheme) {
        case PasswordScheme::Bcrypt: {
            if (last.measured >= m_target) {
                return std::nullopt;
            }
            const int cost = std::min(s.bcryptCost + doublings(last.measured), limits.maxBcryptCost);
            if (cost <= s.bcryptCost) {
                limitNote(s, "this build allows no bcrypt cost above " + std::to_string(limits.maxBcryptCost));
                return std::nullopt;
            }
            s.bcryptCost = cost;
            return s;
        }
        case PasswordScheme::Pbkdf2Sha256:
        case PasswordScheme::Pbkdf2Sha512: {
            if (closeEnough(last.measured) || (last.measured > m_target && !m_grew)) {
                return std::nullopt;
            }
            const std::uint64_t floor = PasswordSetting::owaspFloor(m_scheme).pbkdf2Iterations;
            std::uint64_t rounds = proportional(s.pbkdf2Iterations, last.measured, floor, limits.maxPbkdf2Iterations);
            rounds = std::min<std::uint64_t>((rounds + 999) / 1000 * 1000, limits.maxPbkdf2Iterations);
            if (rounds == s.pbkdf2Iterations && rounds == limits.maxPbkdf2Iterations) {
                limitNote(s, "this build allows no more PBKDF2 rounds");
            }
            m_grew = true;
            s.pbkdf2Iterations = static_cast<std::uint32_t>(rounds);
            return s;
        }
        case PasswordScheme::Argon2id: {
            if (s.argon2MemoryKib < m_memoryCapKib) {
                if (last.measured >= m_target) {
                    return std::nullopt;
                }
                const std::uint64_t grown = std::uint64_t(s.argon2MemoryKib) << doublings(last.measured);
                s.argon2MemoryKib = static_cast<std::uint32_t>(std::min(grown, m_memoryCapKib));
                return s;
            }
            if (closeEnough(last.measured) || (last.measured > m_target && s.argon2TimeCost <= 2)) {
                return std::nullopt;
            }
            const std::uint64_t maxTime = limits.maxArgon2WorkKib / s.argon2MemoryKib;
            s.argon2TimeCost = static_cast<std::uint32_t>(proportional(s.argon2TimeCost, last.measured, 2, maxTime));
            if (s.argon2TimeCost == last.setting.argon2TimeCost && s.argon2TimeCost == maxTime) {
                limitNote(s, "more passes over this much memory exceed this build's limits");
            }
            return s;
        }
        case PasswordScheme::Scrypt: {
            if (s.scryptP == 1 && scryptKib(s) * 2 <= m_memoryCapKib) {
                if (last.measured >= m_target) {
                    return std::nullopt;
                }
                int logN = s.scryptLogN;
                for (int i = doublings(last.measured);
                     i > 0 && (std::uint64_t(s.scryptR) << (logN + 1)) / 8 <= m_memoryCapKib; --i) {
                    ++logN;
                }
                s.scryptLogN = logN;
                return s;
            }
            if (closeEnough(last.measured) || (last.measured > m_target && s.scryptP <= 1)) {
                return std::nullopt;
            }
            const std::uint64_t kib = std::max<std::uint64_t>(1, scryptKib(s));
            const std::uint64_t maxP = std::min<std::uint64_t>(limits.maxParallelism, limits.maxScryptWorkKib / kib);
            s.scryptP = static_cast<std::uint32_t>(proportional(s.scryptP, last.measured, 1, maxP));
            if (s.scryptP == last.setting.scryptP && s.scryptP == maxP) {
                limitNote(s, "a larger p exceeds this build's limits");
            }
            return s;
        }
        }
        return std::nullopt;
    }

    PasswordScheme m_scheme;
    nanoseconds m_target;
    const CalibrationOptions& m_options;
    std::uint64_t m_memoryCapKib = 0;
    bool m_grew = false;
    std::vector<std::string> m_notes;
};

std::string milliseconds(nanoseconds ns)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f ms", double(ns.count()) / 1e6);
    return buffer;
}

} // namespace

Result<CalibrationReport> calibratePasswordScheme(PasswordScheme scheme, Duration target, HashTimer& timer,
                                                  const CalibrationProgress& progress, const std::atomic<bool>* cancel,
                                                  const CalibrationOptions& options)
{
    CalibrationReport report;
    report.scheme = scheme;
    report.target = target;
    const nanoseconds targetNs = std::chrono::duration_cast<nanoseconds>(target.ms());
    Search search(scheme, targetNs, options);

    std::optional<PasswordSetting> next = PasswordSetting::owaspFloor(scheme);
    while (next) {
        if (cancel != nullptr && cancel->load()) {
            report.cancelled = true;
            break;
        }
        auto measured = timer.measure(*next);
        if (!measured) {
            return measured.errors();
        }
        report.trials.push_back({*next, *measured, next->meetsOwaspFloor()});
        next = search.next(report.trials);
        if (progress) {
            const int done = static_cast<int>(report.trials.size());
            progress(report.trials.back(), done, next ? std::min(options.maxTrials, done + 2) : done);
        }
    }
    report.notes = search.takeNotes();

    if (report.cancelled) {
        report.notes.push_back("Calibration was cancelled after " + std::to_string(report.trials.size()) +
                               " trials; nothing is recommended.");
        return report;
    }
    const CalibrationTrial& floor = report.trials.front();
    if (floor.measured > targetNs) {
        report.floorExceedsTarget = true;
        report.notes.insert(report.notes.begin(), "The OWASP minimum for " + std::string(enumName(scheme)) + " (" +
                                                      floor.setting.describe() + ") takes " +
                                                      milliseconds(floor.measured) + " here, more than the " +
                                                      target.toString() +
                                                      " target; it is recommended anyway, because nothing weaker is "
                                                      "acceptable.");
    }
    for (const auto& trial : report.trials) {
        if (!trial.meetsFloor) {
            continue;
        }
        const auto distance = [&](const CalibrationTrial& t) { return std::chrono::abs(t.measured - targetNs); };
        if (!report.recommended || distance(trial) <= distance(*report.recommended)) {
            report.recommended = trial;
        }
    }
    return report;
}

std::string CalibrationReport::toText() const
{
    std::string out = std::string(enumName(scheme)) + ", target " + target.toString() + "\n";
    for (const auto& trial : trials) {
        std::string line = "  " + trial.setting.describe();
        line.resize(std::max<std::size_t>(line.size() + 1, 28), ' ');
        std::string time = milliseconds(trial.measured);
        line += std::string(time.size() < 12 ? 12 - time.size() : 0, ' ') + time;
        if (recommended && recommended->setting == trial.setting) {
            line += "  recommended";
        } else if (!trial.meetsFloor) {
            line += "  below the OWASP floor";
        }
        out += line + "\n";
    }
    for (const auto& note : notes) {
        out += "  " + note + "\n";
    }
    return out;
}

} // namespace pc
