// SPDX-License-Identifier: Apache-2.0
// ByteSize: a size written as a byte count (1048576) or with a unit ("1MiB",
// "16KiB", "2MB"). IEC units are powers of 1024, SI units powers of 1000.
// Rendering is canonical: the largest IEC unit that divides exactly, else bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pc {

class ByteSize {
public:
    constexpr ByteSize() = default;
    constexpr explicit ByteSize(std::uint64_t bytes) : m_bytes(bytes) {}

    [[nodiscard]] static std::optional<ByteSize> parse(std::string_view text);
    // Canonical text; a plain number (no unit) when no IEC unit divides exactly.
    [[nodiscard]] std::string toString() const;
    [[nodiscard]] bool rendersAsNumber() const;

    [[nodiscard]] constexpr std::uint64_t bytes() const { return m_bytes; }
    constexpr auto operator<=>(const ByteSize&) const = default;

    static constexpr std::string_view grammarHint =
        "write a byte count (1048576) or a number with a unit: B, KiB, MiB, GiB (1024-based) or KB, MB, GB "
        "(1000-based), for example \"1MiB\"";

private:
    std::uint64_t m_bytes = 0;
};

} // namespace pc
