// SPDX-License-Identifier: Apache-2.0
// Response headers added to or removed from every response (errors included),
// with structured builders for CSP, HSTS and Permissions-Policy. `rendered()`
// gives the final ordered list the engine applies.
#pragma once

#include "policy/CspPolicy.h"
#include "policy/HeaderField.h"
#include "policy/HstsPolicy.h"
#include "policy/PermissionsPolicy.h"

#include <optional>
#include <string>
#include <vector>

namespace pc {

struct HeaderPolicy {
    std::vector<HeaderField> set; // raw values, in order
    std::vector<std::string> remove;
    std::optional<CspPolicy> csp;
    std::optional<HstsPolicy> hsts;
    std::optional<PermissionsPolicy> permissionsPolicy;

    // `set` followed by the rendered builders.
    [[nodiscard]] std::vector<HeaderField> rendered() const;
    bool operator==(const HeaderPolicy&) const = default;
};

} // namespace pc
