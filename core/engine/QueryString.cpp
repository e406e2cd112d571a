// SPDX-License-Identifier: Apache-2.0
#include "engine/QueryString.h"

#include "common/Hex.h"
#include "common/Utf8.h"

namespace pc {
namespace {

// urllib's unquote_to_bytes on one ASCII run: a malformed escape stays literal.
std::string percentDecode(std::string_view run)
{
    std::string bytes;
    bytes.reserve(run.size());
    for (std::size_t i = 0; i < run.size(); ++i) {
        if (run[i] == '%' && i + 2 < run.size()) {
            const int hi = hexValue(run[i + 1]);
            const int lo = hexValue(run[i + 2]);
            if (hi >= 0 && lo >= 0) {
                bytes += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        bytes += run[i];
    }
    return bytes;
}

} // namespace

std::string QueryString::unquote(std::string_view raw)
{
    // unquote() decodes runs of ASCII (where the escapes are) as UTF-8 and
    // keeps the other characters, which latin-1 decoding made U+0080..U+00FF.
    std::string out;
    out.reserve(raw.size());
    std::size_t i = 0;
    while (i < raw.size()) {
        std::size_t j = i;
        const bool ascii = static_cast<unsigned char>(raw[i]) < 0x80;
        while (j < raw.size() && (static_cast<unsigned char>(raw[j]) < 0x80) == ascii) {
            ++j;
        }
        const std::string_view run = raw.substr(i, j - i);
        out += ascii ? Utf8::decodeLossy(percentDecode(run)) : Utf8::fromLatin1(run);
        i = j;
    }
    return out;
}

QueryString::Pairs QueryString::parse(std::string_view query)
{
    Pairs pairs;
    std::size_t start = 0;
    while (start <= query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string_view::npos) {
            end = query.size();
        }
        const std::string_view piece = query.substr(start, end - start);
        start = end + 1;
        if (piece.empty()) {
            continue;
        }
        const std::size_t eq = piece.find('=');
        std::string name(piece.substr(0, eq));
        std::string value(eq == std::string_view::npos ? std::string_view() : piece.substr(eq + 1));
        for (char& c : name) {
            c = c == '+' ? ' ' : c;
        }
        for (char& c : value) {
            c = c == '+' ? ' ' : c;
        }
        pairs.emplace_back(unquote(name), unquote(value));
    }
    return pairs;
}

} // namespace pc
