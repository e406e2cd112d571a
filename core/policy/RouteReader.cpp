// SPDX-License-Identifier: Apache-2.0
#include "policy/RouteReader.h"

#include "common/JsonPointer.h"
#include "policy/HeaderReader.h"
#include "policy/ObjectReader.h"
#include "policy/PolicyEnums.h"
#include "policy/SyntaxCheck.h"
#include "policy/TransportReader.h"

#include <algorithm>

namespace pc {
namespace {

bool isIdChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.';
}

void readRequest(ReadContext& ctx, ObjectReader& route, RouteRequest& out)
{
    ObjectReader r(ctx, route.get("request"), route.at("request"), "\"request\"");
    if (!r.valid()) {
        return;
    }
    const auto schemaRef = [&](std::string_view key, std::string& target) {
        if (r.nonEmptyString(key, target)) {
            ctx.checkReference(target, ctx.names().schemas, "unknown-schema", "schemas", r.at(key));
        }
    };
    schemaRef("body", out.body);
    schemaRef("query", out.query);
    schemaRef("path_params", out.pathParams);
    schemaRef("headers", out.headers);
    if (r.strings("content_types", out.contentTypes)) {
        TransportReader::checkMediaTypes(ctx, out.contentTypes, r.at("content_types"));
    }
    ByteSize size;
    if (r.size("max_body_bytes", size)) {
        out.maxBodyBytes = size;
    }
    r.finish();
}

void readResponse(ReadContext& ctx, ObjectReader& route, RouteResponse& out)
{
    ObjectReader r(ctx, route.get("response"), route.at("response"), "\"response\"");
    if (!r.valid()) {
        return;
    }
    if (r.strings("allow_fields", out.allowFields)) {
        for (size_t i = 0; i < out.allowFields.size(); ++i) {
            const std::string& path = out.allowFields[i];
            if (path.empty() || path.front() == '.' || path.back() == '.' || path.find("..") != std::string::npos) {
                ctx.error("bad-value", "\"" + path + "\" is not a dotted field path.",
                          JsonPointer::join(r.at("allow_fields"), i),
                          "write field names joined by dots, e.g. \"user.name\"");
            }
        }
    }
    r.finish();
}

void readMock(ReadContext& ctx, ObjectReader& route, MockResponse& out)
{
    ObjectReader r(ctx, route.get("mock"), route.at("mock"), "\"mock\"");
    if (!r.valid()) {
        return;
    }
    r.integer("status", out.status, 100, 599, "write an HTTP status code such as 200");
    if (const PolicyJson* headers = r.get("headers")) {
        HeaderReader::readFields(ctx, *headers, r.at("headers"), out.headers);
    }
    if (const PolicyJson* body = r.get("body")) {
        out.body = nlohmann::json(*body);
    }
    r.finish();
}

Route readRoute(ReadContext& ctx, const PolicyJson& value, const std::string& pointer,
                const std::vector<Route>& earlier)
{
    Route route;
    ObjectReader r(ctx, &value, pointer, "the route");
    if (!r.valid()) {
        return route;
    }
    r.require("id", "add \"id\": a short unique name such as \"get-user\"");
    if (r.nonEmptyString("id", route.id)) {
        if (!std::all_of(route.id.begin(), route.id.end(), isIdChar)) {
            ctx.error("bad-value",
                      "The route id \"" + route.id +
                          "\" has characters other than letters, digits, "
                          "\"-\", \"_\" and \".\".",
                      r.at("id"), "write e.g. \"get-user\"");
        } else if (std::any_of(earlier.begin(), earlier.end(), [&](const Route& o) { return o.id == route.id; })) {
            ctx.error("duplicate-id", "Another route already has the id \"" + route.id + "\".", r.at("id"),
                      "give each route a unique id");
        }
    }
    r.string("summary", route.summary);
    r.require("methods", "add \"methods\": [\"GET\"]");
    r.methods("methods", route.methods, false, false);
    r.require("path", "add \"path\": \"/items/{id:int}\"");
    if (r.string("path", route.path)) {
        if (const auto problem = SyntaxCheck::pathTemplate(route.path)) {
            ctx.error("bad-path", problem->message, r.at("path"), problem->hint);
        }
    }
    r.enumeration("auth", route.auth);
    if (r.strings("rate_limits", route.rateLimits)) {
        for (size_t i = 0; i < route.rateLimits.size(); ++i) {
            ctx.checkReference(route.rateLimits[i], ctx.names().rateLimits, "unknown-rate-limit", "rate_limits",
                               JsonPointer::join(r.at("rate_limits"), i));
        }
    }
    readRequest(ctx, r, route.request);
    readResponse(ctx, r, route.response);
    r.enumeration("handler", route.handler);
    readMock(ctx, r, route.mock);
    if (r.nonEmptyString("upstream", route.upstream)) {
        TransportReader::checkUpstream(ctx, route.upstream, r.at("upstream"));
    }
    r.finish();
    return route;
}

} // namespace

void RouteReader::read(ReadContext& ctx, const PolicyJson* value, std::vector<Route>& out)
{
    if (value == nullptr) {
        return;
    }
    if (!value->is_array()) {
        ObjectReader::wrongType(ctx, *value, "/routes", "an array of routes", "\"routes\"");
        return;
    }
    for (size_t i = 0; i < value->size(); ++i) {
        Route route = readRoute(ctx, (*value)[i], JsonPointer::join("/routes", i), out);
        out.push_back(std::move(route));
    }
}

} // namespace pc
