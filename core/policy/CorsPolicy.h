// SPDX-License-Identifier: Apache-2.0
// CORS settings with the Fetch standard's vocabulary. Exact origins are full
// serialised origins (scheme://host[:port]); patterns allow one leading
// wildcard label ("https://*.example.com"), anchored on both ends.
#pragma once

#include <string>
#include <vector>

namespace pc {

struct CorsPolicy {
    std::vector<std::string> allowOrigins;
    std::vector<std::string> allowOriginPatterns;
    bool allowCredentials = false;
    std::vector<std::string> allowMethods{"GET"}; // Starlette's default
    std::vector<std::string> allowHeaders;
    std::vector<std::string> exposeHeaders;
    int maxAge = 600; // seconds; Starlette's default
    bool allowPrivateNetwork = false;
    int deniedPreflightStatus = 403; // OWASP: 403 without CORS headers
    bool operator==(const CorsPolicy&) const = default;
};

} // namespace pc
