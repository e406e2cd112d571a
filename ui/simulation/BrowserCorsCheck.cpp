// SPDX-License-Identifier: Apache-2.0
#include "simulation/BrowserCorsCheck.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace pc {
namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string trim(std::string_view s)
{
    const auto begin = s.find_first_not_of(" \t");
    if (begin == std::string_view::npos) {
        return {};
    }
    const auto end = s.find_last_not_of(" \t");
    return std::string(s.substr(begin, end - begin + 1));
}

std::vector<std::string> splitList(std::string_view value)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= value.size()) {
        const size_t comma = value.find(',', start);
        const std::string item =
            trim(value.substr(start, comma == std::string_view::npos ? value.npos : comma - start));
        if (!item.empty()) {
            out.push_back(item);
        }
        if (comma == std::string_view::npos) {
            break;
        }
        start = comma + 1;
    }
    return out;
}

// Every value of one response header (names compare case-insensitively).
std::vector<std::string> values(const std::vector<HeaderField>& headers, std::string_view name)
{
    std::vector<std::string> out;
    for (const HeaderField& h : headers) {
        if (lower(h.name) == lower(name)) {
            out.push_back(h.value);
        }
    }
    return out;
}

bool isSafelistedMethod(std::string_view method)
{
    return method == "GET" || method == "HEAD" || method == "POST";
}

} // namespace

std::string BrowserCorsCheck::normalisedMethod(std::string_view method)
{
    static constexpr std::array<std::string_view, 6> kNormalised{"DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"};
    std::string upper(method);
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return std::find(kNormalised.begin(), kNormalised.end(), upper) != kNormalised.end() ? upper : std::string(method);
}

std::vector<std::string> BrowserCorsCheck::unsafeHeaders(const std::vector<std::string>& headers)
{
    static constexpr std::array<std::string_view, 4> kSafelisted{"accept", "accept-language", "content-language",
                                                                 "range"};
    std::vector<std::string> out;
    for (const std::string& header : headers) {
        std::string name = lower(trim(header));
        if (name.empty() || std::find(kSafelisted.begin(), kSafelisted.end(), name) != kSafelisted.end()) {
            continue;
        }
        out.push_back(std::move(name));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::string BrowserCorsCheck::requestHeadersValue(const std::vector<std::string>& headers)
{
    std::string out;
    for (const std::string& name : unsafeHeaders(headers)) {
        if (!out.empty()) {
            out += ',';
        }
        out += name;
    }
    return out;
}

bool BrowserCorsCheck::needsPreflight(const BrowserRequest& request)
{
    return !isSafelistedMethod(normalisedMethod(request.method)) || !unsafeHeaders(request.headers).empty();
}

BrowserVerdict BrowserCorsCheck::judgePreflight(const BrowserRequest& request, int status,
                                                const std::vector<HeaderField>& headers)
{
    BrowserVerdict verdict;
    auto fail = [&verdict](std::string reason) { verdict.reasons.push_back(std::move(reason)); };

    if (status < 200 || status > 299) {
        fail("The preflight answered " + std::to_string(status) +
             "; a browser needs an ok status (200-299) before it sends the request.");
    }
    const std::vector<std::string> origins = values(headers, "Access-Control-Allow-Origin");
    if (origins.empty()) {
        fail("No Access-Control-Allow-Origin header: the origin " + request.origin + " is not allowed.");
    } else if (origins.size() > 1) {
        fail("Access-Control-Allow-Origin is sent " + std::to_string(origins.size()) +
             " times; browsers join the values and the check fails.");
    } else if (origins.front() == "*") {
        if (request.credentials) {
            fail("Access-Control-Allow-Origin is '*', which is no wildcard for a request with credentials.");
        }
    } else if (origins.front() != request.origin) {
        fail("Access-Control-Allow-Origin is \"" + origins.front() + "\", not the request's origin \"" +
             request.origin + "\" (compared byte for byte).");
    }
    if (request.credentials) {
        const std::vector<std::string> creds = values(headers, "Access-Control-Allow-Credentials");
        if (creds.size() != 1 || creds.front() != "true") {
            fail("The request carries credentials, but Access-Control-Allow-Credentials is not exactly \"true\".");
        }
    }

    const std::string method = normalisedMethod(request.method);
    if (!isSafelistedMethod(method)) {
        std::vector<std::string> allowed;
        for (const std::string& v : values(headers, "Access-Control-Allow-Methods")) {
            for (std::string& m : splitList(v)) {
                allowed.push_back(std::move(m));
            }
        }
        const bool listed = std::find(allowed.begin(), allowed.end(), method) != allowed.end();
        const bool wildcard = !request.credentials && std::find(allowed.begin(), allowed.end(), "*") != allowed.end();
        if (!listed && !wildcard) {
            fail("The method " + method + " is not in Access-Control-Allow-Methods.");
        }
    }

    std::vector<std::string> allowedHeaders;
    for (const std::string& v : values(headers, "Access-Control-Allow-Headers")) {
        for (const std::string& h : splitList(v)) {
            allowedHeaders.push_back(lower(h));
        }
    }
    const bool headerWildcard =
        !request.credentials && std::find(allowedHeaders.begin(), allowedHeaders.end(), "*") != allowedHeaders.end();
    for (const std::string& name : unsafeHeaders(request.headers)) {
        const bool listed = std::find(allowedHeaders.begin(), allowedHeaders.end(), name) != allowedHeaders.end();
        // '*' never covers Authorization (a CORS non-wildcard request-header name).
        if (!listed && !(headerWildcard && name != "authorization")) {
            fail("The request header " + name + " is not in Access-Control-Allow-Headers.");
        }
    }

    verdict.allowed = verdict.reasons.empty();
    if (verdict.allowed) {
        verdict.reasons.push_back("The preflight passes: the browser sends the " + method + " request from " +
                                  request.origin + ".");
    }
    return verdict;
}

} // namespace pc
