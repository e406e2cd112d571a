// SPDX-License-Identifier: Apache-2.0
#include "simulation/TrafficPattern.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace pc {

std::vector<std::int64_t> TrafficPattern::schedule() const
{
    std::vector<std::int64_t> out;
    const double end = std::max(0, durationSeconds) * 1000.0;
    switch (kind) {
    case Kind::Steady: {
        if (ratePerSecond <= 0) {
            break;
        }
        const double step = 1000.0 / ratePerSecond;
        for (double t = 0; t < end && out.size() < kMaxRequests; t += step) {
            out.push_back(std::llround(t));
        }
        break;
    }
    case Kind::Burst: {
        const int every = std::max(1, burstEverySeconds) * 1000;
        for (std::int64_t t = 0; t < end && out.size() < kMaxRequests; t += every) {
            for (int i = 0; i < burstSize && out.size() < kMaxRequests; ++i) {
                out.push_back(t);
            }
        }
        break;
    }
    case Kind::Ramp: {
        // The rate grows as r(t) = ratePerSecond * t / D, so the i-th request
        // arrives when the area under r reaches i: t_i = sqrt(2 i D / r).
        if (ratePerSecond <= 0 || durationSeconds <= 0) {
            break;
        }
        const double d = durationSeconds;
        for (int i = 0; out.size() < kMaxRequests; ++i) {
            const double t = std::sqrt(2.0 * i * d / ratePerSecond) * 1000.0;
            if (t >= end) {
                break;
            }
            out.push_back(std::llround(t));
        }
        break;
    }
    }
    return out;
}

std::string TrafficPattern::describe() const
{
    std::ostringstream out;
    switch (kind) {
    case Kind::Steady:
        out << "steady " << ratePerSecond << "/s";
        break;
    case Kind::Burst:
        out << "bursts of " << burstSize << " every " << burstEverySeconds << " s";
        break;
    case Kind::Ramp:
        out << "ramp 0 to " << ratePerSecond << "/s";
        break;
    }
    out << " for " << durationSeconds << " s";
    return out.str();
}

} // namespace pc
