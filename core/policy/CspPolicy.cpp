// SPDX-License-Identifier: Apache-2.0
#include "policy/CspPolicy.h"

#include "common/JsonPointer.h"

#include <algorithm>
#include <array>

namespace pc {
namespace {

// Keywords that CSP requires in single quotes; helmet 8 refuses them bare (#454).
constexpr std::array<std::string_view, 9> kQuotedKeywords{
    "none",          "self",        "strict-dynamic", "report-sample",   "inline-speculation-rules",
    "unsafe-inline", "unsafe-eval", "unsafe-hashes",  "wasm-unsafe-eval"};

// Directives that take no source list.
constexpr std::array<std::string_view, 3> kFlagDirectives{"upgrade-insecure-requests", "block-all-mixed-content",
                                                          "sandbox"};

bool isDirectiveNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

bool hasForbiddenChar(std::string_view s)
{
    // ';' and ',' would split the policy; control characters and spaces break the header.
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return c == ';' || c == ',' || u <= 0x20 || u == 0x7f;
    });
}

} // namespace

std::string CspPolicy::headerName() const
{
    return reportOnly ? "Content-Security-Policy-Report-Only" : "Content-Security-Policy";
}

std::string CspPolicy::render() const
{
    std::string out;
    for (const CspDirective& d : directives) {
        if (!out.empty()) {
            out += "; ";
        }
        out += d.name;
        for (const std::string& s : d.sources) {
            out += ' ';
            out += s;
        }
    }
    return out;
}

const CspDirective* CspPolicy::directive(std::string_view name) const
{
    auto it = std::find_if(directives.begin(), directives.end(), [&](const CspDirective& d) { return d.name == name; });
    return it == directives.end() ? nullptr : &*it;
}

Errors CspPolicy::validate(const std::string& base) const
{
    Errors errors;
    for (size_t i = 0; i < directives.size(); ++i) {
        const CspDirective& d = directives[i];
        const std::string where = base + "/directives/" + JsonPointer::escape(d.name);
        if (d.name.empty() || !std::all_of(d.name.begin(), d.name.end(), isDirectiveNameChar)) {
            errors.push_back(makeError("csp-bad-directive", "\"" + d.name + "\" is not a CSP directive name.", where,
                                       "use lower-case directive names such as \"default-src\""));
            continue;
        }
        for (size_t j = 0; j < i; ++j) {
            if (directives[j].name == d.name) {
                errors.push_back(
                    makeError("csp-duplicate-directive",
                              "The CSP directive \"" + d.name + "\" appears twice; browsers ignore the second.", where,
                              "merge the two source lists into one directive"));
            }
        }
        const bool isFlag = std::find(kFlagDirectives.begin(), kFlagDirectives.end(), d.name) != kFlagDirectives.end();
        if (isFlag && d.name != "sandbox" && !d.sources.empty()) {
            errors.push_back(makeError("csp-flag-with-sources",
                                       "The CSP directive \"" + d.name + "\" takes no sources.", where,
                                       "give it an empty list: []"));
        }
        for (size_t k = 0; k < d.sources.size(); ++k) {
            const std::string& s = d.sources[k];
            const std::string at = where + "/" + std::to_string(k);
            if (s.empty() || hasForbiddenChar(s)) {
                errors.push_back(makeError("csp-bad-source",
                                           "The CSP source \"" + s + "\" is empty or contains a space, ';' or ','.", at,
                                           "give one source per list entry"));
            } else if (std::find(kQuotedKeywords.begin(), kQuotedKeywords.end(), s) != kQuotedKeywords.end()) {
                errors.push_back(
                    makeError("csp-unquoted-keyword",
                              "The CSP keyword " + s + " must be in single quotes, or browsers read it as a host name.",
                              at, "write \"'" + s + "'\""));
            }
        }
    }
    return errors;
}

} // namespace pc
