// SPDX-License-Identifier: Apache-2.0
#include "policy/SyntaxCheck.h"

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <charconv>
#include <vector>

namespace pc {
namespace {

bool isLower(char c)
{
    return c >= 'a' && c <= 'z';
}
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isIdentStart(char c)
{
    return isLower(c) || (c >= 'A' && c <= 'Z') || c == '_';
}
bool isIdent(std::string_view s)
{
    return !s.empty() && isIdentStart(s.front()) &&
           std::all_of(s.begin(), s.end(), [](char c) { return isIdentStart(c) || isDigit(c); });
}

std::optional<int> parsePort(std::string_view s)
{
    int port = 0;
    if (s.empty() || s.size() > 5 || (s.size() > 1 && s.front() == '0')) {
        return std::nullopt;
    }
    const auto r = std::from_chars(s.data(), s.data() + s.size(), port);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size() || port < 1 || port > 65535) {
        return std::nullopt;
    }
    return port;
}

std::optional<SyntaxProblem> problem(std::string message, std::string hint)
{
    return SyntaxProblem{std::move(message), std::move(hint)};
}

// Checks "host[:port]" of an origin whose scheme is `scheme`.
std::optional<SyntaxProblem> checkHostPort(std::string_view scheme, std::string_view hostPort, bool allowWildcard)
{
    std::string_view host = hostPort;
    std::string_view port;
    if (hostPort.starts_with('[')) {
        const size_t close = hostPort.find(']');
        if (close == std::string_view::npos) {
            return problem("The IPv6 address is not closed with \"]\".", "write it as https://[::1]:8443");
        }
        host = hostPort.substr(0, close + 1);
        if (close + 1 < hostPort.size()) {
            if (hostPort[close + 1] != ':') {
                return problem("Unexpected text after the IPv6 address.", "write it as https://[::1]:8443");
            }
            port = hostPort.substr(close + 2);
            if (port.empty()) {
                return problem("The port after \":\" is missing.", "write a port number, or remove the colon");
            }
        }
        in6_addr addr{};
        const std::string inner(host.substr(1, host.size() - 2));
        if (::inet_pton(AF_INET6, inner.c_str(), &addr) != 1) {
            return problem("The address in brackets is not an IPv6 address.", "write it as https://[::1]:8443");
        }
    } else {
        const size_t colon = hostPort.rfind(':');
        if (colon != std::string_view::npos) {
            host = hostPort.substr(0, colon);
            port = hostPort.substr(colon + 1);
            if (port.empty()) {
                return problem("The port after \":\" is missing.", "write a port number, or remove the colon");
            }
        }
        std::string_view name = host;
        if (allowWildcard && name.starts_with("*.")) {
            name.remove_prefix(2);
        }
        if (name.find('*') != std::string_view::npos) {
            return problem(allowWildcard
                               ? "Only one wildcard label at the start is allowed, as in https://*.example.com."
                               : "An exact origin cannot contain a wildcard.",
                           allowWildcard ? "write https://*.example.com" : "move it to \"allow_origin_patterns\"");
        }
        if (std::any_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
            return problem("Browsers send host names in lower case, so this one never matches.",
                           "write the host name in lower case");
        }
        if (!SyntaxCheck::isHostName(name)) {
            return problem("The host name is not valid.",
                           "use letters, digits, hyphens and dots, e.g. app.example.com");
        }
    }
    if (!port.empty()) {
        const auto number = parsePort(port);
        if (!number) {
            return problem("The port must be a number from 1 to 65535.", "write e.g. https://example.com:8443");
        }
        if ((scheme == "https" && *number == 443) || (scheme == "http" && *number == 80)) {
            return problem("Browsers leave the default port out of the Origin header, so this never matches.",
                           "remove \":" + std::string(port) + "\"");
        }
    }
    return std::nullopt;
}

std::optional<SyntaxProblem> checkOrigin(std::string_view text, bool pattern)
{
    const size_t sep = text.find("://");
    if (sep == std::string_view::npos || sep == 0) {
        return problem("An origin needs a scheme, such as https://.",
                       "write the full origin, for example \"https://app.example.com\"");
    }
    const std::string_view scheme = text.substr(0, sep);
    if (!isLower(scheme.front()) || !std::all_of(scheme.begin(), scheme.end(), [](char c) {
            return isLower(c) || isDigit(c) || c == '+' || c == '-' || c == '.';
        })) {
        return problem("The scheme must be lower-case letters, such as https.", "write \"https://...\"");
    }
    std::string_view rest = text.substr(sep + 3);
    if (rest.empty()) {
        return problem("The origin has no host.", "write the full origin, for example \"https://app.example.com\"");
    }
    if (rest.find('@') != std::string_view::npos) {
        return problem("An origin has no user name or password.", "write only scheme://host[:port]");
    }
    const size_t slash = rest.find_first_of("/?#");
    if (slash != std::string_view::npos) {
        if (slash + 1 == rest.size() && rest[slash] == '/') {
            return problem("The origin ends with a slash; browsers send origins without one, so it never matches.",
                           "remove the trailing slash");
        }
        return problem("An origin has no path, query or fragment; browsers send only scheme://host[:port].",
                       "remove everything after the host and port");
    }
    if (pattern && !rest.starts_with("*.")) {
        return problem("A pattern starts its host with one wildcard label, as in https://*.example.com.",
                       "write \"" + std::string(scheme) +
                           "://*.example.com\", or move an exact origin to "
                           "\"allow_origins\"");
    }
    return checkHostPort(scheme, rest, pattern);
}

} // namespace

