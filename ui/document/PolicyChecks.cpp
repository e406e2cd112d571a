// SPDX-License-Identifier: Apache-2.0
#include "document/PolicyChecks.h"

#include "common/JsonPointer.h"
#include "policy/RateLimitSpec.h"

namespace pc {

Errors checkPolicy(const Policy& policy)
{
    Errors errors;
    for (const RateLimit& limit : policy.rateLimits) {
        std::string problem;
        if (!RateLimitSpec::parse(limit.limit, &problem)) {
            errors.push_back(makeError("bad-rate-limit", problem,
                                       "/rate_limits/" + JsonPointer::escape(limit.name) + "/limit",
                                       std::string(RateLimitSpec::grammarHint)));
        }
    }
    if (policy.headers.csp) {
        for (Error& e : policy.headers.csp->validate("/headers/csp")) {
            errors.push_back(std::move(e));
        }
    }
    if (policy.headers.permissionsPolicy) {
        for (Error& e : policy.headers.permissionsPolicy->validate("/headers/permissions_policy")) {
            errors.push_back(std::move(e));
        }
    }
    return errors;
}

} // namespace pc
