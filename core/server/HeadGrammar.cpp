// SPDX-License-Identifier: Apache-2.0
#include "server/HeadGrammar.h"

#include <array>

namespace pc {

namespace {

ProtocolError badRequest(std::string reason)
{
    return ProtocolError{400, std::move(reason)};
}

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
        if (c != prefix[i]) {
            return false;
        }
    }
    return true;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

namespace {

// Character classes as tables: the head of every request goes through them.
struct CharClasses {
    std::array<bool, 256> token{};
    std::array<bool, 256> fieldValue{};
    constexpr CharClasses()
    {
        for (int c = 0; c < 256; ++c) {
            const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            const bool special = c == '!' || c == '#' || c == '$' || c == '%' || c == '&' || c == '\'' || c == '*' ||
                                 c == '+' || c == '-' || c == '.' || c == '^' || c == '_' || c == '`' || c == '|' ||
                                 c == '~';
            token[static_cast<std::size_t>(c)] = alnum || special; // RFC 9110 §5.6.2 tchar
            fieldValue[static_cast<std::size_t>(c)] = c == '\t' || (c >= 0x20 && c != 0x7f);
        }
    }
};
constexpr CharClasses classes;

} // namespace

bool HeadGrammar::isTokenChar(unsigned char c)
{
    return classes.token[c];
}

bool HeadGrammar::isToken(std::string_view text)
{
    if (text.empty()) {
        return false;
    }
    for (const char c : text) {
        if (!isTokenChar(static_cast<unsigned char>(c))) {
            return false;
        }
    }
    return true;
}

bool HeadGrammar::isFieldValueChar(unsigned char c)
{
    return classes.fieldValue[c];
}

std::optional<ProtocolError> HeadGrammar::check(std::string_view head, const ServerLimits& limits)
{
    std::size_t lineEnd = head.find("\r\n");
    if (auto error = checkRequestLine(head.substr(0, lineEnd), limits)) {
        return error;
    }
    std::size_t fieldBytes = 0;
    std::size_t fields = 0;
    std::size_t pos = lineEnd + 2;
    while (pos < head.size()) {
        lineEnd = head.find("\r\n", pos);
        const std::string_view line = head.substr(pos, lineEnd - pos);
        if (line.empty()) {
            break; // the empty line that ends the head
        }
        fieldBytes += line.size() + 2;
        if (++fields > limits.maxHeaders) {
            return ProtocolError{431,
                                 "The request has more than " + std::to_string(limits.maxHeaders) + " header fields."};
        }
        if (fieldBytes > limits.maxHeaderBytes) {
            return ProtocolError{431, "The request header fields are larger than " +
                                          std::to_string(limits.maxHeaderBytes) + " bytes."};
        }
        if (auto error = checkFieldLine(line)) {
            return error;
        }
        pos = lineEnd + 2;
    }
    return std::nullopt;
}

std::optional<ProtocolError> HeadGrammar::checkRequestLine(std::string_view line, const ServerLimits& limits)
{
    // request-line = method SP request-target SP HTTP-version (RFC 9112 §3), single spaces.
    const std::size_t firstSpace = line.find(' ');
    const std::size_t lastSpace = line.rfind(' ');
    if (firstSpace == std::string_view::npos || firstSpace == lastSpace) {
        return badRequest("The request line is not 'METHOD target HTTP/1.1'.");
    }
    const std::string_view method = line.substr(0, firstSpace);
    const std::string_view target = line.substr(firstSpace + 1, lastSpace - firstSpace - 1);
    const std::string_view version = line.substr(lastSpace + 1);
    if (!isToken(method)) {
        return badRequest("The request method is not a token.");
    }
    if (target.size() > limits.maxTargetBytes) {
        return ProtocolError{414,
                             "The request target is longer than " + std::to_string(limits.maxTargetBytes) + " bytes."};
    }
    if (target.empty()) {
        return badRequest("The request target is empty.");
    }
    for (const char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f) {
            return badRequest("The request target contains a space, a control or a non-ASCII byte; "
                              "percent-encode it.");
        }
        if (c == '#') {
            return badRequest("The request target contains a fragment ('#'); clients must not send one.");
        }
    }
    if (version.size() != 8 || version.substr(0, 5) != "HTTP/" || !isDigit(version[5]) || version[6] != '.' ||
        !isDigit(version[7])) {
        return badRequest("The request line does not end in a valid HTTP version.");
    }
    if (version[5] != '1') {
        return ProtocolError{505, "Only HTTP/1.0 and HTTP/1.1 are supported."};
    }
    if (method == "CONNECT") {
        return ProtocolError{501, "CONNECT is not supported: this is an origin server, not a forward proxy."};
    }
    const bool originForm = target.front() == '/';
    const bool absoluteForm = startsWithIgnoreCase(target, "http://") || startsWithIgnoreCase(target, "https://");
    const bool asteriskForm = target == "*" && method == "OPTIONS";
    if (!originForm && !absoluteForm && !asteriskForm) {
        return badRequest("The request target must start with '/' (or be an absolute http(s) URL).");
    }
    return std::nullopt;
}

std::optional<ProtocolError> HeadGrammar::checkFieldLine(std::string_view line)
{
    if (line.front() == ' ' || line.front() == '\t') {
        return badRequest("The request uses obsolete line folding in a header field.");
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
        return badRequest("A header line has no ':'.");
    }
    if (!isToken(line.substr(0, colon))) {
        return badRequest("A header field name is empty or contains a character that is not allowed "
                          "(whitespace before ':' included).");
    }
    for (const char c : line.substr(colon + 1)) {
        if (!isFieldValueChar(static_cast<unsigned char>(c))) {
            return badRequest("A header field value contains a control character.");
        }
    }
    return std::nullopt;
}

} // namespace pc
