// SPDX-License-Identifier: Apache-2.0
#include "policy/RateLimitReader.h"

#include "common/JsonPointer.h"
#include "policy/ObjectReader.h"
#include "policy/PolicyEnums.h"
#include "policy/RateLimitSpec.h"
#include "policy/SyntaxCheck.h"

namespace pc {
namespace {

RateLimit readOne(ReadContext& ctx, const std::string& name, const PolicyJson& value, const std::string& pointer)
{
    RateLimit limit;
    limit.name = name;
    ObjectReader r(ctx, &value, pointer, "the rate limit \"" + name + "\"");
    if (!r.valid()) {
        return limit;
    }
    if (r.require("limit", "add \"limit\": \"10/minute\"") && r.nonEmptyString("limit", limit.limit)) {
        std::string problem;
        if (!RateLimitSpec::parse(limit.limit, &problem)) {
            ctx.error("bad-rate", "The rate " + problem + ".", r.at("limit"), std::string(RateLimitSpec::grammarHint));
        }
    }
    std::string key;
    if (r.string("key", key)) {
        if (auto parsed = RateKey::parse(key)) {
            limit.key = *parsed;
        } else {
            ctx.error("bad-rate-key", "\"" + key + "\" is not a rate-limit key.", r.at("key"),
                      std::string(RateKey::grammarHint));
        }
    }
    r.enumeration("strategy", limit.strategy);
    r.enumeration("scope", limit.scope);
    r.integer("burst", limit.burst, 0, 1'000'000);
    r.boolean("nodelay", limit.nodelay);
    if (r.strings("exempt", limit.exempt)) {
        for (size_t i = 0; i < limit.exempt.size(); ++i) {
            if (!SyntaxCheck::isIpOrCidr(limit.exempt[i])) {
                ctx.error("bad-value", "\"" + limit.exempt[i] + "\" is not an IP address or CIDR block.",
                          JsonPointer::join(r.at("exempt"), i), "write e.g. \"10.0.0.0/8\" or \"::1\"");
            }
        }
    }
    r.integer("ipv6_prefix", limit.ipv6Prefix, 1, 128,
              "IPv6 clients usually own a whole /64, so group them by 64 bits or fewer");
    r.enumeration("headers", limit.headers);
    r.integer("status", limit.status, 400, 599, "rate-limited requests get 429 Too Many Requests");
    r.finish();
    return limit;
}

} // namespace

void RateLimitReader::read(ReadContext& ctx, const PolicyJson* value, std::vector<RateLimit>& out)
{
    ObjectReader r(ctx, value, "/rate_limits", "\"rate_limits\"");
    if (!r.valid()) {
        return;
    }
    for (auto it = value->begin(); it != value->end(); ++it) {
        const std::string pointer = r.at(it.key());
        if (it.key().empty()) {
            ctx.error("bad-value", "A rate limit needs a name.", pointer,
                      "give the limit a name such as \"per-client\"");
            continue;
        }
        out.push_back(readOne(ctx, it.key(), it.value(), pointer));
    }
}

} // namespace pc
