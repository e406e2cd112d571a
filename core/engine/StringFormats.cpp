// SPDX-License-Identifier: Apache-2.0
#include "engine/StringFormats.h"

#include "common/Utf8.h"

#include <array>
#include <vector>

namespace pc {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::vector<std::string_view> split(std::string_view s, char sep)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t p = s.find(sep, start);
        parts.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
        if (p == std::string_view::npos) {
            return parts;
        }
        start = p + 1;
    }
}

std::string plural(std::size_t n, std::string_view word)
{
    return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

// email-validator shows each offending character once, in order of appearance.
std::string listCharacters(const std::string& chars)
{
    std::string out;
    std::size_t pos = 0;
    std::vector<char32_t> seen;
    while (pos < chars.size()) {
        const char32_t c = Utf8::next(chars, pos);
        bool dup = false;
        for (char32_t s : seen) {
            dup = dup || s == c;
        }
        if (dup) {
            continue;
        }
        seen.push_back(c);
        if (!out.empty()) {
            out += ", ";
        }
        if (c == ' ') {
            out += "SPACE";
        } else if (c < 0x20 || c == 0x7F) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
            out += buf;
        } else {
            Utf8::append(out, c);
        }
    }
    return out;
}

bool isAtext(char32_t c)
{
    if (c >= 0x80) {
        return c > 0x9F && !Utf8::isWhiteSpace(c); // internationalized local parts are allowed
    }
    const char a = static_cast<char>(c);
    return isAlpha(a) || isDigit(a) || std::string_view("!#$%&'*+/=?^_`{|}~-").find(a) != std::string_view::npos;
}

bool isDomainChar(char32_t c)
{
    if (c >= 0x80) {
        return c > 0x9F && !Utf8::isWhiteSpace(c);
    }
    const char a = static_cast<char>(c);
    return isAlpha(a) || isDigit(a) || a == '-' || a == '.';
}

bool endsWithLabel(std::string_view domain, std::string_view label)
{
    if (domain.size() < label.size()) {
        return false;
    }
    std::string lower = Utf8::toLower(domain);
    const std::string_view d(lower);
    return d == label || (d.size() > label.size() && d.substr(d.size() - label.size()) == label &&
                          d[d.size() - label.size() - 1] == '.');
}

std::optional<std::string> localPartProblem(std::string_view local)
{
    if (local.empty()) {
        return "There must be something before the @-sign.";
    }
    std::string bad;
    std::size_t pos = 0;
    while (pos < local.size()) {
        const std::size_t start = pos;
        const char32_t c = Utf8::next(local, pos);
        if (c != '.' && !isAtext(c)) {
            bad.append(local.substr(start, pos - start));
        }
    }
    if (!bad.empty()) {
        return "The email address contains invalid characters before the @-sign: " + listCharacters(bad) + ".";
    }
    if (local.front() == '.') {
        return "An email address cannot start with a period.";
    }
    if (local.back() == '.') {
        return "An email address cannot have a period immediately before the @-sign.";
    }
    if (local.find("..") != std::string_view::npos) {
        return "An email address cannot have two periods in a row.";
    }
    const std::size_t n = Utf8::codePointCount(local);
    if (n > 64) {
        return "The email address is too long before the @-sign (" + plural(n - 64, "character") + " too many).";
    }
    return std::nullopt;
}

std::optional<std::string> domainProblem(std::string_view domain)
{
    if (domain.empty()) {
        return "There must be something after the @-sign.";
    }
    if (domain.front() == '[') {
        return "A bracketed IP address after the @-sign is not allowed here.";
    }
    std::string bad;
    std::size_t pos = 0;
    while (pos < domain.size()) {
        const std::size_t start = pos;
        if (!isDomainChar(Utf8::next(domain, pos))) {
            bad.append(domain.substr(start, pos - start));
        }
    }
    if (!bad.empty()) {
        return "The part after the @-sign contains invalid characters: " + listCharacters(bad) + ".";
    }
    if (domain.front() == '.') {
        return "An email address cannot have a period immediately after the @-sign.";
    }
    if (domain.back() == '.') {
        return "An email address cannot end with a period.";
    }
    if (domain.find("..") != std::string_view::npos) {
        return "An email address cannot have two periods in a row.";
    }
    for (std::string_view label : split(domain, '.')) {
        if (label.front() == '-') {
            return "An email address cannot have a hyphen immediately after the @-sign or after a period.";
        }
        if (label.back() == '-') {
            return "An email address cannot have a hyphen immediately before a period or end with a hyphen.";
        }
        if (label.size() > 63) {
            return "After the @-sign, periods cannot be separated by so many characters (" +
                   plural(label.size() - 63, "character") + " too many).";
        }
    }
    if (domain.find('.') == std::string_view::npos) {
        return "The part after the @-sign is not valid. It should have a period.";
    }
    for (std::string_view special : {"arpa", "invalid", "local", "localhost", "onion", "test"}) {
        if (endsWithLabel(domain, special)) {
            return "The part after the @-sign is a special-use or reserved name that cannot be used with email.";
        }
    }
    const std::string_view tld = domain.substr(domain.rfind('.') + 1);
    if (tld.find_first_not_of("0123456789") == std::string_view::npos) {
        return "The part after the @-sign is not valid. It is not within a valid top-level domain.";
    }
    return std::nullopt;
}

