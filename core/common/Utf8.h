// SPDX-License-Identifier: Apache-2.0
// Utf8: strict UTF-8 helpers (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF). Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace pc {

class Utf8 {
public:
    // Length of the well-formed sequence that starts `text`, or 0 if malformed.
    [[nodiscard]] static std::size_t sequenceLength(std::string_view text);
    [[nodiscard]] static bool isValid(std::string_view text);
    // Unicode code points in valid UTF-8 text (what Pydantic's lengths count).
    [[nodiscard]] static std::size_t codePoints(std::string_view text);
    static void append(std::string& out, std::uint32_t codePoint);
};

} // namespace pc
