// SPDX-License-Identifier: Apache-2.0
#include "engine/OriginMatcher.h"

#include "common/JsonPointer.h"

#include <algorithm>

namespace pc {
namespace {

bool isLowerAlpha(char c)
{
    return c >= 'a' && c <= 'z';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Why `port` is not the port part of a serialised origin; empty when fine.
std::string portProblem(std::string_view scheme, std::string_view port)
{
    if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), isDigit) || port.front() == '0') {
        return "its port \"" + std::string(port) + "\" is not a number from 1 to 65535 without leading zeros";
    }
    if (std::stoul(std::string(port)) > 65535) {
        return "its port " + std::string(port) + " is above 65535";
    }
    if (((scheme == "https" || scheme == "wss") && port == "443") ||
        ((scheme == "http" || scheme == "ws") && port == "80")) {
        return "browsers leave the default port " + std::string(port) + " out of the Origin header";
    }
    return {};
}

// Splits "scheme://hostport"; returns false when there is no "://".
bool splitScheme(std::string_view origin, std::string_view& scheme, std::string_view& hostPort)
{
    const size_t sep = origin.find("://");
    if (sep == std::string_view::npos) {
        return false;
    }
    scheme = origin.substr(0, sep);
    hostPort = origin.substr(sep + 3);
    return true;
}

std::string schemeProblem(std::string_view scheme)
{
    if (scheme.empty() || !isLowerAlpha(scheme.front()) || !std::all_of(scheme.begin(), scheme.end(), [](char c) {
            return isLowerAlpha(c) || isDigit(c) || c == '+' || c == '-' || c == '.';
        })) {
        return "its scheme \"" + std::string(scheme) + "\" is not a lower-case URL scheme";
    }
    return {};
}

} // namespace

bool OriginMatcher::isLdhLabel(std::string_view label)
{
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
        return false;
    }
    return std::all_of(label.begin(), label.end(), [](char c) { return isLowerAlpha(c) || isDigit(c) || c == '-'; });
}

std::string OriginMatcher::serialisedOriginProblem(std::string_view origin)
{
    if (origin == "null") {
        return {};
    }
    if (std::any_of(origin.begin(), origin.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
        return "it has non-ASCII characters, and browsers send internationalised host names in punycode (xn--…)";
    }
    std::string_view scheme;
    std::string_view hostPort;
    if (!splitScheme(origin, scheme, hostPort)) {
        return "it has no \"scheme://\"";
    }
    if (std::string problem = schemeProblem(scheme); !problem.empty()) {
        return problem;
    }
    if (hostPort.find_first_of("/?#") != std::string_view::npos) {
        return "an origin has no path, query or trailing slash";
    }
    if (hostPort.find('@') != std::string_view::npos) {
        return "an origin has no user name or password";
    }
    if (hostPort.find('*') != std::string_view::npos) {
        return "it has a wildcard, which exact entries do not support";
    }
    std::string_view host = hostPort;
    std::string_view port;
    if (!hostPort.empty() && hostPort.front() == '[') {
        const size_t close = hostPort.find(']');
        if (close == std::string_view::npos) {
            return "its IPv6 address has no closing \"]\"";
        }
        host = hostPort.substr(0, close + 1);
        const std::string_view after = hostPort.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':') {
                return "it has text after the IPv6 address";
            }
            port = after.substr(1);
            if (std::string problem = portProblem(scheme, port); !problem.empty()) {
                return problem;
            }
        }
        const std::string_view inner = host.substr(1, host.size() - 2);
        if (inner.empty() || !std::all_of(inner.begin(), inner.end(), [](char c) {
                return isDigit(c) || (c >= 'a' && c <= 'f') || c == ':' || c == '.';
            })) {
            return "its IPv6 address is not in lower-case hexadecimal";
        }
        return {};
    }
    const size_t colon = hostPort.rfind(':');
    if (colon != std::string_view::npos) {
        host = hostPort.substr(0, colon);
        port = hostPort.substr(colon + 1);
        if (std::string problem = portProblem(scheme, port); !problem.empty()) {
            return problem;
        }
    }
    if (host.empty()) {
        return "it has no host";
    }
    if (std::any_of(host.begin(), host.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        return "browsers send the host in lower case";
    }
    if (host.front() == '.' || host.back() == '.' || host.find("..") != std::string_view::npos) {
        return "its host has an empty label";
    }
    if (!std::all_of(host.begin(), host.end(),
                     [](char c) { return isLowerAlpha(c) || isDigit(c) || c == '-' || c == '.' || c == '_'; })) {
        return "its host has characters a browser would not send";
    }
    return {};
}

