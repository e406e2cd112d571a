// SPDX-License-Identifier: Apache-2.0
#include "engine/JsonText.h"

#include "common/Utf8.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace pc {
namespace {

struct Digits {
    bool negative = false;
    std::string digits; // shortest round-trip significant digits
    int decpt = 0;      // position of the decimal point relative to the digits
};

Digits shortestDigits(double value)
{
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    const std::string_view s(buf, static_cast<std::size_t>(res.ptr - buf));
    Digits d;
    std::size_t i = 0;
    if (s[0] == '-') {
        d.negative = true;
        i = 1;
    }
    const std::size_t e = s.find('e');
    for (std::size_t k = i; k < e; ++k) {
        if (s[k] != '.') {
            d.digits += s[k];
        }
    }
    int exp = 0;
    std::from_chars(s.data() + e + (s[e + 1] == '+' ? 2 : 1), s.data() + s.size(), exp);
    d.decpt = exp + 1;
    return d;
}

std::string fixedNotation(const Digits& d, bool pointZero)
{
    std::string out = d.negative ? "-" : "";
    const int n = static_cast<int>(d.digits.size());
    if (d.decpt <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-d.decpt), '0');
        out += d.digits;
    } else if (d.decpt >= n) {
        out += d.digits;
        out.append(static_cast<std::size_t>(d.decpt - n), '0');
        if (pointZero) {
            out += ".0";
        }
    } else {
        out += d.digits.substr(0, static_cast<std::size_t>(d.decpt));
        out += '.';
        out += d.digits.substr(static_cast<std::size_t>(d.decpt));
    }
    return out;
}

bool printableInPython(char32_t c)
{
    if (c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0xAD) {
        return false;
    }
    return !((c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F) ||
             c == 0x3000 || c == 0xFEFF);
}

} // namespace

void JsonText::appendString(std::string& out, std::string_view utf8)
{
    if (!Utf8::isValid(utf8)) {
        appendString(out, Utf8::decodeLossy(utf8)); // the echo of raw input must stay valid JSON
        return;
    }
    out += '"';
    std::size_t run = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\') {
            continue;
        }
        out.append(utf8.substr(run, i - run));
        run = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default: {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        }
        }
    }
    out.append(utf8.substr(run));
    out += '"';
}

std::string JsonText::quote(std::string_view utf8)
{
    std::string out;
    appendString(out, utf8);
    return out;
}

std::string JsonText::pythonFloat(double value)
{
    if (std::isnan(value)) {
        return "nan";
    }
    if (std::isinf(value)) {
        return value < 0 ? "-inf" : "inf";
    }
    const Digits d = shortestDigits(value);
    if (d.decpt > -4 && d.decpt <= 16) {
        return fixedNotation(d, true);
    }
    std::string out = d.negative ? "-" : "";
    out += d.digits[0];
    if (d.digits.size() > 1) {
        out += '.';
        out += d.digits.substr(1);
    }
    const int exp = d.decpt - 1;
    char buf[16];
    std::snprintf(buf, sizeof buf, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += buf;
    return out;
}

void JsonText::appendFloat(std::string& out, double value)
{
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    out += pythonFloat(value);
}

std::string JsonText::rustFloat(double value)
{
    if (std::isnan(value)) {
        return "NaN";
    }
    if (std::isinf(value)) {
        return value < 0 ? "-inf" : "inf";
    }
    return fixedNotation(shortestDigits(value), false);
}

std::string JsonText::pythonRepr(std::string_view utf8)
{
    const bool hasSingle = utf8.find('\'') != std::string_view::npos;
    const bool hasDouble = utf8.find('"') != std::string_view::npos;
    const char q = (hasSingle && !hasDouble) ? '"' : '\'';
    std::string out(1, q);
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const std::size_t start = pos;
        const char32_t c = Utf8::next(utf8, pos);
        if (c == static_cast<char32_t>(q) || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (!printableInPython(c)) {
            char buf[16];
            if (c <= 0xFF) {
                std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
            } else {
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
            }
            out += buf;
        } else {
            out.append(utf8.substr(start, pos - start));
        }
    }
    out += q;
    return out;
}

} // namespace pc