bool isIpv4Octets(std::string_view s)
{
    const auto parts = split(s, '.');
    if (parts.size() != 4) {
        return false;
    }
    for (std::string_view p : parts) {
        if (p.empty() || p.size() > 3 || (p.size() > 1 && p[0] == '0')) {
            return false;
        }
        int v = 0;
        for (char c : p) {
            if (!isDigit(c)) {
                return false;
            }
            v = v * 10 + (c - '0');
        }
        if (v > 255) {
            return false;
        }
    }
    return true;
}

bool allDigits(std::string_view s, std::size_t from, std::size_t count)
{
    for (std::size_t i = from; i < from + count; ++i) {
        if (i >= s.size() || !isDigit(s[i])) {
            return false;
        }
    }
    return true;
}

int number(std::string_view s, std::size_t from, std::size_t count)
{
    int v = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

} // namespace

std::optional<std::string> StringFormats::emailProblem(std::string_view value)
{
    if (Utf8::codePointCount(value) > 2048) {
        return "Length must not exceed 2048 characters";
    }
    const std::size_t at = value.rfind('@');
    if (at == std::string_view::npos) {
        return "An email address must have an @-sign.";
    }
    if (auto p = localPartProblem(value.substr(0, at))) {
        return p;
    }
    if (auto p = domainProblem(value.substr(at + 1))) {
        return p;
    }
    const std::size_t n = Utf8::codePointCount(value);
    if (n > 254) {
        return "The email address is too long (" + plural(n - 254, "character") + " too many).";
    }
    return std::nullopt;
}

std::optional<std::string> StringFormats::uuidProblem(std::string_view value)
{
    std::string_view s = value;
    std::size_t offset = 0;
    if (s.substr(0, 9) == "urn:uuid:") {
        s.remove_prefix(9);
        offset = 9;
    } else if (s.size() >= 2 && s.front() == '{' && s.back() == '}') {
        s = s.substr(1, s.size() - 2);
        offset = 1;
    }
    std::size_t pos = 0;
    while (pos < s.size()) {
        const std::size_t start = pos;
        const char32_t c = Utf8::next(s, pos);
        if (c != '-' && !(c < 0x80 && isHex(static_cast<char>(c)))) {
            std::string ch;
            Utf8::append(ch, c);
            return "invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `" +
                   ch + "` at " + std::to_string(start + offset + 1);
        }
    }
    if (s.find('-') == std::string_view::npos) {
        if (s.size() != 32) {
            return "invalid length: expected length 32 for simple format, found " + std::to_string(s.size());
        }
        return std::nullopt;
    }
    const auto groups = split(s, '-');
    if (groups.size() != 5) {
        return "invalid group count: expected 5, found " + std::to_string(groups.size());
    }
    static constexpr std::array<std::size_t, 5> kLengths{8, 4, 4, 4, 12};
    for (std::size_t g = 0; g < 5; ++g) {
        if (groups[g].size() != kLengths[g]) {
            return "invalid group length in group " + std::to_string(g) + ": expected " + std::to_string(kLengths[g]) +
                   ", found " + std::to_string(groups[g].size());
        }
    }
    return std::nullopt;
}

