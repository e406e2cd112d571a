// SPDX-License-Identifier: Apache-2.0
// ExactInt: an integer of any size, as Python ints are. Values that fit in
// int64 are held natively; larger ones as decimal text, so comparisons,
// multiple_of and echoing stay exact without undefined behaviour.
// Immutable value type; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pc {

class ExactInt {
public:
    ExactInt() = default;
    explicit ExactInt(std::int64_t value) : m_small(value) {}

    // JSON integer grammar: -?(0|[1-9][0-9]*), any number of digits.
    [[nodiscard]] static std::optional<ExactInt> parse(std::string_view text);
    // An integral JSON number (integer, unsigned or integral float); nullopt otherwise.
    [[nodiscard]] static std::optional<ExactInt> fromJson(const nlohmann::json& value);

    [[nodiscard]] bool isSmall() const { return m_magnitude.empty(); }
    [[nodiscard]] std::int64_t small() const { return m_small; }
    [[nodiscard]] bool negative() const { return isSmall() ? m_small < 0 : m_negative; }
    [[nodiscard]] int compare(const ExactInt& other) const; // -1, 0, 1
    // True when this is a multiple of `divisor` (divisor != 0).
    [[nodiscard]] bool isMultipleOf(const ExactInt& divisor) const;
    [[nodiscard]] std::string toString() const;
    [[nodiscard]] double toDouble() const;
    // Exact when the value fits int64 or uint64, a float approximation beyond.
    [[nodiscard]] nlohmann::json toJson() const;

    friend bool operator==(const ExactInt& a, const ExactInt& b) { return a.compare(b) == 0; }

private:
    std::int64_t m_small = 0;
    bool m_negative = false;
    std::string m_magnitude; // decimal digits without leading zeros; empty when small
};

} // namespace pc
