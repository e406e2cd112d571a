// SPDX-License-Identifier: Apache-2.0
// Timestamp: RFC 3339 date-times ("2026-11-28T12:00:00Z", "…+02:00",
// fractional seconds) to and from SystemTime, for the CLI's --at options and
// reports. Pure functions, thread-safe; bounded to years 1970-9999.
#pragma once

#include "common/Clock.h"

#include <optional>
#include <string>
#include <string_view>

namespace pc {

class Timestamp {
public:
    [[nodiscard]] static std::optional<SystemTime> parseRfc3339(std::string_view text);
    // UTC with a "Z" suffix and millisecond precision when not whole seconds.
    [[nodiscard]] static std::string formatRfc3339(SystemTime time);
};

} // namespace pc
