// SPDX-License-Identifier: Apache-2.0
#include "engine/HttpRequest.h"

namespace pc {

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        if (x >= 'A' && x <= 'Z') {
            x = static_cast<char>(x - 'A' + 'a');
        }
        if (y >= 'A' && y <= 'Z') {
            y = static_cast<char>(y - 'A' + 'a');
        }
        if (x != y) {
            return false;
        }
    }
    return true;
}

std::optional<std::string_view> HttpRequest::header(std::string_view name) const
{
    for (const HeaderField& h : headers) {
        if (equalsIgnoreCase(h.name, name)) {
            return std::string_view(h.value);
        }
    }
    return std::nullopt;
}

std::vector<std::string_view> HttpRequest::headerValues(std::string_view name) const
{
    std::vector<std::string_view> values;
    for (const HeaderField& h : headers) {
        if (equalsIgnoreCase(h.name, name)) {
            values.emplace_back(h.value);
        }
    }
    return values;
}

std::string_view HttpRequest::path() const
{
    const std::string_view t(target);
    return t.substr(0, t.find('?'));
}

std::string_view HttpRequest::query() const
{
    const std::string_view t(target);
    const size_t q = t.find('?');
    return q == std::string_view::npos ? std::string_view() : t.substr(q + 1);
}

} // namespace pc
