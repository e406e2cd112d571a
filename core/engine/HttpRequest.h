// SPDX-License-Identifier: Apache-2.0
// HttpRequest: one request as the engine sees it, whether it came from the test
// server, the simulator or a raw HTTP file. Plain data; header lookups are
// case-insensitive (RFC 9110). Not thread-safe to mutate.
#pragma once

#include "policy/HeaderField.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pc {

struct HttpRequest {
    std::string method; // as received ("GET")
    std::string target; // origin-form request target, "/path?query"
    std::vector<HeaderField> headers;
    std::string body;
    std::string peerAddress; // socket peer: "127.0.0.1", "::1"
    bool secure = false;     // arrived over TLS

    // First value of a header, compared case-insensitively.
    [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const;
    // Every value of a header, in order.
    [[nodiscard]] std::vector<std::string_view> headerValues(std::string_view name) const;
    [[nodiscard]] std::string_view path() const;  // target before '?'
    [[nodiscard]] std::string_view query() const; // target after '?', without it
};

[[nodiscard]] bool equalsIgnoreCase(std::string_view a, std::string_view b);

} // namespace pc
