// SPDX-License-Identifier: Apache-2.0
#include "common/Duration.h"

#include <array>
#include <cstdint>
#include <limits>

namespace pc {
namespace {

struct Unit {
    std::string_view suffix;
    long long ms;
};

// Largest first: parsing requires this order and rendering emits it.
// Weeks are read but never written: "365d" reads better than "52w1d".
constexpr std::array<Unit, 6> kUnits{
    {{"w", 604'800'000LL}, {"d", 86'400'000LL}, {"h", 3'600'000LL}, {"m", 60'000LL}, {"s", 1'000LL}, {"ms", 1LL}}};

// Ten years: far beyond any sensible lifetime, and well inside int64 milliseconds.
constexpr long long kMaxMs = 10LL * 366 * 86'400'000LL;

} // namespace

std::optional<Duration> Duration::parse(std::string_view text)
{
    if (text.empty() || text.size() > 64) {
        return std::nullopt;
    }
    long long total = 0;
    size_t nextUnit = 0; // index into kUnits that the next group may use
    size_t i = 0;
    while (i < text.size()) {
        long long n = 0;
        size_t digits = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            n = n * 10 + (text[i] - '0');
            if (n > kMaxMs) {
                return std::nullopt;
            }
            ++i;
            ++digits;
        }
        if (digits == 0) {
            return std::nullopt;
        }
        size_t unitEnd = i;
        while (unitEnd < text.size() && text[unitEnd] >= 'a' && text[unitEnd] <= 'z') {
            ++unitEnd;
        }
        const std::string_view suffix = text.substr(i, unitEnd - i);
        size_t u = nextUnit;
        while (u < kUnits.size() && kUnits[u].suffix != suffix) {
            ++u;
        }
        if (u == kUnits.size()) {
            return std::nullopt; // unknown unit, missing unit, or units out of order
        }
        total += n * kUnits[u].ms;
        if (total > kMaxMs) {
            return std::nullopt;
        }
        nextUnit = u + 1;
        i = unitEnd;
    }
    return Duration(std::chrono::milliseconds(total));
}

std::string Duration::toString() const
{
    long long rest = m_ms.count();
    if (rest == 0) {
        return "0s";
    }
    std::string out;
    for (const Unit& unit : kUnits) {
        if (unit.suffix != "w" && rest >= unit.ms) {
            out += std::to_string(rest / unit.ms);
            out += unit.suffix;
            rest %= unit.ms;
        }
    }
    return out;
}

} // namespace pc
