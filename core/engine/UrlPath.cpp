// SPDX-License-Identifier: Apache-2.0
#include "engine/UrlPath.h"

#include "common/Hex.h"

#include <algorithm>

namespace pc {
namespace {

bool isSeparator(char c)
{
    return c == '/' || c == '\\';
}

bool hasDotSegment(std::string_view path)
{
    if (path.find('.') == std::string_view::npos) {
        return false; // the common case, checked with one memchr
    }
    size_t start = 0;
    for (size_t i = 0; i <= path.size(); ++i) {
        if (i == path.size() || isSeparator(path[i])) {
            std::string_view segment = path.substr(start, i - start);
            // "..;x" is ".." to servlet containers that strip path parameters (Tomcat, Spring).
            segment = segment.substr(0, segment.find(';'));
            if (segment == "." || segment == "..") {
                return true;
            }
            start = i + 1;
        }
    }
    return false;
}

// Strict UTF-8 (no overlong forms, no surrogates): "%C0%AE" must not become a dot for some upstream.
bool isUtf8(std::string_view text)
{
    size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        size_t extra = 0;
        unsigned char min2 = 0x80;
        unsigned char max2 = 0xBF;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            min2 = c == 0xE0 ? 0xA0 : 0x80;
            max2 = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            min2 = c == 0xF0 ? 0x90 : 0x80;
            max2 = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        if (i + extra >= text.size()) {
            return false;
        }
        for (size_t k = 1; k <= extra; ++k) {
            const auto b = static_cast<unsigned char>(text[i + k]);
            const unsigned char lo = k == 1 ? min2 : 0x80;
            const unsigned char hi = k == 1 ? max2 : 0xBF;
            if (b < lo || b > hi) {
                return false;
            }
        }
        i += extra + 1;
    }
    return true;
}

} // namespace

UrlPath::Problem UrlPath::decode(std::string_view raw, std::string& out)
{
    out.clear();
    if (raw.empty() || raw.front() != '/') {
        return Problem::NotOriginForm;
    }
    if (raw.find('%') == std::string_view::npos) {
        if (hasDotSegment(raw)) {
            return Problem::DotSegment;
        }
        if (std::any_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }) &&
            !isUtf8(raw)) {
            return Problem::BadUtf8;
        }
        out.assign(raw);
        return Problem::None;
    }
    out.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '%') {
            out += raw[i];
            continue;
        }
        if (i + 2 >= raw.size()) {
            return Problem::BadEscape;
        }
        const int hi = hexValue(raw[i + 1]);
        const int lo = hexValue(raw[i + 2]);
        if (hi < 0 || lo < 0) {
            return Problem::BadEscape;
        }
        const char c = static_cast<char>(hi * 16 + lo);
        if (c == '\0') {
            return Problem::NulByte;
        }
        out += c;
        i += 2;
    }
    if (hasDotSegment(raw) || hasDotSegment(out)) {
        return Problem::DotSegment;
    }
    if (!isUtf8(out)) {
        return Problem::BadUtf8;
    }
    return Problem::None;
}

std::string_view UrlPath::describe(Problem problem)
{
    switch (problem) {
    case Problem::None:
        return "the path is well-formed";
    case Problem::NotOriginForm:
        return "the request target does not start with \"/\"";
    case Problem::BadEscape:
        return "the path has a \"%\" that is not followed by two hexadecimal digits";
    case Problem::NulByte:
        return "the path decodes to a NUL byte";
    case Problem::BadUtf8:
        return "the path does not decode to valid UTF-8 (overlong forms such as %C0%AE included)";
    case Problem::DotSegment:
        return "the path has a \".\" or \"..\" segment (after percent-decoding), which could climb out of the "
               "matched route";
    }
    return "the path is malformed";
}

std::string UrlPath::decodeQueryComponent(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 && hexValue(text[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace pc
