// SPDX-License-Identifier: Apache-2.0
// HeadGrammar: the RFC 9112 grammar of a request head (request line and field
// lines), checked before the lenient libhttp-parser sees the bytes. Pure
// functions, thread-safe.
#pragma once

#include "server/RequestParser.h"

#include <optional>
#include <string_view>

namespace pc {

class HeadGrammar {
public:
    // Longest method plus " " and " HTTP/1.1\r\n": what a request line may add to the target.
    static constexpr std::size_t requestLineOverhead = 64;

    [[nodiscard]] static bool isTokenChar(unsigned char c);
    [[nodiscard]] static bool isToken(std::string_view text);
    [[nodiscard]] static bool isFieldValueChar(unsigned char c); // VCHAR, SP, HTAB, obs-text

    // `head` holds the request line and every field line, each ending in CRLF,
    // plus the final empty line. Line ends have already been checked (no bare
    // CR or LF). Returns the first violation.
    [[nodiscard]] static std::optional<ProtocolError> check(std::string_view head, const ServerLimits& limits);

private:
    [[nodiscard]] static std::optional<ProtocolError> checkRequestLine(std::string_view line,
                                                                       const ServerLimits& limits);
    [[nodiscard]] static std::optional<ProtocolError> checkFieldLine(std::string_view line);
};

} // namespace pc
