// SPDX-License-Identifier: Apache-2.0
// QueryString: splits an application/x-www-form-urlencoded query the way
// Starlette does (Python's parse_qsl on the latin-1 decoded query,
// keep_blank_values=True): '&' separates pairs, '+' is a space, %XX escapes
// are UTF-8 with U+FFFD for invalid sequences, a lone key maps to "" and
// empty pieces are skipped. Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pc {

class QueryString {
public:
    using Pairs = std::vector<std::pair<std::string, std::string>>;

    [[nodiscard]] static Pairs parse(std::string_view query);
    // Python's urllib.parse.unquote on latin-1 decoded input.
    [[nodiscard]] static std::string unquote(std::string_view raw);
};

} // namespace pc
