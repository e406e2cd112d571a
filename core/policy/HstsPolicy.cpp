// SPDX-License-Identifier: Apache-2.0
#include "policy/HstsPolicy.h"

namespace pc {

std::string HstsPolicy::render() const
{
    std::string out = "max-age=" + std::to_string(maxAge.totalSeconds());
    if (includeSubDomains) {
        out += "; includeSubDomains";
    }
    if (preload) {
        out += "; preload";
    }
    return out;
}

} // namespace pc
