// SPDX-License-Identifier: Apache-2.0
#include "policy/HeaderReader.h"

#include "common/JsonPointer.h"
#include "policy/ObjectReader.h"
#include "policy/SyntaxCheck.h"

#include <algorithm>

namespace pc {
namespace {

bool sameName(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// {"name": ["a", "b"], ...} -> pairs, for CSP directives and permissions features.
template <class Item, class Make>
std::vector<Item> readListMap(ReadContext& ctx, const PolicyJson& value, const std::string& pointer,
                              std::string_view what, Make make)
{
    std::vector<Item> items;
    if (!value.is_object()) {
        ObjectReader::wrongType(ctx, value, pointer, "an object of lists", what);
        return items;
    }
    for (auto it = value.begin(); it != value.end(); ++it) {
        const std::string at = JsonPointer::join(pointer, it.key());
        std::vector<std::string> list;
        if (!it.value().is_array()) {
            ObjectReader::wrongType(ctx, it.value(), at, "an array of strings", "\"" + it.key() + "\"");
            continue;
        }
        bool ok = true;
        for (size_t i = 0; i < it.value().size(); ++i) {
            const PolicyJson& entry = it.value()[i];
            if (!entry.is_string()) {
                ObjectReader::wrongType(ctx, entry, JsonPointer::join(at, i), "a string", "each entry");
                ok = false;
            } else {
                list.push_back(entry.get<std::string>());
            }
        }
        if (ok) {
            items.push_back(make(it.key(), std::move(list)));
        }
    }
    return items;
}

void checkConflict(ReadContext& ctx, const HeaderPolicy& headers, std::string_view builtName, std::string_view builder)
{
    for (size_t i = 0; i < headers.set.size(); ++i) {
        if (sameName(headers.set[i].name, builtName)) {
            ctx.error("conflicting-header",
                      "\"" + headers.set[i].name + "\" is set both in \"set\" and through \"" + std::string(builder) +
                          "\"; the response would carry it twice.",
                      JsonPointer::join("/headers/set", headers.set[i].name),
                      "keep one: remove it from \"set\", or remove \"" + std::string(builder) + "\"");
        }
    }
}

} // namespace

void HeaderReader::readFields(ReadContext& ctx, const PolicyJson& value, const std::string& pointer,
                              std::vector<HeaderField>& out)
{
    if (!value.is_object()) {
        ObjectReader::wrongType(ctx, value, pointer, "an object of header names and values", "the headers");
        return;
    }
    for (auto it = value.begin(); it != value.end(); ++it) {
        const std::string at = JsonPointer::join(pointer, it.key());
        if (!SyntaxCheck::isToken(it.key())) {
            ctx.error("bad-header", "\"" + it.key() + "\" is not a header name.", at,
                      "header names are single tokens such as \"X-Frame-Options\", without spaces or a colon");
            continue;
        }
        if (!it.value().is_string()) {
            ObjectReader::wrongType(ctx, it.value(), at, "a string", "the value of \"" + it.key() + "\"");
            continue;
        }
        const auto text = it.value().get<std::string>();
        if (!SyntaxCheck::isHeaderValue(text)) {
            ctx.error("bad-header", "The value of \"" + it.key() + "\" contains a line break or a control character.",
                      at, "write the value on one line; a CR or LF would let it inject other headers");
            continue;
        }
        const auto earlier =
            std::find_if(out.begin(), out.end(), [&](const HeaderField& f) { return sameName(f.name, it.key()); });
        if (earlier != out.end()) {
            ctx.error("conflicting-header",
                      "\"" + it.key() + "\" and \"" + earlier->name + "\" are the same header (names ignore case).", at,
                      "keep one of them");
            continue;
        }
        out.push_back({it.key(), text});
    }
}

void HeaderReader::read(ReadContext& ctx, const PolicyJson* value, HeaderPolicy& out)
{
    ObjectReader r(ctx, value, "/headers", "\"headers\"");
    if (!r.valid()) {
        return;
    }
    if (const PolicyJson* set = r.get("set")) {
        readFields(ctx, *set, r.at("set"), out.set);
    }
    if (r.headerNames("remove", out.remove, false)) {
        for (size_t i = 0; i < out.remove.size(); ++i) {
            const auto clash = std::find_if(out.set.begin(), out.set.end(),
                                            [&](const HeaderField& f) { return sameName(f.name, out.remove[i]); });
            if (clash != out.set.end()) {
                ctx.error("conflicting-header", "\"" + out.remove[i] + "\" is both set and removed.",
                          JsonPointer::join(r.at("remove"), i), "keep it in \"set\" or in \"remove\", not both");
            }
        }
    }
    if (const PolicyJson* csp = r.get("csp")) {
        ObjectReader c(ctx, csp, r.at("csp"), "\"csp\"");
        if (c.valid()) {
            CspPolicy policy;
            if (const PolicyJson* directives =
                    c.require("directives", "add \"directives\": {\"default-src\": [\"'self'\"]}")) {
                policy.directives =
                    readListMap<CspDirective>(ctx, *directives, c.at("directives"), "\"directives\"",
                                              [](const std::string& name, std::vector<std::string> sources) {
                                                  return CspDirective{name, std::move(sources)};
                                              });
            }
            c.boolean("report_only", policy.reportOnly);
            c.finish();
            ctx.add(policy.validate(r.at("csp")));
            checkConflict(ctx, out, policy.headerName(), "csp");
            out.csp = std::move(policy);
        }
    }
    if (const PolicyJson* hsts = r.get("hsts")) {
        ObjectReader h(ctx, hsts, r.at("hsts"), "\"hsts\"");
        if (h.valid()) {
            HstsPolicy policy;
            h.duration("max_age", policy.maxAge);
            h.boolean("include_subdomains", policy.includeSubDomains);
            h.boolean("preload", policy.preload);
            h.finish();
            checkConflict(ctx, out, "Strict-Transport-Security", "hsts");
            out.hsts = policy;
        }
    }
    if (const PolicyJson* permissions = r.get("permissions_policy")) {
        PermissionsPolicy policy;
        policy.features =
            readListMap<PermissionsFeature>(ctx, *permissions, r.at("permissions_policy"), "\"permissions_policy\"",
                                            [](const std::string& name, std::vector<std::string> allow) {
                                                return PermissionsFeature{name, std::move(allow)};
                                            });
        ctx.add(policy.validate(r.at("permissions_policy")));
        checkConflict(ctx, out, "Permissions-Policy", "permissions_policy");
        out.permissionsPolicy = std::move(policy);
    }
    r.finish();
}

} // namespace pc
