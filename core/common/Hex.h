// SPDX-License-Identifier: Apache-2.0
// Hex digits, for the parsers that decode %XX escapes and \uXXXX sequences.
// Pure, constexpr, thread-safe.
#pragma once

namespace pc {

// 0-15 for 0-9, a-f and A-F; -1 for anything else.
[[nodiscard]] constexpr int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

} // namespace pc
