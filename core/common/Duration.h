// SPDX-License-Identifier: Apache-2.0
// Duration: a non-negative span written the way people write it in policy
// files: "15m", "7d", "30s", "250ms", "1h30m". Parsing is strict and bounded;
// rendering is canonical (largest units first), so parse(render(d)) == d.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace pc {

class Duration {
public:
    constexpr Duration() = default;
    constexpr explicit Duration(std::chrono::milliseconds ms) : m_ms(ms) {}
    static constexpr Duration seconds(long long s) { return Duration(std::chrono::seconds(s)); }

    // Accepts one or more <integer><unit> groups, units ms, s, m, h, d, w, largest
    // first and each at most once. Returns nullopt on anything else.
    [[nodiscard]] static std::optional<Duration> parse(std::string_view text);
    [[nodiscard]] std::string toString() const;

    [[nodiscard]] constexpr std::chrono::milliseconds ms() const { return m_ms; }
    [[nodiscard]] constexpr long long totalSeconds() const { return m_ms.count() / 1000; }
    constexpr auto operator<=>(const Duration&) const = default;

    static constexpr std::string_view grammarHint = "write a whole number followed by a unit (ms, s, m, h, d or w), "
                                                    "for example \"30s\", \"15m\", \"7d\" or \"1h30m\"";

private:
    std::chrono::milliseconds m_ms{0};
};

} // namespace pc
