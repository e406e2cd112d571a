// SPDX-License-Identifier: Apache-2.0
#include "policy/PolicyWriter.h"

#include "common/JsonPrinter.h"
#include "policy/PolicyEnums.h"

namespace pc {
namespace {

using J = PolicyJson;

J sizeJson(ByteSize size)
{
    return size.rendersAsNumber() ? J(size.bytes()) : J(size.toString());
}

template <class T> void put(J& o, const char* key, const T& value, const T& fallback)
{
    if (!(value == fallback)) {
        o[key] = value;
    }
}
void putText(J& o, const char* key, const std::string& value)
{
    if (!value.empty()) {
        o[key] = value;
    }
}
void putList(J& o, const char* key, const std::vector<std::string>& value,
             const std::vector<std::string>& fallback = {})
{
    if (value != fallback) {
        o[key] = value;
    }
}
template <class E> void putEnum(J& o, const char* key, E value, E fallback)
{
    if (value != fallback) {
        o[key] = enumName(value);
    }
}
void putDuration(J& o, const char* key, Duration value, Duration fallback)
{
    if (value != fallback) {
        o[key] = value.toString();
    }
}
void putSize(J& o, const char* key, ByteSize value, ByteSize fallback)
{
    if (value != fallback) {
        o[key] = sizeJson(value);
    }
}
template <class T> void putOptional(J& o, const char* key, const std::optional<T>& value)
{
    if (value) {
        o[key] = *value;
    }
}
void putObject(J& o, const char* key, J value)
{
    if (!value.empty()) {
        o[key] = std::move(value);
    }
}

J headerFields(const std::vector<HeaderField>& fields)
{
    J o = J::object();
    for (const HeaderField& f : fields) {
        o[f.name] = f.value;
    }
    return o;
}

J fieldJson(const Field& f)
{
    J o = J::object();
    o["type"] = enumName(f.type);
    putText(o, "description", f.description);
    if (f.required == f.defaultValue.has_value()) {
        o["required"] = f.required; // only when it differs from what the default implies
    }
    if (f.defaultValue) {
        o["default"] = J(*f.defaultValue);
    }
    put(o, "nullable", f.nullable, false);
    putOptional(o, "strict", f.strict);
    putOptional(o, "min_length", f.minLength);
    putOptional(o, "max_length", f.maxLength);
    putText(o, "pattern", f.pattern);
    putList(o, "deny_substrings", f.denySubstrings);
    put(o, "strip_whitespace", f.stripWhitespace, false);
    put(o, "to_lower", f.toLower, false);
    put(o, "to_upper", f.toUpper, false);
    putEnum(o, "format", f.format, StringFormat::None);
    for (const auto& [key, bound] : {std::pair{"gt", &f.gt}, std::pair{"ge", &f.ge}, std::pair{"lt", &f.lt},
                                     std::pair{"le", &f.le}, std::pair{"multiple_of", &f.multipleOf}}) {
        if (*bound) {
            o[key] = J(**bound);
        }
    }
    put(o, "allow_inf_nan", f.allowInfNan, false);
    if (!f.values.empty()) {
        J values = J::array();
        for (const auto& v : f.values) {
            values.push_back(J(v));
        }
        o["values"] = std::move(values);
    }
    if (f.items) {
        o["items"] = fieldJson(*f.items);
    }
    putOptional(o, "min_items", f.minItems);
    putOptional(o, "max_items", f.maxItems);
    put(o, "unique_items", f.uniqueItems, false);
    putText(o, "schema", f.schema);
    return o;
}

J schemaJson(const Schema& s)
{
    J o = J::object();
    putText(o, "description", s.description);
    putEnum(o, "extra", s.extra, ExtraFields::Ignore);
    put(o, "strict", s.strict, false);
    if (!s.fields.empty()) {
        J fields = J::object();
        for (const Field& f : s.fields) {
            fields[f.name] = fieldJson(f);
        }
        o["fields"] = std::move(fields);
    }
    return o;
}

J routeJson(const Route& r)
{
    const Route d;
    J o = J::object();
    o["id"] = r.id;
    putText(o, "summary", r.summary);
    o["methods"] = r.methods;
    o["path"] = r.path;
    putEnum(o, "auth", r.auth, d.auth);
    putList(o, "rate_limits", r.rateLimits);
    J request = J::object();
    putText(request, "body", r.request.body);
    putText(request, "query", r.request.query);
    putText(request, "path_params", r.request.pathParams);
    putText(request, "headers", r.request.headers);
    putList(request, "content_types", r.request.contentTypes);
    if (r.request.maxBodyBytes) {
        request["max_body_bytes"] = sizeJson(*r.request.maxBodyBytes);
    }
    putObject(o, "request", std::move(request));
    J response = J::object();
    putList(response, "allow_fields", r.response.allowFields);
    putObject(o, "response", std::move(response));
    putEnum(o, "handler", r.handler, d.handler);
    J mock = J::object();
    put(mock, "status", r.mock.status, d.mock.status);
    putObject(mock, "headers", headerFields(r.mock.headers));
    if (!r.mock.body.is_null()) {
        mock["body"] = J(r.mock.body);
    }
    putObject(o, "mock", std::move(mock));
    putText(o, "upstream", r.upstream);
    return o;
}

J corsJson(const CorsPolicy& c)
{
    const CorsPolicy d;
    J o = J::object();
    putList(o, "allow_origins", c.allowOrigins);
    putList(o, "allow_origin_patterns", c.allowOriginPatterns);
    put(o, "allow_credentials", c.allowCredentials, d.allowCredentials);
    putList(o, "allow_methods", c.allowMethods, d.allowMethods);
    putList(o, "allow_headers", c.allowHeaders);
    putList(o, "expose_headers", c.exposeHeaders);
    put(o, "max_age", c.maxAge, d.maxAge);
    put(o, "allow_private_network", c.allowPrivateNetwork, d.allowPrivateNetwork);
    put(o, "denied_preflight_status", c.deniedPreflightStatus, d.deniedPreflightStatus);
    return o;
}

J rateLimitJson(const RateLimit& r)
{
    const RateLimit d;
    J o = J::object();
    o["limit"] = r.limit;
    o["key"] = r.key.toString();
    o["strategy"] = enumName(r.strategy);
    putEnum(o, "scope", r.scope, d.scope);
    putOptional(o, "burst", r.burst);
    put(o, "nodelay", r.nodelay, d.nodelay);
    putList(o, "exempt", r.exempt);
    put(o, "ipv6_prefix", r.ipv6Prefix, d.ipv6Prefix);
    putEnum(o, "headers", r.headers, d.headers);
    put(o, "status", r.status, d.status);
    return o;
}

J headersJson(const HeaderPolicy& h)
{
    J o = J::object();
    putObject(o, "set", headerFields(h.set));
    putList(o, "remove", h.remove);
    if (h.csp) {
        J directives = J::object();
        for (const CspDirective& d : h.csp->directives) {
            directives[d.name] = d.sources;
        }
        J csp = J::object();
        csp["directives"] = std::move(directives);
        put(csp, "report_only", h.csp->reportOnly, false);
        o["csp"] = std::move(csp);
    }
    if (h.hsts) {
        J hsts = J::object();
        hsts["max_age"] = h.hsts->maxAge.toString();
        put(hsts, "include_subdomains", h.hsts->includeSubDomains, false);
        put(hsts, "preload", h.hsts->preload, false);
        o["hsts"] = std::move(hsts);
    }
    if (h.permissionsPolicy) {
        J features = J::object();
        for (const PermissionsFeature& f : h.permissionsPolicy->features) {
            features[f.feature] = f.allowlist;
        }
        o["permissions_policy"] = std::move(features);
    }
    return o;
}

J sourceJson(const SecretSource& s)
{
    J o = J::object();
    putText(o, "secret", s.secret);
    putText(o, "env", s.env);
    putText(o, "file", s.file);
    return o;
}

J jwtJson(const JwtSettings& j)
{
    const JwtSettings d;
    J o = J::object();
    o["algorithms"] = j.algorithms;
    if (j.keys.size() == 1 && j.keys.front().kid.empty()) {
        o["key"] = sourceJson(j.keys.front().source);
    } else if (!j.keys.empty()) {
        J keys = J::array();
        for (const JwtKey& k : j.keys) {
            J key = J::object();
            putText(key, "kid", k.kid);
            key["key"] = sourceJson(k.source);
            keys.push_back(std::move(key));
        }
        o["keys"] = std::move(keys);
    }
    putText(o, "issuer", j.issuer);
    putList(o, "audience", j.audience);
    o["access_ttl"] = j.accessTtl.toString();
    o["refresh_ttl"] = j.refreshTtl.toString();
    putDuration(o, "leeway", j.leeway, d.leeway);
    putList(o, "required_claims", j.requiredClaims, d.requiredClaims);
    putText(o, "typ", j.typ);
    putSize(o, "max_token_bytes", j.maxTokenBytes, d.maxTokenBytes);
    putObject(o, "claims", J(j.claims));
    return o;
}

J passwordsJson(const PasswordPolicy& p)
{
    const PasswordPolicy d;
    J o = J::object();
    o["scheme"] = enumName(p.scheme);
    if (!p.accept.empty()) {
        J accept = J::array();
        for (PasswordScheme s : p.accept) {
            accept.push_back(enumName(s));
        }
        o["accept"] = std::move(accept);
    }
    // The chosen scheme's cost is always written; other blocks only when changed.
    const auto block = [&](const char* key, PasswordScheme scheme, auto fill) {
        J b = J::object();
        fill(b, p.scheme == scheme);
        putObject(o, key, std::move(b));
    };
    const auto always = [](J& b, bool chosen, const char* key, auto value, auto fallback) {
        if (chosen || !(value == fallback)) {
            b[key] = value;
        }
    };
    block("bcrypt", PasswordScheme::Bcrypt, [&](J& b, bool chosen) {
        always(b, chosen, "rounds", p.bcryptRounds, d.bcryptRounds);
        putOptional(b, "min_rounds", p.bcryptMinRounds);
        putOptional(b, "max_rounds", p.bcryptMaxRounds);
        putEnum(b, "long_passwords", p.bcryptLongPasswords, d.bcryptLongPasswords);
    });
    block("argon2id", PasswordScheme::Argon2id, [&](J& b, bool chosen) {
        always(b, chosen, "memory_kib", p.argon2MemoryKib, d.argon2MemoryKib);
        always(b, chosen, "time_cost", p.argon2TimeCost, d.argon2TimeCost);
        always(b, chosen, "parallelism", p.argon2Parallelism, d.argon2Parallelism);
    });
    block("scrypt", PasswordScheme::Scrypt, [&](J& b, bool chosen) {
        always(b, chosen, "log_n", p.scryptLogN, d.scryptLogN);
        always(b, chosen, "r", p.scryptR, d.scryptR);
        always(b, chosen, "p", p.scryptP, d.scryptP);
    });
    block("pbkdf2_sha256", PasswordScheme::Pbkdf2Sha256, [&](J& b, bool chosen) {
        always(b, chosen, "iterations", p.pbkdf2Sha256Iterations, d.pbkdf2Sha256Iterations);
    });
    block("pbkdf2_sha512", PasswordScheme::Pbkdf2Sha512, [&](J& b, bool chosen) {
        always(b, chosen, "iterations", p.pbkdf2Sha512Iterations, d.pbkdf2Sha512Iterations);
    });
    putDuration(o, "target_time", p.targetTime, d.targetTime);
    return o;
}

J cookiesJson(const CookiePolicy& c)
{
    const CookiePolicy d;
    J o = J::object();
    put(o, "name", c.name, d.name);
    put(o, "secure", c.secure, d.secure);
    put(o, "http_only", c.httpOnly, d.httpOnly);
    putEnum(o, "same_site", c.sameSite, d.sameSite);
    put(o, "path", c.path, d.path);
    putText(o, "domain", c.domain);
    if (c.maxAge) {
        o["max_age"] = c.maxAge->toString();
    }
    return o;
}

J authJson(const AuthPolicy& a)
{
    J o = J::object();
    if (a.jwt) {
        o["jwt"] = jwtJson(*a.jwt);
    }
    if (a.passwords) {
        o["passwords"] = passwordsJson(*a.passwords);
    }
    if (a.cookies) {
        o["cookies"] = cookiesJson(*a.cookies);
    }
    put(o, "api_key_header", a.apiKeyHeader, AuthPolicy().apiKeyHeader);
    return o;
}

J secretJson(const SecretRef& s)
{
    const SecretRef d;
    J o = J::object();
    o["name"] = s.name;
    putText(o, "description", s.description);
    putEnum(o, "kind", s.kind, d.kind);
    putText(o, "env", s.env);
    putText(o, "dotenv", s.dotenv);
    putText(o, "file", s.file);
    put(o, "required", s.required, d.required);
    putOptional(o, "min_length", s.minLength);
    return o;
}

J transportJson(const TransportPolicy& t)
{
    const TransportPolicy d;
    J o = J::object();
    put(o, "https_only", t.httpsOnly, d.httpsOnly);
    putEnum(o, "min_tls", t.minTls, d.minTls);
    putList(o, "trusted_proxies", t.trustedProxies);
    putEnum(o, "client_ip_header", t.clientIpHeader, d.clientIpHeader);
    putText(o, "upstream", t.upstream);
    putDuration(o, "header_timeout", t.headerTimeout, d.headerTimeout);
    putDuration(o, "idle_timeout", t.idleTimeout, d.idleTimeout);
    put(o, "max_connections", t.maxConnections, d.maxConnections);
    return o;
}

J limitsJson(const SizeLimits& l)
{
    const SizeLimits d;
    J o = J::object();
    putSize(o, "max_body_bytes", l.maxBodyBytes, d.maxBodyBytes);
    putSize(o, "max_header_bytes", l.maxHeaderBytes, d.maxHeaderBytes);
    putSize(o, "max_url_bytes", l.maxUrlBytes, d.maxUrlBytes);
    put(o, "max_headers", l.maxHeaders, d.maxHeaders);
    put(o, "max_json_depth", l.maxJsonDepth, d.maxJsonDepth);
    putList(o, "content_types", l.contentTypes, d.contentTypes);
    return o;
}

} // namespace

PolicyJson PolicyWriter::toJson(const Policy& p)
{
    J o = J::object();
    o["portcullis"] = Policy::kFormatVersion;
    o["name"] = p.name;
    putText(o, "description", p.description);
    putEnum(o, "environment", p.environment, Environment::Development);
    if (!p.routes.empty()) {
        J routes = J::array();
        for (const Route& r : p.routes) {
            routes.push_back(routeJson(r));
        }
        o["routes"] = std::move(routes);
    }
    if (!p.schemas.empty()) {
        J schemas = J::object();
        for (const Schema& s : p.schemas) {
            schemas[s.name] = schemaJson(s);
        }
        o["schemas"] = std::move(schemas);
    }
    if (p.cors) {
        o["cors"] = corsJson(*p.cors);
    }
    if (!p.rateLimits.empty()) {
        J limits = J::object();
        for (const RateLimit& r : p.rateLimits) {
            limits[r.name] = rateLimitJson(r);
        }
        o["rate_limits"] = std::move(limits);
    }
    putObject(o, "headers", headersJson(p.headers));
    putObject(o, "auth", authJson(p.auth));
    if (!p.secrets.empty()) {
        J secrets = J::array();
        for (const SecretRef& s : p.secrets) {
            secrets.push_back(secretJson(s));
        }
        o["secrets"] = std::move(secrets);
    }
    putObject(o, "transport", transportJson(p.transport));
    putObject(o, "limits", limitsJson(p.limits));
    return o;
}

std::string PolicyWriter::toText(const Policy& policy)
{
    return JsonPrinter::print(toJson(policy));
}

} // namespace pc