std::optional<std::string> StringFormats::uriProblem(std::string_view value)
{
    // The URL standard ignores leading and trailing C0 controls and spaces.
    while (!value.empty() && static_cast<unsigned char>(value.front()) <= 0x20) {
        value.remove_prefix(1);
    }
    while (!value.empty() && static_cast<unsigned char>(value.back()) <= 0x20) {
        value.remove_suffix(1);
    }
    const std::size_t colon = value.find(':');
    if (colon == std::string_view::npos || colon == 0 || !isAlpha(value[0])) {
        return "relative URL without a base";
    }
    for (std::size_t i = 1; i < colon; ++i) {
        const char c = value[i];
        if (!isAlpha(c) && !isDigit(c) && c != '+' && c != '-' && c != '.') {
            return "relative URL without a base";
        }
    }
    const std::string scheme = Utf8::toLower(value.substr(0, colon));
    const bool special = scheme == "http" || scheme == "https" || scheme == "ws" || scheme == "wss" || scheme == "ftp";
    if (!special) {
        return std::nullopt; // file:, mailto:, urn: and other schemes take any remainder
    }
    std::string_view rest = value.substr(colon + 1);
    while (!rest.empty() && (rest.front() == '/' || rest.front() == '\\')) {
        rest.remove_prefix(1);
    }
    std::string_view authority = rest.substr(0, rest.find_first_of("/\\?#"));
    const std::size_t at = authority.rfind('@');
    if (at != std::string_view::npos) {
        authority.remove_prefix(at + 1);
    }
    std::string_view host = authority;
    std::string_view port;
    if (!host.empty() && host.front() == '[') {
        const std::size_t close = host.find(']');
        if (close == std::string_view::npos || !isIpv6(host.substr(1, close - 1))) {
            return "invalid IPv6 address";
        }
        port = host.substr(close + 1);
        host = host.substr(0, close + 1);
        if (!port.empty() && port.front() != ':') {
            return "invalid port number";
        }
        port = port.empty() ? port : port.substr(1);
    } else {
        const std::size_t c = host.rfind(':');
        if (c != std::string_view::npos) {
            port = host.substr(c + 1);
            host = host.substr(0, c);
        }
    }
    if (host.empty()) {
        return "empty host";
    }
    if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos ||
        (!port.empty() && std::stoi(std::string(port)) > 65535)) {
        return "invalid port number";
    }
    if (host.front() != '[') {
        for (char c : host) {
            const auto u = static_cast<unsigned char>(c);
            if (u <= 0x20 || u == 0x7F || std::string_view("#%/:<>?@[\\]^|").find(c) != std::string_view::npos) {
                return "invalid domain character";
            }
        }
        const std::string_view last = host.substr(host.rfind('.') == std::string_view::npos ? 0 : host.rfind('.') + 1);
        if (!last.empty() && last.find_first_not_of("0123456789") == std::string_view::npos && !isIpv4(host)) {
            return "invalid IPv4 address";
        }
    }
    return std::nullopt;
}

std::optional<std::string> StringFormats::dateTimeProblem(std::string_view s)
{
    // speedate's messages, for the RFC 3339 profile: YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)
    if (s.size() < 10) {
        return "input is too short";
    }
    if (!allDigits(s, 0, 4)) {
        return "invalid character in year";
    }
    if (s[4] != '-') {
        return "invalid date separator, expected `-`";
    }
    if (!allDigits(s, 5, 2)) {
        return "invalid character in month";
    }
    if (s[7] != '-') {
        return "invalid date separator, expected `-`";
    }
    if (!allDigits(s, 8, 2)) {
        return "invalid character in day";
    }
    const int year = number(s, 0, 4);
    const int month = number(s, 5, 2);
    const int day = number(s, 8, 2);
    if (month < 1 || month > 12) {
        return "month value is outside expected range of 1-12";
    }
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int maxDay = (month == 2 && leap) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
    if (day < 1 || day > maxDay) {
        return "day value is outside expected range";
    }
    if (s.size() < 19) {
        return "input is too short";
    }
    if (s[10] != 'T' && s[10] != 't' && s[10] != ' ' && s[10] != '_') {
        return "invalid datetime separator, expected `T`, `t`, `_` or space";
    }
    if (!allDigits(s, 11, 2)) {
        return "invalid character in hour";
    }
    if (number(s, 11, 2) > 23) {
        return "hour value is outside expected range of 0-23";
    }
    if (s[13] != ':') {
        return "invalid time separator, expected `:`";
    }
    if (!allDigits(s, 14, 2)) {
        return "invalid character in minute";
    }
    if (number(s, 14, 2) > 59) {
        return "minute value is outside expected range of 0-59";
    }
    if (s[16] != ':') {
        return "invalid time separator, expected `:`";
    }
    if (!allDigits(s, 17, 2)) {
        return "invalid character in second";
    }
    if (number(s, 17, 2) > 59) {
        return "second value is outside expected range of 0-59";
    }
    std::size_t i = 19;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        ++i;
        const std::size_t start = i;
        while (i < s.size() && isDigit(s[i])) {
            ++i;
        }
        if (i == start) {
            return "invalid character in second fraction";
        }
    }
    if (i == s.size()) {
        return std::string(); // valid, but naive
    }
    if (s[i] == 'Z' || s[i] == 'z') {
        ++i;
    } else if (s[i] == '+' || s[i] == '-') {
        if (!allDigits(s, i + 1, 2)) {
            return "invalid timezone hour";
        }
        if (i + 3 >= s.size() || s[i + 3] != ':' || !allDigits(s, i + 4, 2)) {
            return "invalid timezone minute";
        }
        if (number(s, i + 1, 2) > 23 || number(s, i + 4, 2) > 59) {
            return "timezone offset must be less than 24 hours";
        }
        i += 6;
    } else {
        return "invalid timezone sign";
    }
    if (i != s.size()) {
        return "unexpected extra characters at the end of the input";
    }
    return std::nullopt;
}