bool SyntaxCheck::isToken(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return isLower(c) || (c >= 'A' && c <= 'Z') || isDigit(c) ||
               std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
    });
}

bool SyntaxCheck::isHeaderValue(std::string_view text)
{
    return std::none_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && c != '\t') || u == 0x7f;
    });
}

bool SyntaxCheck::isEnvName(std::string_view text)
{
    return text.size() <= 255 && isIdent(text);
}

bool SyntaxCheck::isMediaType(std::string_view text)
{
    const size_t slash = text.find('/');
    return slash != std::string_view::npos && isToken(text.substr(0, slash)) && isToken(text.substr(slash + 1));
}

bool SyntaxCheck::isHostName(std::string_view text)
{
    if (text.empty() || text.size() > 253) {
        return false;
    }
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('.', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const std::string_view label = text.substr(start, end - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-' ||
            !std::all_of(label.begin(), label.end(), [](char c) {
                return isLower(c) || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '-' || c == '_';
            })) {
            return false;
        }
        start = end + 1;
    }
    return true;
}

bool SyntaxCheck::isIpOrCidr(std::string_view text)
{
    const size_t slash = text.find('/');
    const std::string address(text.substr(0, slash));
    in6_addr v6{};
    in_addr v4{};
    int maxPrefix = 0;
    if (::inet_pton(AF_INET, address.c_str(), &v4) == 1) {
        maxPrefix = 32;
    } else if (::inet_pton(AF_INET6, address.c_str(), &v6) == 1) {
        maxPrefix = 128;
    } else {
        return false;
    }
    if (slash == std::string_view::npos) {
        return true;
    }
    const std::string_view prefix = text.substr(slash + 1);
    int bits = -1;
    const auto r = std::from_chars(prefix.data(), prefix.data() + prefix.size(), bits);
    return !prefix.empty() && prefix.size() <= 3 && r.ec == std::errc() && r.ptr == prefix.data() + prefix.size() &&
           bits >= 0 && bits <= maxPrefix;
}

std::optional<SyntaxProblem> SyntaxCheck::origin(std::string_view text)
{
    return checkOrigin(text, false);
}

std::optional<SyntaxProblem> SyntaxCheck::originPattern(std::string_view text)
{
    return checkOrigin(text, true);
}

SyntaxCheck::UrlVerdict SyntaxCheck::httpUrl(std::string_view text)
{
    std::string_view rest;
    if (text.starts_with("http://")) {
        rest = text.substr(7);
    } else if (text.starts_with("https://")) {
        rest = text.substr(8);
    } else {
        return UrlVerdict::NotHttp;
    }
    if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20; })) {
        return UrlVerdict::Malformed;
    }
    const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
    const size_t at = authority.rfind('@');
    if (at != std::string_view::npos) {
        return authority.substr(0, at).find(':') != std::string_view::npos ? UrlVerdict::HasCredentials
                                                                           : UrlVerdict::Malformed;
    }
    if (authority.empty() || authority.starts_with(':')) {
        return UrlVerdict::NoHost;
    }
    std::string lowered(authority); // host names in URLs are case-insensitive
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return checkHostPort("", lowered, false) ? UrlVerdict::Malformed : UrlVerdict::Ok;
}

std::optional<SyntaxProblem> SyntaxCheck::pathTemplate(std::string_view text)
{
    static constexpr std::array<std::string_view, 5> kConverters{"str", "int", "float", "uuid", "path"};
    if (!text.starts_with('/')) {
        return problem("A route path must start with \"/\".", "write \"/" + std::string(text) + "\"");
    }
    if (std::any_of(text.begin(), text.end(), [](char c) {
            return static_cast<unsigned char>(c) <= 0x20 || c == '?' || c == '#' || c == 0x7f;
        })) {
        return problem("A route path cannot contain spaces, control characters, \"?\" or \"#\".",
                       "match the path only; describe query parameters with \"request\": {\"query\": ...}");
    }
    std::vector<std::string_view> names;
    size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '}') {
            return problem("A \"}\" has no matching \"{\".", "parameters are written {name} or {name:converter}");
        }
        if (text[i] != '{') {
            ++i;
            continue;
        }
        const size_t close = text.find('}', i);
        if (close == std::string_view::npos) {
            return problem("A \"{\" is not closed.", "parameters are written {name} or {name:converter}");
        }
        const std::string_view inside = text.substr(i + 1, close - i - 1);
        const size_t colon = inside.find(':');
        const std::string_view name = inside.substr(0, colon);
        const std::string_view converter =
            colon == std::string_view::npos ? std::string_view("str") : inside.substr(colon + 1);
        if (!isIdent(name)) {
            return problem("The parameter name \"" + std::string(name) + "\" is not an identifier.",
                           "use letters, digits and underscores, starting with a letter");
        }
        if (std::find(kConverters.begin(), kConverters.end(), converter) == kConverters.end()) {
            return problem("\"" + std::string(converter) + "\" is not a path converter.",
                           "use str, int, float, uuid or path");
        }
        if (std::find(names.begin(), names.end(), name) != names.end()) {
            return problem("The parameter \"" + std::string(name) + "\" appears twice in the path.",
                           "give each parameter its own name");
        }
        if (converter == "path" && close + 1 != text.size()) {
            return problem("A {" + std::string(name) +
                               ":path} parameter matches the rest of the path, so it must "
                               "come last.",
                           "move it to the end of the path");
        }
        names.push_back(name);
        i = close + 1;
    }
    return std::nullopt;
}

} // namespace pc
