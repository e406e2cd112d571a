// SPDX-License-Identifier: Apache-2.0
// RouteReader: reads "routes": unique ids, upper-case methods, Starlette path
// templates, references to rate limits and schemas (which must exist), the
// response allow-list and the handler (mock, echo or upstream). Stateless.
#pragma once

#include "policy/PolicyJson.h"
#include "policy/ReadContext.h"
#include "policy/Route.h"

#include <vector>

namespace pc {

class RouteReader {
public:
    static void read(ReadContext& ctx, const PolicyJson* value, std::vector<Route>& out);
};

} // namespace pc