Result<OriginMatcher> OriginMatcher::compile(const CorsPolicy& cors, const std::string& base)
{
    Errors errors;
    OriginMatcher matcher;
    const std::string originsBase = base + "/allow_origins";
    for (size_t i = 0; i < cors.allowOrigins.size(); ++i) {
        const std::string& origin = cors.allowOrigins[i];
        const std::string where = JsonPointer::join(originsBase, i);
        if (origin == "*") {
            if (cors.allowCredentials) {
                errors.push_back(makeError(
                    "cors-wildcard-with-credentials",
                    "allow_origins contains \"*\" while allow_credentials is on; browsers refuse that combination, "
                    "and frameworks that \"repair\" it by echoing any origin hand every site your users' sessions.",
                    where,
                    "list the exact origins that may send credentialed requests, or turn allow_credentials off"));
                continue;
            }
            if (!matcher.m_wildcard) {
                matcher.m_wildcard = true;
                matcher.m_wildcardWhere = where;
            }
            continue;
        }
        if (origin.find("*.") != std::string::npos) {
            errors.push_back(makeError("cors-bad-origin",
                                       "\"" + origin + "\" is a pattern, but allow_origins holds exact origins only.",
                                       where, "move it to allow_origin_patterns"));
            continue;
        }
        if (std::string problem = serialisedOriginProblem(origin); !problem.empty()) {
            errors.push_back(makeError(
                "cors-bad-origin", "\"" + origin + "\" can never equal a browser's Origin header: " + problem + ".",
                where, "write the origin as scheme://host[:port], e.g. https://app.example.com"));
            continue;
        }
        matcher.m_exact.push_back({origin, where, i});
    }
    const std::string patternsBase = base + "/allow_origin_patterns";
    for (size_t i = 0; i < cors.allowOriginPatterns.size(); ++i) {
        const std::string& text = cors.allowOriginPatterns[i];
        const std::string where = JsonPointer::join(patternsBase, i);
        const std::string hint = "write scheme://*.domain[:port] with one leading \"*\" label, e.g. "
                                 "https://*.example.com";
        std::string_view scheme;
        std::string_view hostPort;
        if (!splitScheme(text, scheme, hostPort) || !schemeProblem(scheme).empty() || !hostPort.starts_with("*.")) {
            errors.push_back(makeError("cors-bad-origin-pattern", "\"" + text + "\" is not a wildcard origin pattern.",
                                       where, hint));
            continue;
        }
        // Check the rest as if "*" were a label; then the domain after it.
        const std::string sample = std::string(scheme) + "://x" + std::string(hostPort.substr(1));
        if (std::string problem = serialisedOriginProblem(sample); !problem.empty()) {
            errors.push_back(makeError("cors-bad-origin-pattern",
                                       "\"" + text + "\" is not a usable origin pattern: " + problem + ".", where,
                                       hint));
            continue;
        }
        std::string_view domainPort = hostPort.substr(2);
        const size_t colon = domainPort.rfind(':');
        const std::string_view domain = domainPort.substr(0, colon);
        if (domain.find('.') == std::string_view::npos || domain.find('_') != std::string_view::npos ||
            domain.front() == '[') {
            errors.push_back(makeError("cors-bad-origin-pattern",
                                       "\"" + text + "\" would trust a whole top-level domain or is not a DNS name.",
                                       where,
                                       "put at least a registered domain after \"*.\", e.g. https://*.example.com"));
            continue;
        }
        matcher.m_patterns.push_back({std::string(scheme) + "://", std::string(hostPort.substr(1)), where});
    }
    if (!errors.empty()) {
        return errors;
    }
    return matcher;
}

OriginMatcher::Hit OriginMatcher::match(std::string_view origin) const
{
    for (const Exact& exact : m_exact) {
        if (exact.origin == origin) {
            return {Hit::Kind::Exact, static_cast<std::size_t>(&exact - m_exact.data())};
        }
    }
    for (size_t i = 0; i < m_patterns.size(); ++i) {
        const Pattern& pattern = m_patterns[i];
        if (origin.size() <= pattern.prefix.size() + pattern.tail.size() || !origin.starts_with(pattern.prefix) ||
            !origin.ends_with(pattern.tail)) {
            continue;
        }
        const std::string_view label =
            origin.substr(pattern.prefix.size(), origin.size() - pattern.prefix.size() - pattern.tail.size());
        if (isLdhLabel(label)) {
            return {Hit::Kind::Pattern, i};
        }
    }
    if (m_wildcard) {
        return {Hit::Kind::Wildcard, 0};
    }
    return {};
}

const std::string& OriginMatcher::where(const Hit& hit) const
{
    switch (hit.kind) {
    case Hit::Kind::Exact:
        return m_exact[hit.index].where;
    case Hit::Kind::Pattern:
        return m_patterns[hit.index].where;
    case Hit::Kind::Wildcard:
        return m_wildcardWhere;
    case Hit::Kind::None:
        break;
    }
    return m_none;
}

} // namespace pc
