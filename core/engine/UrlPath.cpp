// SPDX-License-Identifier: Apache-2.0
#include "engine/UrlPath.h"

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

bool isSeparator(char c)
{
    return c == '/' || c == '\\';
}

bool hasDotSegment(std::string_view path)
{
    size_t start = 0;
    for (size_t i = 0; i <= path.size(); ++i) {
        if (i == path.size() || isSeparator(path[i])) {
            const std::string_view segment = path.substr(start, i - start);
            if (segment == "." || segment == "..") {
                return true;
            }
            start = i + 1;
        }
    }
    return false;
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
