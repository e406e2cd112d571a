// SPDX-License-Identifier: Apache-2.0
#include "policy/CorsReader.h"

#include "common/JsonPointer.h"
#include "policy/ObjectReader.h"
#include "policy/SyntaxCheck.h"

namespace pc {
namespace {

void checkOrigins(ObjectReader& r, std::string_view key, std::vector<std::string>& out, bool patterns)
{
    std::vector<std::string> values;
    if (!r.strings(key, values)) {
        return;
    }
    for (size_t i = 0; i < values.size(); ++i) {
        const std::string& origin = values[i];
        if (!patterns && (origin == "*" || origin == "null")) {
            continue;
        }
        const auto problem = patterns ? SyntaxCheck::originPattern(origin) : SyntaxCheck::origin(origin);
        if (problem) {
            r.context().error("bad-origin", "\"" + origin + "\": " + problem->message, JsonPointer::join(r.at(key), i),
                              problem->hint);
        }
    }
    out = std::move(values);
}

} // namespace

std::optional<CorsPolicy> CorsReader::read(ReadContext& ctx, const PolicyJson* value)
{
    ObjectReader r(ctx, value, "/cors", "\"cors\"");
    if (!r.valid()) {
        return std::nullopt;
    }
    CorsPolicy cors;
    checkOrigins(r, "allow_origins", cors.allowOrigins, false);
    checkOrigins(r, "allow_origin_patterns", cors.allowOriginPatterns, true);
    r.boolean("allow_credentials", cors.allowCredentials);
    r.methods("allow_methods", cors.allowMethods, true, true);
    r.headerNames("allow_headers", cors.allowHeaders, true);
    r.headerNames("expose_headers", cors.exposeHeaders, true);
    r.integer("max_age", cors.maxAge, 0, 86'400 * 365,
              "write the number of seconds browsers may cache a preflight; they cap it at 7200 (Chromium) or 86400");
    r.boolean("allow_private_network", cors.allowPrivateNetwork);
    r.integer("denied_preflight_status", cors.deniedPreflightStatus, 400, 499,
              "OWASP answers a denied preflight with 403; Starlette uses 400");
    r.finish();
    return cors;
}

} // namespace pc
