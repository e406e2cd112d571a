// SPDX-License-Identifier: Apache-2.0
// ChunkedDecoder: a strict decoder of the chunked transfer coding (RFC 9112
// §7.1). Debian's lenient libhttp-parser skips the two bytes after chunk data
// unchecked ("3\r\nabcdef" reads as a second chunk of 0xef: a smuggling shape);
// this checks every CRLF, allows extensions only after ';', bounds chunk
// lines, sizes and trailers, and drops trailer fields. Not thread-safe.
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
