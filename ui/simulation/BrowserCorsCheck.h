// SPDX-License-Identifier: Apache-2.0
// BrowserCorsCheck: what a browser does with a CORS preflight, per the Fetch
// standard (shared reference cors.md §1): which requests need a preflight,
// the Access-Control-Request-Headers value it sends, and whether the answer
// lets the actual request go, with the reasons a browser console would give.
// It judges responses; the engine produces them. Pure; thread-safe.
#pragma once

#include "policy/HeaderField.h"

#include <string>
#include <string_view>
#include <vector>

namespace pc {

struct BrowserRequest {
    std::string origin;               // serialised: scheme://host[:port], or "null"
    std::string method;               // as the page wrote it; browsers upper-case DELETE, GET, HEAD, OPTIONS, POST, PUT
    std::vector<std::string> headers; // names the page sets
    bool credentials = false;         // credentials mode "include" (cookies, Authorization)
};

struct BrowserVerdict {
    bool allowed = false;
    std::vector<std::string> reasons; // why it fails, or why it passes, one sentence each
};

class BrowserCorsCheck final {
public:
    // The method after the browser's normalisation (only the six known ones are upper-cased).
    [[nodiscard]] static std::string normalisedMethod(std::string_view method);
    // Header names that are not CORS-safelisted, lower-cased, sorted, unique. Content-Type
    // counts as unsafe: an API's application/json is not a safelisted value.
    [[nodiscard]] static std::vector<std::string> unsafeHeaders(const std::vector<std::string>& headers);
    // The Access-Control-Request-Headers value the browser sends ("authorization,content-type").
    [[nodiscard]] static std::string requestHeadersValue(const std::vector<std::string>& headers);
    [[nodiscard]] static bool needsPreflight(const BrowserRequest& request);
    // Judges the preflight's answer.
    [[nodiscard]] static BrowserVerdict judgePreflight(const BrowserRequest& request, int status,
                                                       const std::vector<HeaderField>& headers);
};

} // namespace pc
