// SPDX-License-Identifier: Apache-2.0
#include "common/Timestamp.h"

#include <chrono>
#include <cstdio>

namespace pc {
namespace {

bool digits(std::string_view s, size_t pos, size_t count, int& value)
{
    if (pos + count > s.size()) {
        return false;
    }
    value = 0;
    for (size_t i = pos; i < pos + count; ++i) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        value = value * 10 + (s[i] - '0');
    }
    return true;
}

} // namespace

std::optional<SystemTime> Timestamp::parseRfc3339(std::string_view s)
{
    using namespace std::chrono;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (s.size() < 20 || s.size() > 40 || !digits(s, 0, 4, year) || s[4] != '-' || !digits(s, 5, 2, month) ||
        s[7] != '-' || !digits(s, 8, 2, day) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
        !digits(s, 11, 2, hour) || s[13] != ':' || !digits(s, 14, 2, minute) || s[16] != ':' ||
        !digits(s, 17, 2, second)) {
        return std::nullopt;
    }
    const year_month_day ymd{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                             std::chrono::day(static_cast<unsigned>(day))};
    if (year < 1970 || !ymd.ok() || hour > 23 || minute > 59 || second > 60) {
        return std::nullopt;
    }
    size_t pos = 19;
    nanoseconds fraction{0};
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        long long scale = 100'000'000;
        const size_t start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            fraction += nanoseconds((s[pos] - '0') * scale);
            scale /= 10;
            ++pos;
        }
        if (pos == start) {
            return std::nullopt;
        }
    }
    minutes offset{0};
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
        ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        int oh = 0, om = 0;
        if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' || !digits(s, pos + 4, 2, om) ||
            oh > 23 || om > 59) {
            return std::nullopt;
        }
        offset = minutes(oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != s.size()) {
        return std::nullopt;
    }
    // A leap second (:60) is read as the first instant of the next minute.
    const auto local = sys_days(ymd) + hours(hour) + minutes(minute) + seconds(second) + fraction;
    return time_point_cast<SystemTime::duration>(local - offset);
}

std::string Timestamp::formatRfc3339(SystemTime time)
{
    using namespace std::chrono;
    const auto ms = time_point_cast<milliseconds>(time);
    const auto days = floor<std::chrono::days>(ms);
    const year_month_day ymd(days);
    const hh_mm_ss hms(ms - days);
    char buffer[40];
    const long long millis = hms.subseconds().count();
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02lld:%02lld:%02lld", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<long long>(hms.hours().count()), static_cast<long long>(hms.minutes().count()),
                  static_cast<long long>(hms.seconds().count()));
    std::string out(buffer);
    if (millis != 0) {
        std::snprintf(buffer, sizeof buffer, ".%03lld", millis);
        out += buffer;
    }
    out += 'Z';
    return out;
}

} // namespace pc
