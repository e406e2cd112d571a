// SPDX-License-Identifier: Apache-2.0
#include "server/ChunkedDecoder.h"

#include "server/HeadGrammar.h"

#include <algorithm>

namespace pc {

namespace {

int hexValue(char c)
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

} // namespace

ChunkedDecoder::ChunkedDecoder(std::uint64_t maxBodyBytes, std::size_t maxTrailerBytes)
    : m_maxBody(maxBodyBytes), m_maxTrailer(maxTrailerBytes)
{
}

std::optional<ChunkedDecoder::Step> ChunkedDecoder::fail(int status, std::string reason)
{
    m_error = ProtocolError{status, std::move(reason)};
    return std::nullopt;
}

std::optional<ChunkedDecoder::Step> ChunkedDecoder::feed(std::string_view input, std::string& body)
{
    std::size_t i = 0;
    while (i < input.size() && m_state != State::Done) {
        const char c = input[i];
        switch (m_state) {
        case State::Size:
        case State::SizeSpace:
        case State::Extension:
            if (++m_lineBytes > maxChunkLineBytes) {
                return fail(400, "A chunk-size line is longer than " + std::to_string(maxChunkLineBytes) + " bytes.");
            }
            if (m_state == State::Size && hexValue(c) >= 0) {
                if (++m_sizeDigits > 15) { // 15 hex digits stay far below 2^63
                    return fail(400, "A chunk size is too large.");
                }
                m_size = m_size * 16 + static_cast<std::uint64_t>(hexValue(c));
            } else if (c == '\r' && m_sizeDigits > 0 && m_state != State::SizeSpace) {
                m_state = State::SizeLf;
            } else if (c == ';' && m_sizeDigits > 0 && m_state != State::Extension) {
                m_state = State::Extension;
            } else if ((c == ' ' || c == '\t') && m_sizeDigits > 0 && m_state != State::Extension) {
                m_state = State::SizeSpace; // BWS, which only a ';' may follow
            } else if (m_state == State::Extension && HeadGrammar::isFieldValueChar(static_cast<unsigned char>(c))) {
                // chunk-ext: dropped unread, like every server does
            } else {
                return fail(400, "A chunk-size line is malformed (the size must be hexadecimal digits, "
                                 "optionally followed by ';' extensions, then CRLF).");
            }
            ++i;
            break;
        case State::SizeLf:
            if (c != '\n') {
                return fail(400, "A chunk-size line does not end in CRLF.");
            }
            ++i;
            m_lineBytes = 0;
            m_sizeDigits = 0;
            if (m_size == 0) {
                m_state = State::Trailer;
                m_trailerLineEmpty = true;
            } else if (body.size() + m_size > m_maxBody) {
                return fail(413, "The request body is larger than " + std::to_string(m_maxBody) + " bytes.");
            } else {
                m_state = State::Data;
            }
            break;
        case State::Data: {
            const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(m_size, input.size() - i));
            body.append(input.data() + i, n);
            i += n;
            m_size -= n;
            if (m_size == 0) {
                m_state = State::DataCr;
            }
            break;
        }
        case State::DataCr:
            if (c != '\r') {
                return fail(400, "Chunk data is longer than its chunk size (no CRLF after it).");
            }
            m_state = State::DataLf;
            ++i;
            break;
        case State::DataLf:
            if (c != '\n') {
                return fail(400, "Chunk data is not followed by CRLF.");
            }
            m_state = State::Size;
            ++i;
            break;
        case State::Trailer:
            if (++m_trailerBytes > m_maxTrailer) {
                return fail(431, "The chunked body's trailer section is too large.");
            }
            if (c == '\r') {
                m_state = State::TrailerLf;
            } else if (c == '\n' || (c != '\t' && !HeadGrammar::isFieldValueChar(static_cast<unsigned char>(c)))) {
                return fail(400, "The trailer section contains a bare LF or a control character.");
            } else {
                m_trailerLineEmpty = false;
            }
            ++i;
            break;
        case State::TrailerLf:
            if (c != '\n') {
                return fail(400, "A trailer line does not end in CRLF.");
            }
            ++i;
            // Trailer fields are dropped: no handler can rely on them.
            m_state = m_trailerLineEmpty ? State::Done : State::Trailer;
            m_trailerLineEmpty = true;
            break;
        case State::Done:
            break;
        }
    }
    return Step{i, m_state == State::Done};
}

} // namespace pc
