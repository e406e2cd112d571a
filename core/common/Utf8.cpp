// SPDX-License-Identifier: Apache-2.0
#include "common/Utf8.h"

#include <cstdint>

namespace pc {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Length of the valid sequence starting at `i`, or 0 when the bytes there do
// not start a valid sequence. `maximal` receives how many bytes form the
// maximal subpart to replace by one U+FFFD (Unicode 15, §3.9 "U+FFFD Substitution").
std::size_t validSequenceLength(std::string_view s, std::size_t i, std::size_t& maximal)
{
    const auto b0 = static_cast<unsigned char>(s[i]);
    maximal = 1;
    if (b0 < 0x80) {
        return 1;
    }
    std::size_t need = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        lo = b0 == 0xE0 ? 0xA0 : 0x80;
        hi = b0 == 0xED ? 0x9F : 0xBF;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        lo = b0 == 0xF0 ? 0x90 : 0x80;
        hi = b0 == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    for (std::size_t k = 1; k <= need; ++k) {
        if (i + k >= s.size()) {
            return 0;
        }
        const auto b = static_cast<unsigned char>(s[i + k]);
        const unsigned char l = k == 1 ? lo : 0x80;
        const unsigned char h = k == 1 ? hi : 0xBF;
        if (b < l || b > h) {
            return 0;
        }
        maximal = k + 1;
    }
    return need + 1;
}

struct CaseRange {
    char32_t first;
    char32_t last;
    int delta;        // upper -> lower offset for Offset ranges
    bool alternating; // pairs: upper at even offset from `first`, lower right after
};

// Upper-case ranges and how to reach their lower-case partners.
constexpr CaseRange kCaseRanges[] = {
    {0x41, 0x5A, 32, false},   {0xC0, 0xD6, 32, false},   {0xD8, 0xDE, 32, false},   {0x100, 0x12F, 1, true},
    {0x132, 0x137, 1, true},   {0x139, 0x148, 1, true},   {0x14A, 0x177, 1, true},   {0x179, 0x17E, 1, true},
    {0x386, 0x386, 38, false}, {0x388, 0x38A, 37, false}, {0x38C, 0x38C, 64, false}, {0x38E, 0x38F, 63, false},
    {0x391, 0x3A1, 32, false}, {0x3A3, 0x3AB, 32, false}, {0x400, 0x40F, 80, false}, {0x410, 0x42F, 32, false},
    {0x460, 0x481, 1, true},   {0x48A, 0x4BF, 1, true},   {0x4C1, 0x4CE, 1, true},   {0x4D0, 0x52F, 1, true},
    {0x531, 0x556, 48, false}, {0x1E00, 0x1E95, 1, true}, {0x1EA0, 0x1EFF, 1, true}, {0xFF21, 0xFF3A, 32, false},
};

char32_t lowerOf(char32_t c)
{
    if (c == 0x178) {
        return 0xFF;
    }
    for (const CaseRange& r : kCaseRanges) {
        if (c < r.first || c > r.last) {
            continue;
        }
        if (!r.alternating) {
            return c + static_cast<char32_t>(r.delta);
        }
        return ((c - r.first) % 2 == 0) ? c + 1 : c;
    }
    return c;
}

char32_t upperOf(char32_t c)
{
    switch (c) {
    case 0xFF:
        return 0x178;
    case 0xB5:
        return 0x39C;
    case 0x131:
        return 'I';
    case 0x17F:
        return 'S';
    case 0x3C2:
        return 0x3A3;
    default:
        break;
    }
    for (const CaseRange& r : kCaseRanges) {
        if (!r.alternating) {
            const char32_t d = static_cast<char32_t>(r.delta);
            if (c >= r.first + d && c <= r.last + d) {
                return c - d;
            }
        } else if (c > r.first && c <= r.last && (c - r.first) % 2 == 1) {
            return c - 1;
        }
    }
    return c;
}

} // namespace

std::size_t Utf8::sequenceLength(std::string_view text)
{
    std::size_t maximal = 0;
    return text.empty() ? 0 : validSequenceLength(text, 0, maximal);
}

bool Utf8::isValid(std::string_view bytes)
{
    std::size_t i = 0;
    while (i < bytes.size()) {
        // ASCII fast path, eight bytes at a time.
        while (i + 8 <= bytes.size()) {
            std::uint64_t chunk = 0;
            for (std::size_t k = 0; k < 8; ++k) {
                chunk |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i + k])) << (8 * k);
            }
            if ((chunk & 0x8080808080808080ULL) != 0) {
                break;
            }
            i += 8;
        }
        if (i >= bytes.size()) {
            break;
        }
        std::size_t maximal = 0;
        const std::size_t n = validSequenceLength(bytes, i, maximal);
        if (n == 0) {
            return false;
        }
        i += n;
    }
    return true;
}

std::size_t Utf8::codePointCount(std::string_view text)
{
    std::size_t count = 0;
    for (char c : text) {
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return count;
}

char32_t Utf8::next(std::string_view text, std::size_t& pos)
{
    const auto b0 = static_cast<unsigned char>(text[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    std::size_t n = b0 >= 0xF0 ? 4 : (b0 >= 0xE0 ? 3 : 2);
    char32_t cp = b0 & (0x7F >> n);
    for (std::size_t k = 1; k < n && pos + k < text.size(); ++k) {
        cp = (cp << 6) | (static_cast<unsigned char>(text[pos + k]) & 0x3F);
    }
    pos += n;
    return cp;
}

void Utf8::append(std::string& out, char32_t cp)
{
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        cp = kReplacement; // lone surrogates cannot be encoded in UTF-8
    }
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string Utf8::decodeLossy(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size());
    std::size_t i = 0;
    while (i < bytes.size()) {
        std::size_t maximal = 0;
        const std::size_t n = validSequenceLength(bytes, i, maximal);
        if (n == 0) {
            append(out, kReplacement);
            i += maximal;
        } else {
            out.append(bytes.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::string Utf8::fromLatin1(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size());
    for (char c : bytes) {
        append(out, static_cast<unsigned char>(c));
    }
    return out;
}

bool Utf8::isWhiteSpace(char32_t c)
{
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

std::string_view Utf8::trim(std::string_view text)
{
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t p = begin;
        if (!isWhiteSpace(next(text, p))) {
            break;
        }
        begin = p;
    }
    std::size_t end = text.size();
    while (end > begin) {
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
            --start;
        }
        std::size_t p = start;
        if (!isWhiteSpace(next(text, p))) {
            break;
        }
        end = start;
    }
    return text.substr(begin, end - begin);
}

std::string Utf8::toLower(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        append(out, lowerOf(next(text, pos)));
    }
    return out;
}

std::string Utf8::toUpper(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t c = next(text, pos);
        if (c == 0xDF) {
            out += "SS"; // Rust's full upper-case mapping of ß
            continue;
        }
        append(out, upperOf(c));
    }
    return out;
}

} // namespace pc