bool StringFormats::isIpv4(std::string_view value)
{
    return isIpv4Octets(value);
}

// Python's ipaddress.IPv6Address rules, including an embedded IPv4 tail and a %scope.
bool StringFormats::isIpv6(std::string_view value)
{
    std::string_view addr = value;
    const std::size_t percent = addr.find('%');
    if (percent != std::string_view::npos) {
        if (percent + 1 == addr.size()) {
            return false;
        }
        addr = addr.substr(0, percent);
    }
    std::vector<std::string_view> parts = split(addr, ':');
    if (parts.size() < 3) {
        return false;
    }
    if (parts.back().find('.') != std::string_view::npos) {
        if (!isIpv4Octets(parts.back())) {
            return false;
        }
        parts.back() = "0"; // the IPv4 tail stands for two groups
        parts.push_back("0");
    }
    if (parts.size() > 9) {
        return false;
    }
    std::size_t skip = 0;
    for (std::size_t i = 1; i + 1 < parts.size(); ++i) {
        if (parts[i].empty()) {
            if (skip != 0) {
                return false; // more than one "::"
            }
            skip = i;
        }
    }
    if (skip != 0) {
        std::size_t hi = skip;
        std::size_t lo = parts.size() - skip - 1;
        if (parts.front().empty() && --hi != 0) {
            return false; // a leading ':' only as part of "::"
        }
        if (parts.back().empty() && --lo != 0) {
            return false;
        }
        if (hi + lo >= 8) {
            return false; // "::" must stand for at least one group
        }
    } else if (parts.size() != 8 || parts.front().empty() || parts.back().empty()) {
        return false;
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string_view p = parts[i];
        if (p.empty()) {
            continue;
        }
        if (p.size() > 4) {
            return false;
        }
        for (char c : p) {
            if (!isHex(c)) {
                return false;
            }
        }
    }
    return true;
}

std::optional<StringFormats::Failure> StringFormats::check(StringFormat format, std::string_view value)
{
    auto withError = [](std::string type, std::string prefix, std::string key, std::string detail) {
        Failure f{std::move(type), std::move(prefix) + detail, nlohmann::ordered_json::object()};
        f.ctx[key] = detail;
        return f;
    };
    switch (format) {
    case StringFormat::None:
        return std::nullopt;
    case StringFormat::Email:
        if (auto p = emailProblem(value)) {
            return withError("value_error", "value is not a valid email address: ", "reason", *p);
        }
        return std::nullopt;
    case StringFormat::Uuid:
        if (auto p = uuidProblem(value)) {
            return withError("uuid_parsing", "Input should be a valid UUID, ", "error", *p);
        }
        return std::nullopt;
    case StringFormat::Uri:
        if (auto p = uriProblem(value)) {
            return withError("url_parsing", "Input should be a valid URL, ", "error", *p);
        }
        return std::nullopt;
    case StringFormat::DateTime:
        if (auto p = dateTimeProblem(value)) {
            if (p->empty()) {
                return Failure{"timezone_aware", "Input should have timezone info", nullptr};
            }
            return withError("datetime_parsing", "Input should be a valid datetime, ", "error", *p);
        }
        return std::nullopt;
    case StringFormat::Ipv4:
        if (!isIpv4(value)) {
            return Failure{"ip_v4_address", "Input is not a valid IPv4 address", nullptr};
        }
        return std::nullopt;
    case StringFormat::Ipv6:
        if (!isIpv6(value)) {
            return Failure{"ip_v6_address", "Input is not a valid IPv6 address", nullptr};
        }
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace pc
