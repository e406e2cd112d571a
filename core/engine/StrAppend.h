// SPDX-License-Identifier: Apache-2.0
// strAppend(out, parts...): appends text and integers to a string in one pass,
// without the temporaries of `a + b + c`. For hot paths that must still speak
// sentences (trace steps, header values). Stateless, thread-safe.
#pragma once

#include <charconv>
#include <string>
#include <string_view>
#include <type_traits>

namespace pc {

namespace detail {

inline void appendOne(std::string& out, std::string_view text)
{
    out.append(text);
}

inline void appendOne(std::string& out, char c)
{
    out.push_back(c);
}

template <class T>
requires(std::is_integral_v<T> && !std::is_same_v<T, char> && !std::is_same_v<T, bool>) void appendOne(std::string& out,
                                                                                                       T value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

} // namespace detail

template <class... Parts> void strAppend(std::string& out, const Parts&... parts)
{
    (detail::appendOne(out, parts), ...);
}

template <class... Parts> [[nodiscard]] std::string strCat(const Parts&... parts)
{
    std::string out;
    strAppend(out, parts...);
    return out;
}

} // namespace pc
