// SPDX-License-Identifier: Apache-2.0
#include "policy/PolicyReader.h"

#include "common/JsonPointer.h"
#include "policy/AuthReader.h"
#include "policy/CorsReader.h"
#include "policy/HeaderReader.h"
#include "policy/ObjectReader.h"
#include "policy/PolicyEnums.h"
#include "policy/RateLimitReader.h"
#include "policy/RouteReader.h"
#include "policy/SchemaReader.h"
#include "policy/SecretReader.h"
#include "policy/TransportReader.h"

namespace pc {
namespace {

std::vector<std::string> keysOf(const PolicyJson* value)
{
    std::vector<std::string> keys;
    if (value != nullptr && value->is_object()) {
        for (auto it = value->begin(); it != value->end(); ++it) {
            keys.push_back(it.key());
        }
    }
    return keys;
}

void checkUpstreams(ReadContext& ctx, const Policy& policy)
{
    for (size_t i = 0; i < policy.routes.size(); ++i) {
        const Route& route = policy.routes[i];
        if (route.handler == RouteHandler::Upstream && route.upstream.empty() && policy.transport.upstream.empty()) {
            ctx.error("missing-key", "The route forwards to an upstream, but no upstream URL is set.",
                      JsonPointer::join(JsonPointer::join("/routes", i), "upstream"),
                      "set \"upstream\" on the route or in \"transport\", e.g. \"http://127.0.0.1:8000\"");
        }
    }
}

} // namespace

Result<Policy> PolicyReader::read(const PolicyJson& document)
{
    ReadContext ctx;
    ObjectReader root(ctx, &document, "", "the policy");
    if (!root.valid()) {
        return ctx.take();
    }
    Policy policy;
    root.get("portcullis"); // the format version; checked by the migrations
    root.require("name", "add \"name\": a title for this policy");
    root.nonEmptyString("name", policy.name);
    root.string("description", policy.description);
    root.enumeration("environment", policy.environment);

    // References are checked where they are written, so collect the names first.
    ctx.names().schemas = keysOf(root.get("schemas"));
    ctx.names().rateLimits = keysOf(root.get("rate_limits"));
    ctx.names().secrets = SecretReader::definedNames(root.get("secrets"));

    RouteReader::read(ctx, root.get("routes"), policy.routes);
    SchemaReader::read(ctx, root.get("schemas"), policy.schemas);
    policy.cors = CorsReader::read(ctx, root.get("cors"));
    RateLimitReader::read(ctx, root.get("rate_limits"), policy.rateLimits);
    HeaderReader::read(ctx, root.get("headers"), policy.headers);
    AuthReader::read(ctx, root.get("auth"), policy.auth);
    SecretReader::readSecrets(ctx, root.get("secrets"), policy.secrets);
    TransportReader::readTransport(ctx, root.get("transport"), policy.transport);
    TransportReader::readLimits(ctx, root.get("limits"), policy.limits);
    checkUpstreams(ctx, policy);
    root.finish();

    if (ctx.count() > 0) {
        return ctx.take();
    }
    return policy;
}

} // namespace pc
