// SPDX-License-Identifier: Apache-2.0
#include "engine/ExactInt.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace pc {
namespace {

__extension__ using Wide = unsigned __int128;

constexpr std::string_view kInt64MaxDigits = "9223372036854775807";
constexpr std::string_view kInt64MinDigits = "9223372036854775808";
constexpr std::string_view kUint64MaxDigits = "18446744073709551615";

int compareMagnitudes(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) {
        return a.size() < b.size() ? -1 : 1;
    }
    const int c = a.compare(b);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// a - b for magnitudes with a >= b.
std::string subtractMagnitudes(std::string_view a, std::string_view b)
{
    std::string out(a);
    int borrow = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const std::size_t ai = out.size() - 1 - i;
        int d = out[ai] - '0' - borrow;
        if (i < b.size()) {
            d -= b[b.size() - 1 - i] - '0';
        }
        borrow = d < 0 ? 1 : 0;
        out[ai] = static_cast<char>('0' + (d + 10) % 10);
    }
    const std::size_t nz = out.find_first_not_of('0');
    return nz == std::string::npos ? std::string("0") : out.substr(nz);
}

std::uint64_t absMagnitude(std::int64_t v)
{
    return v < 0 ? static_cast<std::uint64_t>(-(v + 1)) + 1 : static_cast<std::uint64_t>(v);
}

} // namespace

std::optional<ExactInt> ExactInt::parse(std::string_view text)
{
    std::size_t i = 0;
    const bool neg = !text.empty() && text[0] == '-';
    if (neg) {
        ++i;
    }
    const std::string_view digits = text.substr(i);
    if (digits.empty() || (digits.size() > 1 && digits[0] == '0')) {
        return std::nullopt;
    }
    for (char c : digits) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
    }
    const std::string_view limit = neg ? kInt64MinDigits : kInt64MaxDigits;
    if (compareMagnitudes(digits, limit) <= 0) {
        std::uint64_t mag = 0;
        for (char c : digits) {
            mag = mag * 10 + static_cast<std::uint64_t>(c - '0');
        }
        ExactInt v;
        v.m_small = neg ? static_cast<std::int64_t>(0 - mag) : static_cast<std::int64_t>(mag);
        return v;
    }
    ExactInt v;
    v.m_negative = neg;
    v.m_magnitude = std::string(digits);
    return v;
}

std::optional<ExactInt> ExactInt::fromJson(const nlohmann::json& value)
{
    if (value.is_number_unsigned()) {
        return parse(std::to_string(value.get<std::uint64_t>()));
    }
    if (value.is_number_integer()) {
        return ExactInt(value.get<std::int64_t>());
    }
    if (value.is_number_float()) {
        const double d = value.get<double>();
        if (!std::isfinite(d) || std::trunc(d) != d) {
            return std::nullopt;
        }
        if (std::fabs(d) < 9.0e18) {
            return ExactInt(static_cast<std::int64_t>(d));
        }
        char buf[400];
        const auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed, 0);
        return parse(std::string_view(buf, static_cast<std::size_t>(res.ptr - buf)));
    }
    return std::nullopt;
}

int ExactInt::compare(const ExactInt& other) const
{
    if (isSmall() && other.isSmall()) {
        return m_small < other.m_small ? -1 : (m_small > other.m_small ? 1 : 0);
    }
    if (isSmall()) {
        return other.m_negative ? 1 : -1;
    }
    if (other.isSmall()) {
        return m_negative ? -1 : 1;
    }
    if (m_negative != other.m_negative) {
        return m_negative ? -1 : 1;
    }
    const int c = compareMagnitudes(m_magnitude, other.m_magnitude);
    return m_negative ? -c : c;
}

bool ExactInt::isMultipleOf(const ExactInt& divisor) const
{
    if (divisor.isSmall()) {
        if (divisor.m_small == 0) {
            return false;
        }
        const std::uint64_t m = absMagnitude(divisor.m_small);
        if (isSmall()) {
            return absMagnitude(m_small) % m == 0;
        }
        Wide r = 0;
        for (char c : m_magnitude) {
            r = (r * 10 + static_cast<Wide>(c - '0')) % m;
        }
        return r == 0;
    }
    if (isSmall()) {
        return m_small == 0; // |this| < |divisor|
    }
    std::string r = "0";
    for (char c : m_magnitude) {
        r = r == "0" ? std::string(1, c) : r + c; // stays free of leading zeros
        while (compareMagnitudes(r, divisor.m_magnitude) >= 0) {
            r = subtractMagnitudes(r, divisor.m_magnitude);
        }
    }
    return r == "0";
}

std::string ExactInt::toString() const
{
    if (isSmall()) {
        return std::to_string(m_small);
    }
    return (m_negative ? "-" : "") + m_magnitude;
}

double ExactInt::toDouble() const
{
    if (isSmall()) {
        return static_cast<double>(m_small);
    }
    double d = 0;
    const auto res = std::from_chars(m_magnitude.data(), m_magnitude.data() + m_magnitude.size(), d);
    if (res.ec == std::errc::result_out_of_range) {
        d = std::numeric_limits<double>::infinity();
    }
    return m_negative ? -d : d;
}

nlohmann::json ExactInt::toJson() const
{
    if (isSmall()) {
        return m_small;
    }
    if (!m_negative && compareMagnitudes(m_magnitude, kUint64MaxDigits) <= 0) {
        std::uint64_t v = 0;
        std::from_chars(m_magnitude.data(), m_magnitude.data() + m_magnitude.size(), v);
        return v;
    }
    return toDouble();
}

} // namespace pc
