// SPDX-License-Identifier: Apache-2.0
// Structured Permissions-Policy: each feature with its allowlist ("self", "*",
// "src" or origins), rendered as a Structured Field Dictionary:
// camera=(), geolocation=(self "https://maps.example.com").
#pragma once

#include "common/Error.h"

#include <string>
#include <vector>

namespace pc {

struct PermissionsFeature {
    std::string feature;
    std::vector<std::string> allowlist; // empty = disabled everywhere
    bool operator==(const PermissionsFeature&) const = default;
};

struct PermissionsPolicy {
    std::vector<PermissionsFeature> features;

    [[nodiscard]] std::string render() const;
    [[nodiscard]] Errors validate(const std::string& base) const;
    bool operator==(const PermissionsPolicy&) const = default;
};

} // namespace pc
