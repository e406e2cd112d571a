// SPDX-License-Identifier: Apache-2.0
// ChunkedDecoder: a strict decoder of the chunked transfer coding (RFC 9112
// §7.1). Debian's libhttp-parser is built lenient and skips the two bytes
// after chunk data without checking that they are CRLF, so
// "3\r\nabcdef\r\n" would be read as a second chunk of size 0xef: a
// request-smuggling shape. This decoder checks every CRLF, accepts chunk
// extensions only after ';' (BWS allowed before it), bounds chunk lines,
// sizes and trailers, and drops trailer fields. One per request; not
// thread-safe.
#pragma once

#include "server/RequestParser.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pc {

class ChunkedDecoder {
public:
    static constexpr std::size_t maxChunkLineBytes = 4096; // size plus extensions

    ChunkedDecoder(std::uint64_t maxBodyBytes, std::size_t maxTrailerBytes);

    struct Step {
        std::size_t consumed = 0;
        bool done = false; // the last chunk and the trailer section have been read
    };
    // Appends decoded data to `body`. On a violation returns nullopt and error() says why.
    [[nodiscard]] std::optional<Step> feed(std::string_view input, std::string& body);
    [[nodiscard]] const ProtocolError& error() const { return m_error; }

private:
    enum class State { Size, SizeSpace, Extension, SizeLf, Data, DataCr, DataLf, Trailer, TrailerLf, Done };

    std::optional<Step> fail(int status, std::string reason);

    std::uint64_t m_maxBody;
    std::size_t m_maxTrailer;
    State m_state = State::Size;
    std::uint64_t m_size = 0;
    std::size_t m_sizeDigits = 0;
    std::size_t m_lineBytes = 0;
    std::size_t m_trailerBytes = 0;
    bool m_trailerLineEmpty = true;
    ProtocolError m_error;
};

} // namespace pc
