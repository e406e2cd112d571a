// SPDX-License-Identifier: Apache-2.0
// StringFormats: the `format` checks of string fields, reported the way the
// matching Pydantic type reports them — EmailStr (value_error, "value is not
// a valid email address: …"), UUID (uuid_parsing), AnyUrl (url_parsing),
// AwareDatetime in RFC 3339 form (datetime_parsing, timezone_aware),
// IPv4Address/IPv6Address (ip_v4_address, ip_v6_address). The `error` and
// `reason` texts follow the Rust and Python libraries behind those types for
// the common failures; rare ones get a plain description.
// Stateless functions; thread-safe.
#pragma once

#include "policy/Schema.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace pc {

class StringFormats {
public:
    struct Failure {
        std::string type;
        std::string msg;
        nlohmann::ordered_json ctx; // null when the message has no parameters
    };

    [[nodiscard]] static std::optional<Failure> check(StringFormat format, std::string_view value);

    [[nodiscard]] static std::optional<std::string> emailProblem(std::string_view value);
    [[nodiscard]] static std::optional<std::string> uuidProblem(std::string_view value);
    [[nodiscard]] static std::optional<std::string> uriProblem(std::string_view value);
    // Empty optional: valid with an offset; "" (empty string): valid but without a time zone.
    [[nodiscard]] static std::optional<std::string> dateTimeProblem(std::string_view value);
    [[nodiscard]] static bool isIpv4(std::string_view value);
    [[nodiscard]] static bool isIpv6(std::string_view value);
};

} // namespace pc
