// SPDX-License-Identifier: Apache-2.0
#include "policy/HeaderPolicy.h"

namespace pc {

std::vector<HeaderField> HeaderPolicy::rendered() const
{
    std::vector<HeaderField> out = set;
    if (csp) {
        out.push_back({csp->headerName(), csp->render()});
    }
    if (hsts) {
        out.push_back({"Strict-Transport-Security", hsts->render()});
    }
    if (permissionsPolicy) {
        out.push_back({"Permissions-Policy", permissionsPolicy->render()});
    }
    return out;
}

} // namespace pc
