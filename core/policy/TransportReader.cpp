// SPDX-License-Identifier: Apache-2.0
#include "policy/TransportReader.h"

#include "common/JsonPointer.h"
#include "policy/ObjectReader.h"
#include "policy/PolicyEnums.h"
#include "policy/SyntaxCheck.h"

namespace pc {

bool TransportReader::checkUpstream(ReadContext& ctx, const std::string& url, const std::string& pointer)
{
    switch (SyntaxCheck::httpUrl(url)) {
    case SyntaxCheck::UrlVerdict::Ok:
        return true;
    case SyntaxCheck::UrlVerdict::HasCredentials:
        ctx.error("inline-secret", "The upstream URL contains a user name and password.", pointer,
                  "remove the credentials from the URL; keep them in an environment variable or a file");
        return false;
    case SyntaxCheck::UrlVerdict::NotHttp:
        ctx.error("bad-url", "\"" + url + "\" is not an http:// or https:// URL.", pointer,
                  "write e.g. \"http://127.0.0.1:8000\"");
        return false;
    case SyntaxCheck::UrlVerdict::NoHost:
    case SyntaxCheck::UrlVerdict::Malformed:
        break;
    }
    ctx.error("bad-url", "\"" + url + "\" is not a valid URL.", pointer, "write e.g. \"http://127.0.0.1:8000\"");
    return false;
}

void TransportReader::checkMediaTypes(ReadContext& ctx, const std::vector<std::string>& types,
                                      const std::string& pointer)
{
    for (size_t i = 0; i < types.size(); ++i) {
        if (!SyntaxCheck::isMediaType(types[i])) {
            ctx.error("bad-value", "\"" + types[i] + "\" is not a media type.", JsonPointer::join(pointer, i),
                      "write type/subtype without parameters, e.g. \"application/json\"");
        }
    }
}

void TransportReader::readTransport(ReadContext& ctx, const PolicyJson* value, TransportPolicy& out)
{
    ObjectReader r(ctx, value, "/transport", "\"transport\"");
    if (!r.valid()) {
        return;
    }
    r.boolean("https_only", out.httpsOnly);
    r.enumeration("min_tls", out.minTls);
    if (r.strings("trusted_proxies", out.trustedProxies)) {
        for (size_t i = 0; i < out.trustedProxies.size(); ++i) {
            if (!SyntaxCheck::isIpOrCidr(out.trustedProxies[i])) {
                ctx.error("bad-value", "\"" + out.trustedProxies[i] + "\" is not an IP address or CIDR block.",
                          JsonPointer::join(r.at("trusted_proxies"), i),
                          "write the proxy's address, e.g. \"10.0.0.1\" or \"10.0.0.0/8\"");
            }
        }
    }
    r.enumeration("client_ip_header", out.clientIpHeader);
    if (r.nonEmptyString("upstream", out.upstream)) {
        checkUpstream(ctx, out.upstream, r.at("upstream"));
    }
    r.duration("header_timeout", out.headerTimeout, Duration(std::chrono::milliseconds(1)));
    r.duration("idle_timeout", out.idleTimeout, Duration(std::chrono::milliseconds(1)));
    r.integer("max_connections", out.maxConnections, 1, 1'000'000);
    r.finish();
}

void TransportReader::readLimits(ReadContext& ctx, const PolicyJson* value, SizeLimits& out)
{
    ObjectReader r(ctx, value, "/limits", "\"limits\"");
    if (!r.valid()) {
        return;
    }
    r.size("max_body_bytes", out.maxBodyBytes);
    r.size("max_header_bytes", out.maxHeaderBytes);
    r.size("max_url_bytes", out.maxUrlBytes);
    r.integer("max_headers", out.maxHeaders, 1, 10'000);
    r.integer("max_json_depth", out.maxJsonDepth, 1, 1'000);
    if (r.strings("content_types", out.contentTypes)) {
        checkMediaTypes(ctx, out.contentTypes, r.at("content_types"));
    }
    r.finish();
}

} // namespace pc
