// SPDX-License-Identifier: Apache-2.0
// CorsSafelist: the Fetch standard's notions of CORS-safelisted methods and
// request headers (incl. the Content-Type value rule, the 128-byte value and
// 1024-byte total limits) and forbidden request headers, used to tell whether
// a browser would have sent a preflight before a given request.
// Pure functions; thread-safe.
#pragma once

#include "engine/HttpRequest.h"

#include <string>
#include <string_view>
#include <vector>

namespace pc {

class CorsSafelist {
public:
    [[nodiscard]] static bool isSafelistedMethod(std::string_view method); // GET, HEAD, POST (case-sensitive)
    // Forbidden request-header names (set by the browser, never by a page); `lowerName` is lower-case.
    [[nodiscard]] static bool isForbiddenRequestHeader(std::string_view lowerName);
    // A CORS-safelisted request-header (name and value), ignoring the 1024-byte total.
    [[nodiscard]] static bool isSafelistedRequestHeader(std::string_view name, std::string_view value);
    // The lower-case, sorted, de-duplicated names a browser would list in
    // Access-Control-Request-Headers for this request (Fetch "CORS-unsafe request-header names").
    [[nodiscard]] static std::vector<std::string> unsafeRequestHeaderNames(const HttpRequest& request);
    // Why a browser would have preflighted this request; empty when it is a simple request.
    [[nodiscard]] static std::string preflightReason(const HttpRequest& request);

private:
    enum class HeaderClass { BrowserSet, Safelisted, Unsafe };
    [[nodiscard]] static HeaderClass classify(const HeaderField& field);
};

} // namespace pc
