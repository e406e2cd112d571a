// SPDX-License-Identifier: Apache-2.0
// Structured Strict-Transport-Security (RFC 6797), rendered to the header
// value, e.g. "max-age=31536000; includeSubDomains".
#pragma once

#include "common/Duration.h"

#include <string>

namespace pc {

struct HstsPolicy {
    Duration maxAge = Duration::seconds(31'536'000); // one year
    bool includeSubDomains = false;
    bool preload = false;

    [[nodiscard]] std::string render() const;
    bool operator==(const HstsPolicy&) const = default;
};

} // namespace pc
