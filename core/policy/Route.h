// SPDX-License-Identifier: Apache-2.0
// A route: which requests it matches (methods + path template), what it
// demands of them (auth, rate limits, validation schemas) and how the test
// server answers (a mock, an echo of the validated request, or the upstream).
// Path templates use Starlette's syntax: /users/{id:int}, /files/{rest:path}.
#pragma once

#include "common/ByteSize.h"
#include "policy/HeaderField.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pc {

enum class RouteAuth { None, Bearer };
enum class RouteHandler { Mock, Echo, Upstream };

struct RouteRequest {
    std::string body;                      // schema name; empty = no body schema
    std::string query;                     // schema name for query parameters
    std::string pathParams;                // schema name for path parameters ("path_params")
    std::string headers;                   // schema name for request headers
    std::vector<std::string> contentTypes; // overrides limits.content_types when not empty
    std::optional<ByteSize> maxBodyBytes;  // overrides limits.max_body_bytes
    bool operator==(const RouteRequest&) const = default;
};

struct RouteResponse {
    // Dotted paths of the body fields that may leave ("user.name"); arrays are
    // entered transparently. Empty = no filtering.
    std::vector<std::string> allowFields;
    bool operator==(const RouteResponse&) const = default;
};

struct MockResponse {
    int status = 200;
    std::vector<HeaderField> headers;
    nlohmann::json body; // null = empty body
    bool operator==(const MockResponse&) const = default;
};

struct Route {
    std::string id;
    std::string summary;
    std::vector<std::string> methods; // upper-case tokens; HEAD is implied by GET
    std::string path;
    RouteAuth auth = RouteAuth::None;
    std::vector<std::string> rateLimits; // names in Policy::rateLimits
    RouteRequest request;
    RouteResponse response;
    RouteHandler handler = RouteHandler::Mock;
    MockResponse mock;
    std::string upstream; // overrides transport.upstream for this route
    bool operator==(const Route&) const = default;
};

} // namespace pc
