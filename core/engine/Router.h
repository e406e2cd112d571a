// SPDX-License-Identifier: Apache-2.0
// Router: the compiled route table. Routes are tried in precedence order,
// fixed at compile time: segment by segment, static text beats a typed
// parameter (int, float, uuid), which beats a str parameter, which beats a
// path wildcard; equal ranks keep declaration order. The first route whose
// path and method match wins; HEAD is served by GET routes. When paths match
// but methods do not, the answer is 405 with every matching route's methods.
// Compile refuses invalid templates, bad methods and routes that an earlier
// route with the same shape would always shadow. Immutable; thread-safe.
#pragma once

#include "common/Result.h"
#include "engine/PathTemplate.h"
#include "policy/Route.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pc {

class Router {
public:
    struct Match {
        enum class Outcome { Found, NotFound, MethodNotAllowed };
        Outcome outcome = Outcome::NotFound;
        int routeIndex = -1; // Found: the route; MethodNotAllowed: the first route matching the path
        std::string allow;   // MethodNotAllowed: "DELETE, GET, HEAD"
    };

    [[nodiscard]] static Result<Router> compile(const std::vector<Route>& routes);

    // `path` is the decoded path. Captured parameters are appended to `params` when given.
    [[nodiscard]] Match match(std::string_view method, std::string_view path, PathTemplate::Params* params) const;
    // Route indexes in the order they are tried.
    [[nodiscard]] std::vector<int> precedence() const;

private:
    struct Entry {
        int index = -1;
        PathTemplate path;
        std::uint16_t methodBits = 0;          // standard methods, see methodBit()
        std::vector<std::string> otherMethods; // extension methods, case-sensitive
        std::vector<std::string> methods;      // as declared, for Allow
    };

    [[nodiscard]] static std::uint16_t methodBit(std::string_view method);
    [[nodiscard]] static bool accepts(const Entry& entry, std::string_view method, std::uint16_t bit);

    std::vector<Entry> m_entries; // in precedence order
};

} // namespace pc
