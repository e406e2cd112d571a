// SPDX-License-Identifier: Apache-2.0
// RawHttpRequest: parses the text of one HTTP/1.1 request (request line,
// header lines, blank line, body) into an HttpRequest, for the simulator and
// request files. CRLF or bare LF line ends; a body framed by Content-Length or
// chunked Transfer-Encoding, or, in a hand-written file without either, the
// rest of the text. Every size is bounded; errors carry the line and column.
// Ambiguous framing (both Content-Length and Transfer-Encoding, differing
// Content-Lengths) is refused, as a server must. Pure; thread-safe.
#pragma once

#include "common/Result.h"
#include "engine/HttpRequest.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace pc {

class RawHttpRequest {
public:
    // Safety bounds of the parser, deliberately above the policy's own limits
    // so that the engine, not the parser, answers 414/431/413 in a simulation.
    struct Options {
        std::size_t maxRequestLineBytes = 1 << 20;
        std::size_t maxHeaderBytes = 1 << 20;
        std::size_t maxHeaders = 1000;
        std::size_t maxBodyBytes = 64u << 20;
        bool requireHost = true; // HTTP/1.1 requests must have exactly one Host (RFC 9112 §3.2)
        std::string peerAddress = "127.0.0.1";
        bool secure = false;
    };

    [[nodiscard]] static Result<HttpRequest> parse(std::string_view text, const Options& options);
    [[nodiscard]] static Result<HttpRequest> parse(std::string_view text) { return parse(text, Options{}); }
};

} // namespace pc
