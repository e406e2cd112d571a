// SPDX-License-Identifier: Apache-2.0
// OriginMatcher: decides whether a request's Origin is allowed by
// cors.allow_origins and cors.allow_origin_patterns. Exact entries compare
// byte for byte with the serialised origin (scheme://host[:port], lower case,
// no default port, no trailing slash; "null" only when listed). A pattern
// "https://*.example.com[:port]" matches exactly ONE extra DNS label made of
// a-z, 0-9 and inner hyphens, like a TLS certificate wildcard: it matches
// https://a.example.com but not https://a.b.example.com, https://example.com,
// http://a.example.com or https://a_b.example.com. Immutable; thread-safe.
#pragma once

#include "common/Result.h"
#include "policy/CorsPolicy.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pc {

class OriginMatcher {
public:
    struct Hit {
        enum class Kind { None, Exact, Pattern, Wildcard };
        Kind kind = Kind::None;
        std::size_t index = 0; // position in allow_origins or allow_origin_patterns
        [[nodiscard]] bool allowed() const { return kind != Kind::None; }
    };

    // Errors point into `base` ("/cors").
    [[nodiscard]] static Result<OriginMatcher> compile(const CorsPolicy& cors, const std::string& base);

    [[nodiscard]] Hit match(std::string_view origin) const;
    [[nodiscard]] bool hasWildcard() const { return m_wildcard; }
    [[nodiscard]] bool empty() const { return !m_wildcard && m_exact.empty() && m_patterns.empty(); }
    // JSON pointer of the entry that allowed the origin.
    [[nodiscard]] const std::string& where(const Hit& hit) const;

    // Why `origin` is not a serialised origin a browser could send; empty when it is one.
    [[nodiscard]] static std::string serialisedOriginProblem(std::string_view origin);

private:
    struct Exact {
        std::string origin;
        std::string where;
        std::size_t index = 0;
    };
    struct Pattern {
        std::string prefix; // "https://"
        std::string tail;   // ".example.com" or ".example.com:8443"
        std::string where;
    };

    [[nodiscard]] static bool isLdhLabel(std::string_view label);

    std::vector<Exact> m_exact;
    std::vector<Pattern> m_patterns;
    bool m_wildcard = false;
    std::string m_wildcardWhere;
    std::string m_none;
};

} // namespace pc
