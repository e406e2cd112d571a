// SPDX-License-Identifier: Apache-2.0
#include "engine/CorsSafelist.h"

#include "engine/HttpText.h"

#include <algorithm>
#include <array>

namespace pc {
namespace {

constexpr std::array<std::string_view, 21> kForbidden{"accept-charset",
                                                      "accept-encoding",
                                                      "access-control-request-headers",
                                                      "access-control-request-method",
                                                      "connection",
                                                      "content-length",
                                                      "cookie",
                                                      "cookie2",
                                                      "date",
                                                      "dnt",
                                                      "expect",
                                                      "host",
                                                      "keep-alive",
                                                      "origin",
                                                      "referer",
                                                      "set-cookie",
                                                      "te",
                                                      "trailer",
                                                      "transfer-encoding",
                                                      "upgrade",
                                                      "via"};

// Set by the browser itself although not forbidden; pages do not add them.
constexpr std::array<std::string_view, 2> kBrowserSet{"user-agent", "priority"};

// Fetch "CORS-unsafe request-header byte".
bool isUnsafeByte(unsigned char c)
{
    if (c < 0x20 && c != 0x09) {
        return true;
    }
    switch (c) {
    case '"':
    case '(':
    case ')':
    case ':':
    case '<':
    case '>':
    case '?':
    case '@':
    case '[':
    case '\\':
    case ']':
    case '{':
    case '}':
    case 0x7F:
        return true;
    default:
        return false;
    }
}

bool hasUnsafeByte(std::string_view value)
{
    return std::any_of(value.begin(), value.end(), [](char c) { return isUnsafeByte(static_cast<unsigned char>(c)); });
}

bool isLanguageValue(std::string_view value)
{
    return std::all_of(value.begin(), value.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' ' || c == '*' ||
               c == ',' || c == '-' || c == '.' || c == ';' || c == '=';
    });
}

bool isDigits(std::string_view v)
{
    return !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Fetch "simple range header value": bytes=start-[end], one range only.
bool isSimpleRange(std::string_view value)
{
    constexpr std::string_view prefix = "bytes=";
    if (!value.starts_with(prefix)) {
        return false;
    }
    value.remove_prefix(prefix.size());
    const size_t dash = value.find('-');
    if (dash == std::string_view::npos) {
        return false;
    }
    const std::string_view start = value.substr(0, dash);
    const std::string_view end = value.substr(dash + 1);
    if (!isDigits(start) || (!end.empty() && !isDigits(end))) {
        return false;
    }
    if (!end.empty()) {
        const auto s = HttpText::parseDecimal(start);
        const auto e = HttpText::parseDecimal(end);
        return s && e && *s <= *e;
    }
    return true;
}

} // namespace

CorsSafelist::HeaderClass CorsSafelist::classify(const HeaderField& field)
{
    const std::string_view name = field.name;
    const auto startsWith = [&](std::string_view prefix) {
        return name.size() >= prefix.size() && equalsIgnoreCase(name.substr(0, prefix.size()), prefix);
    };
    if (startsWith("proxy-") || startsWith("sec-")) {
        return HeaderClass::BrowserSet;
    }
    for (std::string_view f : kForbidden) {
        if (equalsIgnoreCase(name, f)) {
            return HeaderClass::BrowserSet;
        }
    }
    for (std::string_view b : kBrowserSet) {
        if (equalsIgnoreCase(name, b)) {
            return HeaderClass::BrowserSet;
        }
    }
    return isSafelistedRequestHeader(field.name, field.value) ? HeaderClass::Safelisted : HeaderClass::Unsafe;
}

bool CorsSafelist::isSafelistedMethod(std::string_view method)
{
    return method == "GET" || method == "HEAD" || method == "POST";
}

bool CorsSafelist::isForbiddenRequestHeader(std::string_view lowerName)
{
    if (lowerName.starts_with("proxy-") || lowerName.starts_with("sec-")) {
        return true;
    }
    return std::find(kForbidden.begin(), kForbidden.end(), lowerName) != kForbidden.end();
}

bool CorsSafelist::isSafelistedRequestHeader(std::string_view name, std::string_view value)
{
    if (value.size() > 128) {
        return false;
    }
    if (equalsIgnoreCase(name, "accept")) {
        return !hasUnsafeByte(value);
    }
    if (equalsIgnoreCase(name, "accept-language") || equalsIgnoreCase(name, "content-language")) {
        return isLanguageValue(value);
    }
    if (equalsIgnoreCase(name, "content-type")) {
        if (hasUnsafeByte(value)) {
            return false;
        }
        const std::string_view essence = HttpText::mediaType(value);
        return equalsIgnoreCase(essence, "application/x-www-form-urlencoded") ||
               equalsIgnoreCase(essence, "multipart/form-data") || equalsIgnoreCase(essence, "text/plain");
    }
    if (equalsIgnoreCase(name, "range")) {
        return isSimpleRange(value);
    }
    return false;
}

std::vector<std::string> CorsSafelist::unsafeRequestHeaderNames(const HttpRequest& request)
{
    std::vector<std::string> unsafe;
    std::vector<std::string> safelisted;
    size_t safelistedSize = 0;
    for (const HeaderField& field : request.headers) {
        switch (classify(field)) {
        case HeaderClass::BrowserSet:
            break;
        case HeaderClass::Safelisted:
            safelistedSize += field.value.size();
            safelisted.push_back(HttpText::toLower(field.name));
            break;
        case HeaderClass::Unsafe:
            unsafe.push_back(HttpText::toLower(field.name));
            break;
        }
    }
    if (safelistedSize > 1024) {
        unsafe.insert(unsafe.end(), safelisted.begin(), safelisted.end());
    }
    std::sort(unsafe.begin(), unsafe.end());
    unsafe.erase(std::unique(unsafe.begin(), unsafe.end()), unsafe.end());
    return unsafe;
}

std::string CorsSafelist::preflightReason(const HttpRequest& request)
{
    // Fast path without allocations: most requests are simple.
    bool simple = isSafelistedMethod(request.method);
    size_t safelistedSize = 0;
    for (const HeaderField& field : request.headers) {
        if (!simple) {
            break;
        }
        const HeaderClass c = classify(field);
        simple = c != HeaderClass::Unsafe;
        safelistedSize += c == HeaderClass::Safelisted ? field.value.size() : 0;
    }
    if (simple && safelistedSize <= 1024) {
        return {};
    }
    std::string reason;
    if (!isSafelistedMethod(request.method)) {
        reason = "the method " + HttpText::excerpt(request.method, 40) + " is not CORS-safelisted";
    }
    const std::vector<std::string> unsafe = unsafeRequestHeaderNames(request);
    if (!unsafe.empty()) {
        std::string names;
        for (const std::string& n : unsafe) {
            names += (names.empty() ? "" : ", ") + n;
        }
        reason += (reason.empty() ? "" : " and ") + std::string("the headers ") + HttpText::excerpt(names) +
                  " are not CORS-safelisted";
    }
    return reason;
}

} // namespace pc
