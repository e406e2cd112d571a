// SPDX-License-Identifier: Apache-2.0
#include "server/Redactor.h"

#include "engine/HttpRequest.h"

#include <algorithm>
#include <array>

namespace pc {

namespace {

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return out;
}

bool containsAny(std::string_view haystack, std::initializer_list<std::string_view> needles)
{
    return std::any_of(needles.begin(), needles.end(),
                       [&](std::string_view n) { return haystack.find(n) != std::string_view::npos; });
}

bool isBase64Url(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// Length of a JWS compact serialisation starting at `pos` ("eyJ" header, three segments), or 0.
std::size_t jwtLength(std::string_view text, std::size_t pos)
{
    std::size_t i = pos;
    for (int segment = 0; segment < 3; ++segment) {
        const std::size_t start = i;
        while (i < text.size() && isBase64Url(text[i])) {
            ++i;
        }
        if (segment < 2) {
            if (i == start || i >= text.size() || text[i] != '.') {
                return 0;
            }
            ++i;
        }
    }
    return i - pos;
}

} // namespace

Redactor::Redactor(std::vector<std::string> secretValues)
{
    for (std::string& s : secretValues) {
        if (s.size() >= 4) {
            m_secrets.push_back(std::move(s));
        }
    }
    // Longest first, so a secret that contains another is masked whole.
    std::sort(m_secrets.begin(), m_secrets.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

bool Redactor::isSensitiveHeader(std::string_view name)
{
    const std::string n = lower(name);
    return containsAny(n, {"auth", "cookie", "token", "secret", "passw", "api-key", "apikey", "api_key", "session",
                           "signature", "credential", "csrf", "xsrf"});
}

bool Redactor::isSensitiveParameter(std::string_view name)
{
    const std::string n = lower(name);
    static constexpr std::array<std::string_view, 6> exact{"key", "sig", "code", "pwd", "pass", "jwt"};
    return std::find(exact.begin(), exact.end(), n) != exact.end() ||
           containsAny(n, {"token", "secret", "passw", "apikey", "api_key", "api-key", "auth", "session", "signature",
                           "credential"});
}

std::string Redactor::headerValue(std::string_view name, std::string_view value) const
{
    if (equalsIgnoreCase(name, "authorization") || equalsIgnoreCase(name, "proxy-authorization")) {
        // Keep the scheme: "Bearer [redacted]" still tells the reader which kind of credential came.
        const std::size_t space = value.find(' ');
        return space == std::string_view::npos ? std::string(mask)
                                               : std::string(value.substr(0, space + 1)) + std::string(mask);
    }
    if (equalsIgnoreCase(name, "cookie")) {
        std::string out;
        std::string_view rest = value;
        while (!rest.empty()) {
            const std::size_t semi = rest.find(';');
            std::string_view pair = rest.substr(0, semi);
            const std::size_t eq = pair.find('=');
            out += pair.substr(0, eq == std::string_view::npos ? pair.size() : eq);
            out += '=';
            out += mask;
            rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
            if (!rest.empty()) {
                out += ';';
            }
        }
        return out;
    }
    if (isSensitiveHeader(name)) {
        return std::string(mask);
    }
    return text(value);
}

std::vector<HeaderField> Redactor::headers(const std::vector<HeaderField>& fields) const
{
    std::vector<HeaderField> out;
    out.reserve(fields.size());
    for (const HeaderField& f : fields) {
        out.push_back({f.name, headerValue(f.name, f.value)});
    }
    return out;
}

std::string Redactor::target(std::string_view target) const
{
    const std::size_t q = target.find('?');
    if (q == std::string_view::npos) {
        return text(target);
    }
    std::string out(target.substr(0, q + 1));
    std::string_view query = target.substr(q + 1);
    while (true) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        const std::size_t eq = pair.find('=');
        if (eq != std::string_view::npos && isSensitiveParameter(pair.substr(0, eq))) {
            out += pair.substr(0, eq + 1);
            out += mask;
        } else {
            out += pair;
        }
        if (amp == std::string_view::npos) {
            break;
        }
        out += '&';
        query.remove_prefix(amp + 1);
    }
    return text(out);
}

std::string Redactor::text(std::string_view input) const
{
    std::string out;
    out.reserve(input.size());
    std::size_t i = 0;
    while (i < input.size()) {
        if (input.compare(i, 3, "eyJ") == 0 && (i == 0 || !isBase64Url(input[i - 1]))) {
            if (const std::size_t n = jwtLength(input, i); n > 0) {
                out += mask;
                i += n;
                continue;
            }
        }
        const auto secret = std::find_if(m_secrets.begin(), m_secrets.end(),
                                         [&](const std::string& s) { return input.compare(i, s.size(), s) == 0; });
        if (secret != m_secrets.end()) {
            out += mask;
            i += secret->size();
            continue;
        }
        out += input[i++];
    }
    return out;
}

} // namespace pc
