// SPDX-License-Identifier: Apache-2.0
// IpAddress: one IPv4 or IPv6 address as 4 or 16 bytes. IPv4-mapped IPv6
// (::ffff:a.b.c.d) is normalised to IPv4, so a client is the same key whether
// it arrived on a dual-stack socket or not. Parsing is strict (no ports,
// brackets, zone ids or octal). Value type, immutable, thread-safe to share.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace pc {

class IpAddress {
public:
    enum class Family : std::uint8_t { V4, V6 };

    IpAddress() = default; // 0.0.0.0

    [[nodiscard]] static std::optional<IpAddress> parse(std::string_view text);
    [[nodiscard]] static IpAddress fromV4(std::uint32_t hostOrder);
    [[nodiscard]] static IpAddress fromV6(const std::array<std::uint8_t, 16>& bytes); // mapped -> V4

    [[nodiscard]] Family family() const { return m_family; }
    [[nodiscard]] bool isV4() const { return m_family == Family::V4; }
    [[nodiscard]] int bitLength() const { return isV4() ? 32 : 128; }
    [[nodiscard]] std::span<const std::uint8_t> bytes() const { return {m_bytes.data(), isV4() ? 4U : 16U}; }

    // Keeps the first `prefix` bits and clears the rest (prefix clamped to the family's length).
    [[nodiscard]] IpAddress masked(int prefix) const;
    // Whether the first `prefix` bits equal those of `other` (same family only).
    [[nodiscard]] bool samePrefix(const IpAddress& other, int prefix) const;

    // RFC 5952 text for IPv6 ("2001:db8::1"), dotted quad for IPv4.
    [[nodiscard]] std::string toString() const;
    // Appends toString()'s text to `out` without a temporary string.
    void appendTo(std::string& out) const;

    bool operator==(const IpAddress&) const = default;
    [[nodiscard]] bool operator<(const IpAddress& other) const; // IPv4 first, then by bytes

private:
    std::array<std::uint8_t, 16> m_bytes{};
    Family m_family = Family::V4;
};

} // namespace pc
