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

constexpr unsigned char kUnsafeByte = 1;   // Fetch "CORS-unsafe request-header byte"
constexpr unsigned char kLanguageByte = 2; // allowed in Accept-Language / Content-Language values

// One table lookup per byte: these checks run on every header of allowed cross-origin requests.
constexpr std::array<unsigned char, 256> kByteClasses = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 0; c < 0x20; ++c) {
        t[static_cast<size_t>(c)] = c == 0x09 ? 0 : kUnsafeByte;
    }
    for (unsigned char c : std::string_view("\"():<>?@[\\]{}\x7f")) {
        t[c] = kUnsafeByte;
    }
    for (int c = '0'; c <= '9'; ++c) {
        t[static_cast<size_t>(c)] |= kLanguageByte;
    }
    for (int c = 'A'; c <= 'Z'; ++c) {
        t[static_cast<size_t>(c)] |= kLanguageByte;
        t[static_cast<size_t>(c + 32)] |= kLanguageByte;
    }
    for (unsigned char c : std::string_view(" *,-.;=")) {
        t[c] |= kLanguageByte;
    }
    return t;
}();

bool hasUnsafeByte(std::string_view value)
{
    unsigned char any = 0;
    for (char c : value) {
        any |= kByteClasses[static_cast<unsigned char>(c)];
    }
    return (any & kUnsafeByte) != 0;
}

bool isLanguageValue(std::string_view value)
{
    unsigned char all = kLanguageByte;
    for (char c : value) {
        all &= kByteClasses[static_cast<unsigned char>(c)];
    }
    return all != 0;
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

bool startsWithIgnoreCase(std::string_view name, std::string_view lowerPrefix)
{
    return name.size() > lowerPrefix.size() && HttpText::iequals(name.substr(0, lowerPrefix.size()), lowerPrefix);
}

// kForbidden, plus user-agent and priority (set by the browser itself although not forbidden), any case.
// Dispatched on the first letter: this runs for every header of every allowed cross-origin request.
bool isBrowserControlled(std::string_view name)
{
    if (name.empty()) {
        return false;
    }
    const auto is = [&](std::string_view lower) { return HttpText::iequals(name, lower); };
    switch (HttpText::lower(name.front())) {
    case 'a':
        return is("accept-charset") || is("accept-encoding") || is("access-control-request-headers") ||
               is("access-control-request-method");
    case 'c':
        return is("connection") || is("content-length") || is("cookie") || is("cookie2");
    case 'd':
        return is("date") || is("dnt");
    case 'e':
        return is("expect");
    case 'h':
        return is("host");
    case 'k':
        return is("keep-alive");
    case 'o':
        return is("origin");
    case 'p':
        return is("priority") || startsWithIgnoreCase(name, "proxy-");
    case 'r':
        return is("referer");
    case 's':
        return is("set-cookie") || startsWithIgnoreCase(name, "sec-");
    case 't':
        return is("te") || is("trailer") || is("transfer-encoding");
    case 'u':
        return is("upgrade") || is("user-agent");
    case 'v':
        return is("via");
    default:
        return false;
    }
}

} // namespace

CorsSafelist::HeaderClass CorsSafelist::classify(const HeaderField& field)
{
    const std::string_view name = field.name;
    if (isBrowserControlled(name)) {
        return HeaderClass::BrowserSet;
    }
    // Only five names can be safelisted; the length picks the one to check.
    const std::string_view value = field.value;
    bool safelisted = false;
    if (value.size() <= 128) {
        switch (name.size()) {
        case 5:
            safelisted = HttpText::iequals(name, "range") && isSimpleRange(value);
            break;
        case 6:
            safelisted = HttpText::iequals(name, "accept") && !hasUnsafeByte(value);
            break;
        case 12:
            safelisted = HttpText::iequals(name, "content-type") && isSafelistedRequestHeader(name, value);
            break;
        case 15:
            safelisted = HttpText::iequals(name, "accept-language") && isLanguageValue(value);
            break;
        case 16:
            safelisted = HttpText::iequals(name, "content-language") && isLanguageValue(value);
            break;
        default:
            break;
        }
    }
    return safelisted ? HeaderClass::Safelisted : HeaderClass::Unsafe;
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
    if (HttpText::iequals(name, "accept")) {
        return !hasUnsafeByte(value);
    }
    if (HttpText::iequals(name, "accept-language") || HttpText::iequals(name, "content-language")) {
        return isLanguageValue(value);
    }
    if (HttpText::iequals(name, "content-type")) {
        if (hasUnsafeByte(value)) {
            return false;
        }
        const std::string_view essence = HttpText::mediaType(value);
        return HttpText::iequals(essence, "application/x-www-form-urlencoded") ||
               HttpText::iequals(essence, "multipart/form-data") || HttpText::iequals(essence, "text/plain");
    }
    if (HttpText::iequals(name, "range")) {
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
