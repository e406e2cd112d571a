// SPDX-License-Identifier: Apache-2.0
// Utf8: strict UTF-8 (RFC 3629) and the code-point helpers that policy files
// and request validation need to count, trim and convert text the way Python
// and Pydantic do (lengths in code points, Unicode White_Space trimming,
// lossy decoding with U+FFFD).
// Stateless functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pc {

class Utf8 {
public:
    [[nodiscard]] static bool isValid(std::string_view bytes);
    // Length of the well-formed sequence that starts `text` (RFC 3629: no
    // overlong forms, no surrogates, nothing above U+10FFFF), or 0 if malformed.
    [[nodiscard]] static std::size_t sequenceLength(std::string_view text);
    // Code points in valid UTF-8 (what Python's len() returns).
    [[nodiscard]] static std::size_t codePointCount(std::string_view text);
    // Decodes the code point starting at `pos` of valid UTF-8 and advances `pos`.
    [[nodiscard]] static char32_t next(std::string_view text, std::size_t& pos);
    static void append(std::string& out, char32_t codePoint);
    // Bytes -> UTF-8, each maximal invalid subsequence replaced by U+FFFD, as
    // Python's bytes.decode("utf-8", "replace") does.
    [[nodiscard]] static std::string decodeLossy(std::string_view bytes);
    // Bytes read as ISO-8859-1 (how Starlette decodes header values and query strings).
    [[nodiscard]] static std::string fromLatin1(std::string_view bytes);
    // Rust's str::trim(): strips leading and trailing Unicode White_Space.
    [[nodiscard]] static std::string_view trim(std::string_view text);
    [[nodiscard]] static bool isWhiteSpace(char32_t codePoint);
    // Simple case mappings for Latin, Greek, Cyrillic and Armenian; other
    // scripts are returned unchanged.
    [[nodiscard]] static std::string toLower(std::string_view text);
    [[nodiscard]] static std::string toUpper(std::string_view text);
};

} // namespace pc
