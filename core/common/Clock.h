// SPDX-License-Identifier: Apache-2.0
// Clock: the one source of "now" for rate limits, token lifetimes and timeouts,
// injected so that tests are deterministic. SystemClock is thread-safe;
// ManualClock is for tests (thread-safe reads and writes).
#pragma once

#include <atomic>
#include <chrono>

namespace pc {

using SystemTime = std::chrono::system_clock::time_point;

class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual SystemTime now() const = 0;
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] SystemTime now() const override { return std::chrono::system_clock::now(); }
    static const SystemClock& instance()
    {
        static const SystemClock clock;
        return clock;
    }
};

class ManualClock final : public Clock {
public:
    explicit ManualClock(SystemTime start = SystemTime{}) : m_ticks(start.time_since_epoch().count()) {}
    [[nodiscard]] SystemTime now() const override { return SystemTime(SystemTime::duration(m_ticks.load())); }
    void set(SystemTime t) { m_ticks.store(t.time_since_epoch().count()); }
    template <class Rep, class Period> void advance(std::chrono::duration<Rep, Period> d)
    {
        m_ticks.fetch_add(std::chrono::duration_cast<SystemTime::duration>(d).count());
    }

private:
    std::atomic<SystemTime::duration::rep> m_ticks;
};

} // namespace pc
