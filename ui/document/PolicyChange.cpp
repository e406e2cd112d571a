// SPDX-License-Identifier: Apache-2.0
#include "document/PolicyChange.h"

#include <algorithm>
#include <cctype>

namespace pc::policypath {

bool isWithin(std::string_view path, std::string_view prefix)
{
    if (prefix.empty()) {
        return true;
    }
    return path.starts_with(prefix) && (path.size() == prefix.size() || path[prefix.size()] == '/');
}

bool related(std::string_view a, std::string_view b)
{
    return isWithin(a, b) || isWithin(b, a);
}

int rowBelow(std::string_view path, std::string_view list)
{
    if (!isWithin(path, list) || path.size() <= list.size() + 1) {
        return -1;
    }
    std::string_view rest = path.substr(list.size() + 1);
    rest = rest.substr(0, rest.find('/'));
    if (rest.empty() || rest.size() > 9 || !std::all_of(rest.begin(), rest.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c)) != 0;
        })) {
        return -1;
    }
    int row = 0;
    for (char c : rest) {
        row = row * 10 + (c - '0');
    }
    return row;
}

std::string generic(std::string_view path)
{
    std::string out;
    size_t i = 0;
    while (i < path.size()) {
        const size_t next = path.find('/', i + 1);
        const std::string_view token =
            path.substr(i + 1, (next == std::string_view::npos ? path.size() : next) - i - 1);
        const bool numeric = !token.empty() && std::all_of(token.begin(), token.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c)) != 0;
        });
        out += '/';
        out += numeric ? std::string_view("*") : token;
        if (next == std::string_view::npos) {
            break;
        }
        i = next;
    }
    return out;
}

std::string join(std::string_view base, std::string_view key)
{
    std::string out(base);
    out += '/';
    out += key;
    return out;
}

std::string join(std::string_view base, int row)
{
    return join(base, std::to_string(row));
}

} // namespace pc::policypath
