// SPDX-License-Identifier: Apache-2.0
#include "engine/HttpText.h"

namespace pc {

std::string HttpText::toLower(std::string_view text)
{
    std::string out(text);
    for (char& c : out) {
        c = lower(c);
    }
    return out;
}

bool HttpText::isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return true;
    }
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool HttpText::isToken(std::string_view text)
{
    if (text.empty()) {
        return false;
    }
    for (char c : text) {
        if (!isTokenChar(c)) {
            return false;
        }
    }
    return true;
}

bool HttpText::isSafeFieldValue(std::string_view value)
{
    for (char c : value) {
        if (c == '\r' || c == '\n' || c == '\0') {
            return false;
        }
    }
    return true;
}

std::string_view HttpText::trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

std::string_view HttpText::mediaType(std::string_view contentType)
{
    return trim(contentType.substr(0, contentType.find(';')));
}

bool HttpText::isJsonMediaType(std::string_view contentType)
{
    if (iequals(contentType, "application/json")) {
        return true; // the common case, without parameters
    }
    const std::string_view type = mediaType(contentType);
    if (iequals(type, "application/json")) {
        return true;
    }
    constexpr std::string_view suffix = "+json";
    return type.size() > suffix.size() && type.find('/') != std::string_view::npos &&
           iequals(type.substr(type.size() - suffix.size()), suffix);
}

bool HttpText::isMediaRange(std::string_view text)
{
    const size_t slash = text.find('/');
    if (slash == std::string_view::npos) {
        return false;
    }
    const std::string_view type = text.substr(0, slash);
    const std::string_view subtype = text.substr(slash + 1);
    if (!isToken(type) || !isToken(subtype)) {
        return false;
    }
    // "*/json" is not a media range; "*" only as the whole type or subtype.
    if (type == "*" && subtype != "*") {
        return false;
    }
    return true;
}

bool HttpText::mediaTypeMatches(std::string_view type, std::string_view lowerRange)
{
    if (lowerRange == "*/*") {
        return type.find('/') != std::string_view::npos;
    }
    if (lowerRange.size() >= 2 && lowerRange.substr(lowerRange.size() - 2) == "/*") {
        const std::string_view prefix = lowerRange.substr(0, lowerRange.size() - 1); // "text/"
        return type.size() > prefix.size() && iequals(type.substr(0, prefix.size()), prefix);
    }
    return iequals(type, lowerRange);
}

std::optional<std::uint64_t> HttpText::parseDecimal(std::string_view text)
{
    if (text.empty() || text.size() > 19) {
        return std::nullopt;
    }
    std::uint64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return value;
}

std::string_view HttpText::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 203:
        return "Non-Authoritative Information";
    case 204:
        return "No Content";
    case 205:
        return "Reset Content";
    case 206:
        return "Partial Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 402:
        return "Payment Required";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 407:
        return "Proxy Authentication Required";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 416:
        return "Range Not Satisfiable";
    case 417:
        return "Expectation Failed";
    case 418:
        return "I'm a teapot";
    case 421:
        return "Misdirected Request";
    case 422:
        return "Unprocessable Content";
    case 425:
        return "Too Early";
    case 426:
        return "Upgrade Required";
    case 428:
        return "Precondition Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 451:
        return "Unavailable For Legal Reasons";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Unknown";
    }
}

bool HttpText::statusHasNoContent(int status)
{
    return (status >= 100 && status < 200) || status == 204 || status == 304;
}

bool HttpText::jsonNestsDeeperThan(std::string_view json, std::size_t maxDepth)
{
    std::size_t depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
            }
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth) {
                return true;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return false;
}

std::string HttpText::excerpt(std::string_view text, std::size_t max)
{
    if (text.size() <= max) {
        return std::string(text);
    }
    // Do not cut a UTF-8 sequence in half.
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    std::string out(text.substr(0, cut));
    out += "…";
    return out;
}

} // namespace pc
