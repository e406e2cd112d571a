// SPDX-License-Identifier: Apache-2.0
// Policy: the whole policy document as plain, editable data (format version 1).
// Readers build it (PolicyReader), writers serialise it (PolicyWriter), the
// engine compiles it. No invariants are enforced here; loading and compiling
// check them and report located errors. Not thread-safe to mutate.
#pragma once

#include "policy/AuthPolicy.h"
#include "policy/CorsPolicy.h"
#include "policy/HeaderPolicy.h"
#include "policy/RateLimitPolicy.h"
#include "policy/Route.h"
#include "policy/Schema.h"
#include "policy/SecretRef.h"
#include "policy/SizeLimits.h"
#include "policy/TransportPolicy.h"

#include <optional>
#include <string>
#include <vector>

namespace pc {

enum class Environment { Development, Staging, Production };

struct Policy {
    static constexpr int kFormatVersion = 1;

    std::string name;
    std::string description;
    Environment environment = Environment::Development;
    std::vector<Route> routes;
    std::vector<Schema> schemas;
    std::optional<CorsPolicy> cors; // absent: no CORS headers at all
    std::vector<RateLimit> rateLimits;
    HeaderPolicy headers;
    AuthPolicy auth;
    std::vector<SecretRef> secrets;
    TransportPolicy transport;
    SizeLimits limits;

    [[nodiscard]] const Schema* schema(std::string_view schemaName) const;
    [[nodiscard]] const RateLimit* rateLimit(std::string_view limitName) const;
    [[nodiscard]] const SecretRef* secret(std::string_view secretName) const;
    [[nodiscard]] const Route* route(std::string_view routeId) const;
    bool operator==(const Policy&) const = default;
};

} // namespace pc
