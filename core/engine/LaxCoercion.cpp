// SPDX-License-Identifier: Apache-2.0
#include "engine/LaxCoercion.h"

#include "common/Utf8.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

namespace pc {
namespace {

constexpr std::size_t kMaxIntDigits = 4300;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool equalsIgnoreAsciiCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        if (x >= 'A' && x <= 'Z') {
            x = static_cast<char>(x - 'A' + 'a');
        }
        if (x != b[i]) {
            return false;
        }
    }
    return true;
}

// Python refuses leading, trailing and doubled underscores ("_1", "1_", "1__0").
std::optional<std::string> stripUnderscores(std::string_view s)
{
    if (s.empty() || s.front() == '_' || s.back() == '_' || s.find('_') == std::string_view::npos ||
        s.find("__") != std::string_view::npos) {
        return std::nullopt;
    }
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c != '_') {
            out += c;
        }
    }
    return out;
}

// pydantic-core's strip_leading_zeros: "000" -> "0", "00.0" -> "0.0", "0_000" -> "0".
std::optional<std::string_view> stripLeadingZeros(std::string_view s)
{
    if (s.empty()) {
        return std::nullopt;
    }
    if (s[0] != '0') {
        if ((s[0] >= '1' && s[0] <= '9') || s[0] == '-') {
            return s;
        }
        return std::nullopt;
    }
    for (std::size_t i = 1; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '0' || c == '_') {
            continue;
        }
        if ((c >= '1' && c <= '9') || c == '-') {
            return s.substr(i);
        }
        if (c == '.') {
            return s.substr(i - 1);
        }
        return std::nullopt;
    }
    return s.substr(s.size() - 1);
}

std::optional<std::string> cleanIntString(std::string_view original)
{
    std::string_view s = Utf8::trim(original);
    if (!s.empty() && s[0] == '+') {
        if (s.size() > 1 && s[1] == '-') {
            return std::nullopt;
        }
        s.remove_prefix(1);
    }
    bool negative = false;
    if (!s.empty() && s[0] == '-') {
        if (s.size() > 1 && (s[1] == '-' || s[1] == '+')) {
            return std::nullopt;
        }
        negative = true;
        s.remove_prefix(1);
    }
    const auto stripped = stripLeadingZeros(s);
    if (!stripped) {
        return std::nullopt;
    }
    s = *stripped;
    const std::size_t dot = s.find('.');
    if (dot != std::string_view::npos) {
        const std::string_view decimals = s.substr(dot + 1);
        if (!decimals.empty() && decimals.find_first_not_of('0') == std::string_view::npos) {
            s = s.substr(0, dot);
        }
    }
    const std::string sign = negative ? "-" : "";
    if (auto noUnderscores = stripUnderscores(s)) {
        return sign + *noUnderscores;
    }
    if (original.size() == s.size()) {
        return std::nullopt; // nothing was cleaned: the text is simply not an integer
    }
    return sign + std::string(s);
}

double parseDecimalOutOfRange(std::string_view num)
{
    const bool neg = !num.empty() && num[0] == '-';
    long long exp = 0;
    const std::size_t e = num.find_first_of("eE");
    if (e != std::string_view::npos) {
        std::string_view es = num.substr(e + 1);
        const bool expNeg = !es.empty() && es[0] == '-';
        if (!es.empty() && (es[0] == '+' || es[0] == '-')) {
            es.remove_prefix(1);
        }
        for (char c : es) {
            exp = std::min(exp * 10 + (c - '0'), 1000000LL);
        }
        exp = expNeg ? -exp : exp;
    }
    const std::string_view mant = num.substr(0, e);
    const std::size_t firstNonZero = mant.find_first_of("123456789");
    const std::size_t point = mant.find('.');
    const std::size_t intEnd = point == std::string_view::npos ? mant.size() : point;
    if (firstNonZero != std::string_view::npos) {
        exp += static_cast<long long>(intEnd) - static_cast<long long>(firstNonZero);
    }
    const double v = exp > 0 ? std::numeric_limits<double>::infinity() : 0.0;
    return neg ? -v : v;
}

