// SPDX-License-Identifier: Apache-2.0
// ClosestName: "did you mean ...?" suggestions. Picks the candidate nearest to
// a misspelt name by edit distance, after folding case and camelCase to
// snake_case ("allowOrigins" -> "allow_origins"). Pure, thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace pc {

class ClosestName {
public:
    // The best candidate, or "" when none is close enough to be a likely typo.
    [[nodiscard]] static std::string find(std::string_view word, std::span<const std::string_view> candidates);
    [[nodiscard]] static std::size_t distance(std::string_view a, std::string_view b);
};

} // namespace pc
