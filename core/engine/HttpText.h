// SPDX-License-Identifier: Apache-2.0
// HttpText: the small, allocation-free text rules of HTTP (RFC 9110) that the
// engine's stages share: token syntax, optional whitespace, media types,
// reason phrases. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pc {

class HttpText {
public:
    [[nodiscard]] static constexpr char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
    [[nodiscard]] static std::string toLower(std::string_view text);
    // ASCII case-insensitive equality, inline for the hot paths (same result as equalsIgnoreCase).
    [[nodiscard]] static constexpr bool iequals(std::string_view a, std::string_view b)
    {
        if (a.size() != b.size()) {
            return false;
        }
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (a[i] != b[i] && lower(a[i]) != lower(b[i])) {
                return false;
            }
        }
        return true;
    }
    // tchar of RFC 9110 §5.6.2.
    [[nodiscard]] static bool isTokenChar(char c);
    [[nodiscard]] static bool isToken(std::string_view text);
    // A field value without CR, LF or NUL (no header injection).
    [[nodiscard]] static bool isSafeFieldValue(std::string_view value);
    // Strips optional whitespace (SP, HTAB) from both ends.
    [[nodiscard]] static std::string_view trim(std::string_view text);
    // "Application/JSON; charset=utf-8" -> "Application/JSON" (not lower-cased).
    [[nodiscard]] static std::string_view mediaType(std::string_view contentType);
    // application/json, or any */*+json media type (RFC 6839), case-insensitively.
    [[nodiscard]] static bool isJsonMediaType(std::string_view contentType);
    // Whether `text` is one "type/subtype" media range ("*/*" and "type/*" allowed).
    [[nodiscard]] static bool isMediaRange(std::string_view text);
    // Case-insensitive media type match against a lower-case range.
    [[nodiscard]] static bool mediaTypeMatches(std::string_view mediaType, std::string_view lowerRange);
    // 1*DIGIT without sign or spaces, no overflow.
    [[nodiscard]] static std::optional<std::uint64_t> parseDecimal(std::string_view text);
    // RFC 9110 reason phrase ("Not Found"); "Unknown" for unregistered codes.
    [[nodiscard]] static std::string_view reasonPhrase(int status);
    // Whether a response with this status carries no content (1xx, 204, 304).
    [[nodiscard]] static bool statusHasNoContent(int status);
    // Whether JSON text nests arrays/objects deeper than `maxDepth` (strings skipped).
    // Checked before parsing bodies, because serialising and filtering recurse.
    [[nodiscard]] static bool jsonNestsDeeperThan(std::string_view json, std::size_t maxDepth);
    // Cuts user-supplied text for trace reasons: at most `max` bytes, "…" appended when cut.
    [[nodiscard]] static std::string excerpt(std::string_view text, std::size_t max = 120);
};

} // namespace pc
