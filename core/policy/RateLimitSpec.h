// SPDX-License-Identifier: Apache-2.0
// The `limits` library's rate-string grammar (used by slowapi):
//   <count> ("/" | "per") [<multiple>] <granularity>[s]   e.g. "10/minute",
//   "100 per hour", "5/10seconds"; several joined by ",", ";" or "|".
// Month is 30 days and year 360 days, as in `limits`. Pure and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pc {

struct RateItem {
    std::uint64_t count = 0;
    std::uint64_t multiple = 1;
    std::string granularity; // "second", "minute", ...
    std::uint64_t windowSeconds = 0;

    [[nodiscard]] std::string toString() const; // "10/minute", "5/10seconds"
    bool operator==(const RateItem&) const = default;
};

class RateLimitSpec {
public:
    // nullopt when any part is malformed; `problem` then says which part.
    [[nodiscard]] static std::optional<std::vector<RateItem>> parse(std::string_view text,
                                                                    std::string* problem = nullptr);
    static constexpr std::string_view grammarHint =
        "write <count>/<period> such as \"10/minute\", \"100 per hour\" or \"5/10seconds\"; periods are second, "
        "minute, hour, day, month, year; join several with \";\"";
};

} // namespace pc