// Rust's <f64 as FromStr>: [+-]? (inf | infinity | nan | digits[.digits][e[+-]digits]).
std::optional<double> parseRustFloat(std::string_view s)
{
    bool negative = false;
    std::string_view body = s;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
        negative = body[0] == '-';
        body.remove_prefix(1);
    }
    if (equalsIgnoreAsciiCase(body, "inf") || equalsIgnoreAsciiCase(body, "infinity")) {
        return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    }
    if (equalsIgnoreAsciiCase(body, "nan")) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    std::size_t i = 0;
    std::size_t digits = 0;
    while (i < body.size() && isDigit(body[i])) {
        ++i;
        ++digits;
    }
    if (i < body.size() && body[i] == '.') {
        ++i;
        while (i < body.size() && isDigit(body[i])) {
            ++i;
            ++digits;
        }
    }
    if (digits == 0) {
        return std::nullopt;
    }
    if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
        ++i;
        if (i < body.size() && (body[i] == '+' || body[i] == '-')) {
            ++i;
        }
        const std::size_t expStart = i;
        while (i < body.size() && isDigit(body[i])) {
            ++i;
        }
        if (i == expStart) {
            return std::nullopt;
        }
    }
    if (i != body.size()) {
        return std::nullopt;
    }
    double value = 0;
    const auto res = std::from_chars(body.data(), body.data() + body.size(), value);
    if (res.ec == std::errc::result_out_of_range) {
        value = parseDecimalOutOfRange(body);
    } else if (res.ec != std::errc() || res.ptr != body.data() + body.size()) {
        return std::nullopt;
    }
    return negative ? -value : value;
}

LaxCoercion::IntResult parseJsonInt(std::string_view s, bool& tooLong)
{
    const std::size_t digits = s.size() - ((!s.empty() && s[0] == '-') ? 1 : 0);
    LaxCoercion::IntResult r;
    if (auto v = ExactInt::parse(s)) {
        if (digits > kMaxIntDigits) {
            tooLong = true;
            r.status = LaxCoercion::IntStatus::ParsingSize;
            return r;
        }
        r.status = LaxCoercion::IntStatus::Ok;
        r.value = *v;
    }
    return r;
}

} // namespace

LaxCoercion::IntResult LaxCoercion::stringToInt(std::string_view text)
{
    bool tooLong = false;
    IntResult direct = parseJsonInt(text, tooLong);
    if (direct.status == IntStatus::Ok || tooLong) {
        return direct;
    }
    IntResult r;
    if (const auto cleaned = cleanIntString(text)) {
        bool cleanedTooLong = false;
        IntResult second = parseJsonInt(*cleaned, cleanedTooLong);
        if (second.status == IntStatus::Ok) {
            return second;
        }
    }
    r.status = IntStatus::Parsing;
    return r;
}

LaxCoercion::IntResult LaxCoercion::floatToInt(double value)
{
    IntResult r;
    if (!std::isfinite(value)) {
        r.status = IntStatus::NotFinite;
    } else if (std::fmod(value, 1.0) != 0.0) {
        r.status = IntStatus::FromFloat;
    } else if (static_cast<double>(std::numeric_limits<std::int64_t>::min()) < value &&
               value < static_cast<double>(std::numeric_limits<std::int64_t>::max())) {
        r.status = IntStatus::Ok;
        r.value = ExactInt(static_cast<std::int64_t>(value));
    } else {
        r.status = IntStatus::ParsingSize;
    }
    return r;
}

std::optional<double> LaxCoercion::stringToFloat(std::string_view text)
{
    if (auto v = parseRustFloat(Utf8::trim(text))) {
        return v;
    }
    if (const auto stripped = stripUnderscores(text)) {
        return parseRustFloat(*stripped);
    }
    return std::nullopt;
}

std::optional<bool> LaxCoercion::stringToBool(std::string_view s)
{
    if (s == "0" || equalsIgnoreAsciiCase(s, "f") || equalsIgnoreAsciiCase(s, "n") || equalsIgnoreAsciiCase(s, "no") ||
        equalsIgnoreAsciiCase(s, "off") || equalsIgnoreAsciiCase(s, "false")) {
        return false;
    }
    if (s == "1" || equalsIgnoreAsciiCase(s, "t") || equalsIgnoreAsciiCase(s, "y") || equalsIgnoreAsciiCase(s, "on") ||
        equalsIgnoreAsciiCase(s, "yes") || equalsIgnoreAsciiCase(s, "true")) {
        return true;
    }
    return std::nullopt;
}

} // namespace pc
