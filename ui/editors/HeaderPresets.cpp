// SPDX-License-Identifier: Apache-2.0
#include "editors/HeaderPresets.h"

#include <QCoreApplication>

namespace pc {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("HeaderPresets", text);
}

HeaderPolicy owasp()
{
    HeaderPolicy h;
    h.set = {{"Cache-Control", "no-store, max-age=0"},
             {"Clear-Site-Data", "\"cache\",\"cookies\",\"storage\""},
             {"Cross-Origin-Embedder-Policy", "require-corp"},
             {"Cross-Origin-Opener-Policy", "same-origin"},
             {"Cross-Origin-Resource-Policy", "same-origin"},
             {"Referrer-Policy", "no-referrer"},
             {"X-Content-Type-Options", "nosniff"},
             {"X-DNS-Prefetch-Control", "off"},
             {"X-Frame-Options", "deny"},
             {"X-Permitted-Cross-Domain-Policies", "none"}};
    h.csp = CspPolicy{{{"default-src", {"'self'"}},
                       {"form-action", {"'self'"}},
                       {"base-uri", {"'self'"}},
                       {"object-src", {"'none'"}},
                       {"frame-ancestors", {"'none'"}},
                       {"upgrade-insecure-requests", {}}},
                      false};
    h.hsts = HstsPolicy{Duration::seconds(63'072'000), true, false};
    PermissionsPolicy pp;
    for (const char* feature : {"accelerometer",
                                "autoplay",
                                "camera",
                                "cross-origin-isolated",
                                "display-capture",
                                "encrypted-media",
                                "fullscreen",
                                "geolocation",
                                "gyroscope",
                                "keyboard-map",
                                "magnetometer",
                                "microphone",
                                "midi",
                                "payment",
                                "picture-in-picture",
                                "publickey-credentials-get",
                                "screen-wake-lock",
                                "sync-xhr",
                                "usb",
                                "web-share",
                                "xr-spatial-tracking",
                                "clipboard-read",
                                "clipboard-write",
                                "gamepad",
                                "hid",
                                "idle-detection",
                                "interest-cohort",
                                "serial",
                                "unload"}) {
        PermissionsFeature f{feature, {}};
        if (f.feature == "sync-xhr") {
            f.allowlist = {"self"};
        }
        pp.features.push_back(f);
    }
    h.permissionsPolicy = pp;
    h.remove = owaspRemoveList();
    return h;
}

HeaderPolicy helmet()
{
    HeaderPolicy h;
    h.set = {{"Cross-Origin-Opener-Policy", "same-origin"},
             {"Cross-Origin-Resource-Policy", "same-origin"},
             {"Origin-Agent-Cluster", "?1"},
             {"Referrer-Policy", "no-referrer"},
             {"X-Content-Type-Options", "nosniff"},
             {"X-DNS-Prefetch-Control", "off"},
             {"X-Download-Options", "noopen"},
             {"X-Frame-Options", "SAMEORIGIN"},
             {"X-Permitted-Cross-Domain-Policies", "none"},
             {"X-XSS-Protection", "0"}};
    h.csp = CspPolicy{{{"default-src", {"'self'"}},
                       {"base-uri", {"'self'"}},
                       {"font-src", {"'self'", "https:", "data:"}},
                       {"form-action", {"'self'"}},
                       {"frame-ancestors", {"'self'"}},
                       {"img-src", {"'self'", "data:"}},
                       {"object-src", {"'none'"}},
                       {"script-src", {"'self'"}},
                       {"script-src-attr", {"'none'"}},
                       {"style-src", {"'self'", "https:", "'unsafe-inline'"}},
                       {"upgrade-insecure-requests", {}}},
                      false};
    h.hsts = HstsPolicy{Duration::seconds(31'536'000), true, false};
    h.remove = {"X-Powered-By"};
    return h;
}

HeaderPolicy strictApi()
{
    // OWASP REST Security Cheat Sheet's security headers, plus what a JSON
    // API never needs: no active content (default-src 'none'), no referrer,
    // no cross-origin embedding of its responses.
    HeaderPolicy h;
    h.set = {{"Cache-Control", "no-store"},
             {"X-Content-Type-Options", "nosniff"},
             {"X-Frame-Options", "DENY"},
             {"Referrer-Policy", "no-referrer"},
             {"Cross-Origin-Resource-Policy", "same-origin"}};
    h.csp = CspPolicy{{{"default-src", {"'none'"}}, {"frame-ancestors", {"'none'"}}}, false};
    h.hsts = HstsPolicy{Duration::seconds(63'072'000), true, false};
    h.remove = {"Server", "X-Powered-By"};
    return h;
}

} // namespace

