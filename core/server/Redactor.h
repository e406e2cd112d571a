// SPDX-License-Identifier: Apache-2.0
// Redactor: keeps credentials out of request events and logs. It masks the
// values of credential-bearing headers (Authorization keeps its scheme, Cookie
// keeps its names), query parameters whose names look like credentials, any
// JWT-shaped string, and the literal values of the policy's secrets.
// Immutable after construction; thread-safe.
#pragma once

#include "policy/HeaderField.h"

#include <string>
#include <string_view>
#include <vector>

namespace pc {

class Redactor {
public:
    static constexpr std::string_view mask = "[redacted]";

    Redactor() = default;
    // Values shorter than 4 bytes are ignored: masking them would garble everything.
    explicit Redactor(std::vector<std::string> secretValues);

    [[nodiscard]] static bool isSensitiveHeader(std::string_view name);
    [[nodiscard]] static bool isSensitiveParameter(std::string_view name);

    [[nodiscard]] std::string headerValue(std::string_view name, std::string_view value) const;
    [[nodiscard]] std::vector<HeaderField> headers(const std::vector<HeaderField>& fields) const;
    [[nodiscard]] std::string target(std::string_view target) const;
    // Free text (trace reasons): JWT-shaped strings and known secret values.
    [[nodiscard]] std::string text(std::string_view text) const;

private:
    std::vector<std::string> m_secrets;
};

} // namespace pc
