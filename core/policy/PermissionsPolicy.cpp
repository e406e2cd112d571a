// SPDX-License-Identifier: Apache-2.0
#include "policy/PermissionsPolicy.h"

#include "common/JsonPointer.h"

#include <algorithm>

namespace pc {
namespace {

bool isToken(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

bool isOrigin(std::string_view s)
{
    const bool schemeOk = s.starts_with("https://") || s.starts_with("http://");
    return schemeOk && s.find_first_of(" \"\\/", s.find("//") + 2) == std::string_view::npos;
}

} // namespace

std::string PermissionsPolicy::render() const
{
    std::string out;
    for (const PermissionsFeature& f : features) {
        if (!out.empty()) {
            out += ", ";
        }
        out += f.feature;
        if (f.allowlist.size() == 1 && f.allowlist.front() == "*") {
            out += "=*";
            continue;
        }
        out += "=(";
        for (size_t i = 0; i < f.allowlist.size(); ++i) {
            const std::string& entry = f.allowlist[i];
            if (i > 0) {
                out += ' ';
            }
            if (entry == "self" || entry == "src" || entry == "*") {
                out += entry;
            } else {
                out += '"' + entry + '"';
            }
        }
        out += ')';
    }
    return out;
}

Errors PermissionsPolicy::validate(const std::string& base) const
{
    Errors errors;
    for (const PermissionsFeature& f : features) {
        const std::string where = base + "/" + JsonPointer::escape(f.feature);
        if (!isToken(f.feature)) {
            errors.push_back(makeError("permissions-bad-feature",
                                       "\"" + f.feature + "\" is not a Permissions-Policy feature name.", where,
                                       "use lower-case names such as \"camera\" or \"geolocation\""));
        }
        for (size_t i = 0; i < f.allowlist.size(); ++i) {
            const std::string& e = f.allowlist[i];
            if (e != "self" && e != "src" && e != "*" && !isOrigin(e)) {
                errors.push_back(
                    makeError("permissions-bad-allowlist", "\"" + e + "\" is not an allowlist entry.",
                              where + "/" + std::to_string(i),
                              "use \"self\", \"src\", \"*\" or an origin such as \"https://example.com\""));
            }
        }
    }
    return errors;
}

} // namespace pc