HeaderPolicy headerPreset(HeaderPreset preset)
{
    switch (preset) {
    case HeaderPreset::Owasp:
        return owasp();
    case HeaderPreset::Helmet:
        return helmet();
    case HeaderPreset::StrictApi:
        return strictApi();
    }
    return {};
}

QString headerPresetTitle(HeaderPreset preset)
{
    switch (preset) {
    case HeaderPreset::Owasp:
        return tr("OWASP Secure Headers");
    case HeaderPreset::Helmet:
        return tr("helmet defaults");
    case HeaderPreset::StrictApi:
        return tr("Strict API");
    }
    return {};
}

QString headerPresetDescription(HeaderPreset preset)
{
    switch (preset) {
    case HeaderPreset::Owasp:
        return tr("The OWASP Secure Headers Project's proposal (ci/headers_add.json): CSP with frame-ancestors "
                  "'none', HSTS for 2 years, COEP/COOP/CORP, a Permissions-Policy denying 29 features, and its list "
                  "of 87 headers to remove.");
    case HeaderPreset::Helmet:
        return tr("What helmet 8.3.0 sends by default for Express: CSP with style-src 'unsafe-inline', HSTS for 1 "
                  "year, X-Frame-Options SAMEORIGIN, X-XSS-Protection 0; removes X-Powered-By.");
    case HeaderPreset::StrictApi:
        return tr("For JSON APIs that serve no pages: the OWASP REST Security Cheat Sheet's headers (Cache-Control "
                  "no-store, CSP frame-ancestors 'none', HSTS, nosniff, X-Frame-Options DENY) with default-src "
                  "'none', Referrer-Policy no-referrer and CORP same-origin.");
    }
    return {};
}

std::vector<std::string> owaspRemoveList()
{
    return {"$wsep",
            "Host-Header",
            "K-Proxy-Request",
            "Liferay-Portal",
            "OracleCommerceCloud-Version",
            "Pega-Host",
            "Powered-By",
            "Product",
            "Server",
            "SourceMap",
            "X-AspNet-Version",
            "X-AspNetMvc-Version",
            "X-Atmosphere-error",
            "X-Atmosphere-first-request",
            "X-Atmosphere-tracking-id",
            "X-B3-ParentSpanId",
            "X-B3-Sampled",
            "X-B3-SpanId",
            "X-B3-TraceId",
            "X-BEServer",
            "X-Backside-Transport",
            "X-CF-Powered-By",
            "X-CMS",
            "X-CalculatedBETarget",
            "X-Cocoon-Version",
            "X-Content-Encoded-By",
            "X-DiagInfo",
            "X-Envoy-Attempt-Count",
            "X-Envoy-External-Address",
            "X-Envoy-Internal",
            "X-Envoy-Original-Dst-Host",
            "X-Envoy-Upstream-Service-Time",
            "X-FEServer",
            "X-Framework",
            "X-Generated-By",
            "X-Generator",
            "X-Gitlab-Meta",
            "X-Jitsi-Release",
            "X-Joomla-Version",
            "X-Kong-Admin-Latency",
            "X-Kong-Client-Latency",
            "X-Kong-Proxy-Latency",
            "X-Kong-Request-Id",
            "X-Kong-Response-Latency",
            "X-Kong-Third-Party-Latency",
            "X-Kong-Total-Latency",
            "X-Kong-Upstream-Latency",
            "X-Kong-Upstream-Status",
            "X-Kubernetes-PF-FlowSchema-UI",
            "X-Kubernetes-PF-PriorityLevel-UID",
            "X-LiteSpeed-Cache",
            "X-LiteSpeed-Purge",
            "X-LiteSpeed-Tag",
            "X-LiteSpeed-Vary",
            "X-Litespeed-Cache-Control",
            "X-Mod-Pagespeed",
            "X-Nextjs-Cache",
            "X-Nextjs-Matched-Path",
            "X-Nextjs-Page",
            "X-Nextjs-Redirect",
            "X-OWA-Version",
            "X-Old-Content-Length",
            "X-OneAgent-JS-Injection",
            "X-Page-Speed",
            "X-Php-Version",
            "X-Powered-By",
            "X-Powered-By-Plesk",
            "X-Powered-CMS",
            "X-Redirect-By",
            "X-Server-Powered-By",
            "X-SourceFiles",
            "X-SourceMap",
            "X-Turbo-Charged-By",
            "X-Tyk-Trace-Id",
            "X-Umbraco-Version",
            "X-Varnish-Backend",
            "X-Varnish-Server",
            "X-Woodpecker-Version",
            "X-dtAgentId",
            "X-dtHealthCheck",
            "X-dtInjectedServlet",
            "X-ruxit-JS-Agent",
            "X-Datadog-Origin",
            "X-Datadog-Parent-Id",
            "X-Datadog-Sampling-Priority",
            "X-Datadog-Tags",
            "X-Datadog-Trace-Id"};
}

} // namespace pc
