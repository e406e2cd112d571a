// SPDX-License-Identifier: Apache-2.0
// RateLimitReader: reads the named limits of "rate_limits" (document order is
// kept). Rate strings are checked with RateLimitSpec, keys with RateKey.
// Stateless.
#pragma once

#include "policy/PolicyJson.h"
#include "policy/RateLimitPolicy.h"
#include "policy/ReadContext.h"

#include <vector>

namespace pc {

class RateLimitReader {
public:
    static void read(ReadContext& ctx, const PolicyJson* value, std::vector<RateLimit>& out);
};

} // namespace pc
