// SPDX-License-Identifier: Apache-2.0
// Structured Content-Security-Policy: ordered directives, each with its source
// list, rendered to the header value ("default-src 'self'; object-src 'none'").
// validate() applies CSP Level 3 syntax and helmet 8's quoted-keyword rule.
#pragma once

#include "common/Error.h"

#include <string>
#include <vector>

namespace pc {

struct CspDirective {
    std::string name;                 // "default-src"
    std::vector<std::string> sources; // "'self'", "https://cdn.example.com"; empty for flags
    bool operator==(const CspDirective&) const = default;
};

struct CspPolicy {
    std::vector<CspDirective> directives;
    bool reportOnly = false; // sent as Content-Security-Policy-Report-Only

    [[nodiscard]] std::string headerName() const;
    [[nodiscard]] std::string render() const;
    [[nodiscard]] const CspDirective* directive(std::string_view name) const;
    // Syntax problems, with pointers relative to `base` (e.g. "/headers/csp").
    [[nodiscard]] Errors validate(const std::string& base) const;
    bool operator==(const CspPolicy&) const = default;
};

} // namespace pc
