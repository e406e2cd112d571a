// SPDX-License-Identifier: Apache-2.0
#include "support/SettingHelp.h"

#include <QCoreApplication>

#include <array>

namespace pc {
namespace {

struct Entry {
    std::string_view path;
    const char* title;
    const char* text;
};

// Texts are translated in the "SettingHelp" context.
constexpr auto kEntries = std::to_array<Entry>({
    // Overview
    {"/name", QT_TRANSLATE_NOOP("SettingHelp", "Name"),
     QT_TRANSLATE_NOOP("SettingHelp", "A name for this API's policy, shown in reports and in the header comment of "
                                      "exported configuration files.")},
    {"/description", QT_TRANSLATE_NOOP("SettingHelp", "Description"),
     QT_TRANSLATE_NOOP("SettingHelp", "Free text for the people who maintain this policy.")},
    {"/environment", QT_TRANSLATE_NOOP("SettingHelp", "Environment"),
     QT_TRANSLATE_NOOP("SettingHelp", "development, staging or production. The audit holds production to the full "
                                      "OWASP ASVS bar (HTTPS only, HSTS, no wildcard CORS with credentials).")},

    // Routes
    {"/routes/*/id", QT_TRANSLATE_NOOP("SettingHelp", "Route id"),
     QT_TRANSLATE_NOOP("SettingHelp", "A stable name for the route, used in traces, audit findings and exports.")},
    {"/routes/*/summary", QT_TRANSLATE_NOOP("SettingHelp", "Summary"),
     QT_TRANSLATE_NOOP("SettingHelp", "One line about what the route does (OpenAPI's summary).")},
    {"/routes/*/methods", QT_TRANSLATE_NOOP("SettingHelp", "Methods"),
     QT_TRANSLATE_NOOP("SettingHelp", "The request methods the route accepts (RFC 9110 §9). HEAD is implied by GET; "
                                      "other methods get 405 Method Not Allowed with an Allow header.")},
    {"/routes/*/path", QT_TRANSLATE_NOOP("SettingHelp", "Path"),
     QT_TRANSLATE_NOOP("SettingHelp", "The path template, in Starlette's syntax: /users/{id:int}, /files/{rest:path}. "
                                      "Converters are str, int, float, uuid and path.")},
    {"/routes/*/auth", QT_TRANSLATE_NOOP("SettingHelp", "Authentication"),
     QT_TRANSLATE_NOOP("SettingHelp", "none, or bearer: a JWT in the Authorization header (RFC 6750), verified with "
                                      "the settings under Tokens; failures answer 401 with WWW-Authenticate.")},
    {"/routes/*/rate_limits", QT_TRANSLATE_NOOP("SettingHelp", "Rate limits"),
     QT_TRANSLATE_NOOP("SettingHelp", "The named rate limits this route is charged against, in order; the first one "
                                      "exhausted answers 429 (RFC 6585 §4), as in slowapi.")},
    {"/routes/*/request/body", QT_TRANSLATE_NOOP("SettingHelp", "Body schema"),
     QT_TRANSLATE_NOOP("SettingHelp", "The schema the JSON request body must satisfy; violations answer 422 with "
                                      "FastAPI's error list.")},
    {"/routes/*/request/query", QT_TRANSLATE_NOOP("SettingHelp", "Query schema"),
     QT_TRANSLATE_NOOP("SettingHelp", "The schema of the query parameters (FastAPI's Query()).")},
    {"/routes/*/request/path_params", QT_TRANSLATE_NOOP("SettingHelp", "Path parameter schema"),
     QT_TRANSLATE_NOOP("SettingHelp", "The schema of the path parameters (FastAPI's Path()).")},
    {"/routes/*/request/headers", QT_TRANSLATE_NOOP("SettingHelp", "Header schema"),
     QT_TRANSLATE_NOOP("SettingHelp", "The schema of request headers (FastAPI's Header()); names match "
                                      "case-insensitively (RFC 9110 §5.1).")},
    {"/routes/*/request/content_types", QT_TRANSLATE_NOOP("SettingHelp", "Content types"),
     QT_TRANSLATE_NOOP("SettingHelp", "Body media types this route accepts, overriding the global list; anything "
                                      "else answers 415 Unsupported Media Type (RFC 9110 §15.5.16).")},
    {"/routes/*/request/max_body_bytes", QT_TRANSLATE_NOOP("SettingHelp", "Maximum body size"),
     QT_TRANSLATE_NOOP("SettingHelp", "Overrides the global body limit for this route; larger bodies answer 413 "
                                      "Content Too Large (RFC 9110 §15.5.14).")},
    {"/routes/*/response/allow_fields", QT_TRANSLATE_NOOP("SettingHelp", "Allowed response fields"),
     QT_TRANSLATE_NOOP("SettingHelp", "Dotted paths of the response body fields that may leave (user.name); "
                                      "everything else is dropped. Guards against OWASP API3:2023 (excessive data "
                                      "exposure). Empty: no filtering.")},
    {"/routes/*/handler", QT_TRANSLATE_NOOP("SettingHelp", "Handler"),
     QT_TRANSLATE_NOOP("SettingHelp", "How the test server answers: mock (the response below), echo (the validated "
                                      "request) or upstream (reverse proxy to the upstream URL).")},
    {"/routes/*/mock/status", QT_TRANSLATE_NOOP("SettingHelp", "Mock status"),
     QT_TRANSLATE_NOOP("SettingHelp", "The status code of the mock response (RFC 9110 §15).")},
    {"/routes/*/mock/body", QT_TRANSLATE_NOOP("SettingHelp", "Mock body"),
     QT_TRANSLATE_NOOP("SettingHelp", "The JSON body of the mock response (RFC 8259); empty for no body.")},
    {"/routes/*/mock/headers", QT_TRANSLATE_NOOP("SettingHelp", "Mock headers"),
     QT_TRANSLATE_NOOP("SettingHelp", "Headers of the mock response, before the security headers are applied.")},
    {"/routes/*/upstream", QT_TRANSLATE_NOOP("SettingHelp", "Upstream"),
     QT_TRANSLATE_NOOP("SettingHelp", "The upstream base URL for this route, overriding Transport's upstream.")},

    // Validation
    {"/schemas/*/name", QT_TRANSLATE_NOOP("SettingHelp", "Schema name"),
     QT_TRANSLATE_NOOP("SettingHelp", "The model's name, as a Pydantic class name; routes refer to it.")},
    {"/schemas/*/description", QT_TRANSLATE_NOOP("SettingHelp", "Schema description"),
     QT_TRANSLATE_NOOP("SettingHelp", "What the schema describes (JSON Schema's description).")},
    {"/schemas/*/extra", QT_TRANSLATE_NOOP("SettingHelp", "Extra fields"),
     QT_TRANSLATE_NOOP("SettingHelp", "Pydantic's model_config extra: ignore (Pydantic's default) drops unknown "
                                      "fields, forbid rejects them with extra_forbidden, allow keeps them. OWASP "
                                      "Input Validation recommends forbid.")},
    {"/schemas/*/strict", QT_TRANSLATE_NOOP("SettingHelp", "Strict"),
     QT_TRANSLATE_NOOP("SettingHelp", "Pydantic strict mode: no lax coercion, so \"5\" is not an integer (int_type).")},
    {"/schemas/*/fields/*/name", QT_TRANSLATE_NOOP("SettingHelp", "Field name"),
     QT_TRANSLATE_NOOP("SettingHelp", "The JSON member name; errors report it in loc.")},
    {"/schemas/*/fields/*/type", QT_TRANSLATE_NOOP("SettingHelp", "Type"),
     QT_TRANSLATE_NOOP("SettingHelp", "string, integer, number, boolean, enum, array or object, with Pydantic v2's "
                                      "type errors (string_type, int_parsing ...).")},
    {"/schemas/*/fields/*/description", QT_TRANSLATE_NOOP("SettingHelp", "Field description"),
     QT_TRANSLATE_NOOP("SettingHelp", "What the field holds (Pydantic Field(description=...)).")},
    {"/schemas/*/fields/*/required", QT_TRANSLATE_NOOP("SettingHelp", "Required"),
     QT_TRANSLATE_NOOP("SettingHelp", "A missing required field is reported as missing: \"Field required\".")},
    {"/schemas/*/fields/*/nullable", QT_TRANSLATE_NOOP("SettingHelp", "Nullable"),
     QT_TRANSLATE_NOOP("SettingHelp", "Accept JSON null as a value (Optional[...] in Pydantic).")},
    {"/schemas/*/fields/*/strict", QT_TRANSLATE_NOOP("SettingHelp", "Strictness"),
     QT_TRANSLATE_NOOP("SettingHelp", "Overrides the schema's mode for this field: strict refuses coercion (\"5\" is "
                                      "not an integer), lax coerces as Pydantic does by default.")},
    {"/schemas/*/fields/*/default", QT_TRANSLATE_NOOP("SettingHelp", "Default"),
     QT_TRANSLATE_NOOP("SettingHelp", "The JSON value used when the field is absent; a field with a default is not "
                                      "required.")},
    {"/schemas/*/fields/*/min_length", QT_TRANSLATE_NOOP("SettingHelp", "Minimum length"),
     QT_TRANSLATE_NOOP("SettingHelp", "Pydantic min_length: counted in Unicode code points, not bytes "
                                      "(string_too_short).")},
    {"/schemas/*/fields/*/max_length", QT_TRANSLATE_NOOP("SettingHelp", "Maximum length"),
     QT_TRANSLATE_NOOP("SettingHelp", "Pydantic max_length: counted in Unicode code points (string_too_long). OWASP "
                                      "Input Validation: bound every string.")},
    {"/schemas/*/fields/*/pattern", QT_TRANSLATE_NOOP("SettingHelp", "Pattern"),
     QT_TRANSLATE_NOOP("SettingHelp", "A regular expression in RE2 syntax, searched like Pydantic's pattern (not "
                                      "anchored: write ^...$). RE2 runs in linear time; some export targets use "
                                      "backtracking engines where nested quantifiers risk ReDoS.")},
    {"/schemas/*/fields/*/deny_substrings", QT_TRANSLATE_NOOP("SettingHelp", "Denied substrings"),
     QT_TRANSLATE_NOOP("SettingHelp", "Substrings refused anywhere in the value. A deny list is a last line of "
                                      "defence (OWASP Input Validation Cheat Sheet); prefer an allow-list pattern.")},
    {"/schemas/*/fields/*/strip_whitespace", QT_TRANSLATE_NOOP("SettingHelp", "Strip whitespace"),
     QT_TRANSLATE_NOOP("SettingHelp", "Pydantic strip_whitespace: trims before length and pattern checks.")},
    {"/schemas/*/fields/*/to_lower", QT_TRANSLATE_NOOP("SettingHelp", "Lower-case"),
     QT_TRANSLATE_NOOP("SettingHelp", "Pydantic to_lower: applied after the pattern check (pydantic#6624).")},
    {"/schemas/*/fields/*/to_upper", QT_TRANSLATE_NOOP("SettingHelp", "Upper-case"),
     QT_TRANSLATE_NOOP("SettingHelp", "Pydantic to_upper: applied after the pattern check.")},
    {"/schemas/*/fields/*/format", QT_TRANSLATE_NOOP("SettingHelp", "Format"),
     QT_TRANSLATE_NOOP("SettingHelp", "A JSON Schema format the string must have: email, uuid, uri, date-time "
                                      "(RFC 3339), ipv4, ipv6.")},
    {"/schemas/*/fields/*/gt", QT_TRANSLATE_NOOP("SettingHelp", "Greater than"),
     QT_TRANSLATE_NOOP("SettingHelp", "Pydantic gt (JSON Schema exclusiveMinimum): greater_than.")},
    {"/schemas/*/fields/*/ge", QT_TRANSLATE_NOOP("SettingHelp", "At least"),
     QT_TRANSLATE_NOOP("SettingHelp", "Pydantic ge (JSON Schema minimum): greater_than_equal.")},
    {"/schemas/*/fields/*/lt", QT_TRANSLATE_NOOP("SettingHelp", "Less than"),
     QT_TRANSLATE_NOOP("SettingHelp", "Pydantic lt (JSON Schema exclusiveMaximum): less_than.")},
    {"/schemas/*/fields/*/le", QT_TRANSLATE_NOOP("SettingHelp", "At most"),
     QT_TRANSLATE_NOOP("SettingHelp", "Pydantic le (JSON Schema maximum): less_than_equal.")},
    {"/schemas/*/fields/*/multiple_of", QT_TRANSLATE_NOOP("SettingHelp", "Multiple of"),
     QT_TRANSLATE_NOOP("SettingHelp", "Pydantic multiple_of (JSON Schema multipleOf).")},
    {"/schemas/*/fields/*/allow_inf_nan", QT_TRANSLATE_NOOP("SettingHelp", "Allow inf and NaN"),
     QT_TRANSLATE_NOOP("SettingHelp", "Pydantic allow_inf_nan; off rejects them with finite_number.")},
    {"/schemas/*/fields/*/values", QT_TRANSLATE_NOOP("SettingHelp", "Allowed values"),
     QT_TRANSLATE_NOOP("SettingHelp", "For enum fields: the JSON values accepted, as a JSON array (JSON Schema "
                                      "enum).")},
    {"/schemas/*/fields/*/items", QT_TRANSLATE_NOOP("SettingHelp", "Item type"),
     QT_TRANSLATE_NOOP("SettingHelp", "For array fields: the type of each item.")},
    {"/schemas/*/fields/*/min_items", QT_TRANSLATE_NOOP("SettingHelp", "Minimum items"),
     QT_TRANSLATE_NOOP("SettingHelp", "Pydantic min_length on lists (too_short).")},
    {"/schemas/*/fields/*/max_items", QT_TRANSLATE_NOOP("SettingHelp", "Maximum items"),
     QT_TRANSLATE_NOOP("SettingHelp", "Pydantic max_length on lists (too_long); bound every list.")},
    {"/schemas/*/fields/*/unique_items", QT_TRANSLATE_NOOP("SettingHelp", "Unique items"),
     QT_TRANSLATE_NOOP("SettingHelp", "JSON Schema uniqueItems: no two items equal.")},
    {"/schemas/*/fields/*/schema", QT_TRANSLATE_NOOP("SettingHelp", "Object schema"),
     QT_TRANSLATE_NOOP("SettingHelp", "For object fields: the schema the nested object must satisfy.")},

    // CORS
    {"/cors", QT_TRANSLATE_NOOP("SettingHelp", "CORS"),
     QT_TRANSLATE_NOOP("SettingHelp", "Cross-Origin Resource Sharing, per the Fetch standard. Off: no CORS headers "
                                      "at all, so browsers keep other origins from reading responses.")},
    {"/cors/allow_origins", QT_TRANSLATE_NOOP("SettingHelp", "Allowed origins"),
     QT_TRANSLATE_NOOP("SettingHelp", "Exact serialised origins, scheme://host[:port], no path and no trailing "
                                      "slash: browsers compare them byte for byte (Fetch, CORS check). OWASP: never "
                                      "echo the request's Origin.")},
    {"/cors/allow_origin_patterns", QT_TRANSLATE_NOOP("SettingHelp", "Origin patterns"),
     QT_TRANSLATE_NOOP("SettingHelp", "Origins with one leading wildcard label (https://*.example.com), anchored on "
                                      "both ends so that example.com.evil.net does not match.")},
    {"/cors/allow_credentials", QT_TRANSLATE_NOOP("SettingHelp", "Allow credentials"),
     QT_TRANSLATE_NOOP("SettingHelp", "Send Access-Control-Allow-Credentials: true so browsers expose responses to "
                                      "requests with cookies or Authorization. With it, '*' is no wildcard for "
                                      "origins, methods or headers (Fetch).")},
    {"/cors/allow_methods", QT_TRANSLATE_NOOP("SettingHelp", "Allowed methods"),
     QT_TRANSLATE_NOOP("SettingHelp", "Access-Control-Allow-Methods. GET, HEAD and POST are CORS-safelisted and "
                                      "need no listing; methods compare case-sensitively (Fetch).")},
    {"/cors/allow_headers", QT_TRANSLATE_NOOP("SettingHelp", "Allowed request headers"),
     QT_TRANSLATE_NOOP("SettingHelp", "Access-Control-Allow-Headers, compared case-insensitively. '*' never covers "
                                      "Authorization, which must be named (Fetch).")},
    {"/cors/expose_headers", QT_TRANSLATE_NOOP("SettingHelp", "Exposed response headers"),
     QT_TRANSLATE_NOOP("SettingHelp", "Access-Control-Expose-Headers: response headers beyond the safelisted ones "
                                      "that scripts may read (Fetch).")},
    {"/cors/max_age", QT_TRANSLATE_NOOP("SettingHelp", "Max age"),
     QT_TRANSLATE_NOOP("SettingHelp", "Access-Control-Max-Age in seconds: how long browsers cache a preflight. "
                                      "Chromium caps it at 7200, Firefox at 86400; absent means 5 seconds.")},
    {"/cors/allow_private_network", QT_TRANSLATE_NOOP("SettingHelp", "Allow private network"),
     QT_TRANSLATE_NOOP("SettingHelp", "Answer Private Network Access preflights with "
                                      "Access-Control-Allow-Private-Network: true (WICG Private Network Access).")},
    {"/cors/denied_preflight_status", QT_TRANSLATE_NOOP("SettingHelp", "Refused preflight status"),
     QT_TRANSLATE_NOOP("SettingHelp", "The status of a refused preflight. OWASP: 403 without any CORS header.")},

    // Rate limits
    {"/rate_limits/*/name", QT_TRANSLATE_NOOP("SettingHelp", "Limit name"),
     QT_TRANSLATE_NOOP("SettingHelp", "Routes refer to limits by this name.")},
    {"/rate_limits/*/limit", QT_TRANSLATE_NOOP("SettingHelp", "Limit"),
     QT_TRANSLATE_NOOP("SettingHelp", "The `limits` library's grammar, as in slowapi: 10/minute, 100 per hour, "
                                      "5/10seconds; several joined by ';'. A month is 30 days, a year 360.")},
    {"/rate_limits/*/key", QT_TRANSLATE_NOOP("SettingHelp", "Key"),
     QT_TRANSLATE_NOOP("SettingHelp", "Whose requests count together: client_ip, global, route, api_key, "
                                      "header:<Name> or jwt_claim:<claim>. Behind a proxy, client_ip needs trusted "
                                      "proxies (Transport).")},
    {"/rate_limits/*/strategy", QT_TRANSLATE_NOOP("SettingHelp", "Strategy"),
     QT_TRANSLATE_NOOP("SettingHelp", "fixed_window (slowapi's default; bursts across a boundary reach twice the "
                                      "limit), moving_window, sliding_window_counter, token_bucket or leaky_bucket "
                                      "(nginx limit_req).")},
    {"/rate_limits/*/scope", QT_TRANSLATE_NOOP("SettingHelp", "Scope"),
     QT_TRANSLATE_NOOP("SettingHelp", "route: each route counts separately (slowapi's limit); shared: one counter "
                                      "for every route using the limit (shared_limit).")},
    {"/rate_limits/*/burst", QT_TRANSLATE_NOOP("SettingHelp", "Burst"),
     QT_TRANSLATE_NOOP("SettingHelp", "Token and leaky bucket: extra requests allowed at once (nginx burst=).")},
    {"/rate_limits/*/nodelay", QT_TRANSLATE_NOOP("SettingHelp", "No delay"),
     QT_TRANSLATE_NOOP("SettingHelp", "Leaky bucket: serve the burst at once instead of spacing it out (nginx "
                                      "nodelay).")},
    {"/rate_limits/*/exempt", QT_TRANSLATE_NOOP("SettingHelp", "Exempt clients"),
     QT_TRANSLATE_NOOP("SettingHelp", "Addresses or CIDR blocks never limited (health checks, internal callers).")},
    {"/rate_limits/*/ipv6_prefix", QT_TRANSLATE_NOOP("SettingHelp", "IPv6 prefix"),
     QT_TRANSLATE_NOOP("SettingHelp", "client_ip keys group IPv6 clients by this prefix length; one client usually "
                                      "owns a whole /64.")},
    {"/rate_limits/*/headers", QT_TRANSLATE_NOOP("SettingHelp", "Rate-limit headers"),
     QT_TRANSLATE_NOOP("SettingHelp", "none, legacy (X-RateLimit-Limit/-Remaining/-Reset, as slowapi) or ietf "
                                      "(RateLimit and RateLimit-Policy, draft-ietf-httpapi-ratelimit-headers).")},
    {"/rate_limits/*/status", QT_TRANSLATE_NOOP("SettingHelp", "Status"),
     QT_TRANSLATE_NOOP("SettingHelp", "The status of a limited request: 429 Too Many Requests (RFC 6585 §4), with "
                                      "Retry-After.")},

    // Headers
    {"/headers/set", QT_TRANSLATE_NOOP("SettingHelp", "Response headers"),
     QT_TRANSLATE_NOOP("SettingHelp", "Headers added to every response, errors included, in this order (OWASP "
                                      "Secure Headers Project).")},
    {"/headers/remove", QT_TRANSLATE_NOOP("SettingHelp", "Removed headers"),
     QT_TRANSLATE_NOOP("SettingHelp", "Headers stripped from every response because they reveal the stack (OWASP "
                                      "Secure Headers Project's remove list: Server, X-Powered-By ...).")},
    {"/headers/csp", QT_TRANSLATE_NOOP("SettingHelp", "Content-Security-Policy"),
     QT_TRANSLATE_NOOP("SettingHelp", "Build the Content-Security-Policy header (W3C CSP Level 3) from directives.")},
    {"/headers/csp/report_only", QT_TRANSLATE_NOOP("SettingHelp", "Report only"),
     QT_TRANSLATE_NOOP("SettingHelp", "Send Content-Security-Policy-Report-Only: browsers report violations but "
                                      "enforce nothing. The Observatory scores it as no CSP.")},
    {"/headers/csp/directives", QT_TRANSLATE_NOOP("SettingHelp", "CSP directives"),
     QT_TRANSLATE_NOOP("SettingHelp", "One directive per row; keywords in single quotes ('self', 'none'), as CSP "
                                      "requires and helmet 8 enforces.")},
    {"/headers/hsts", QT_TRANSLATE_NOOP("SettingHelp", "Strict-Transport-Security"),
     QT_TRANSLATE_NOOP("SettingHelp", "HTTP Strict Transport Security (RFC 6797): browsers use HTTPS only for this "
                                      "host for max-age seconds.")},
    {"/headers/hsts/max_age", QT_TRANSLATE_NOOP("SettingHelp", "HSTS max-age"),
     QT_TRANSLATE_NOOP("SettingHelp", "RFC 6797 §6.1.1. OWASP proposes 2 years (63072000 s), helmet 1 year; the "
                                      "Observatory penalises less than 6 months.")},
    {"/headers/hsts/include_subdomains", QT_TRANSLATE_NOOP("SettingHelp", "includeSubDomains"),
     QT_TRANSLATE_NOOP("SettingHelp", "RFC 6797 §6.1.2: the policy covers every subdomain too.")},
    {"/headers/hsts/preload", QT_TRANSLATE_NOOP("SettingHelp", "preload"),
     QT_TRANSLATE_NOOP("SettingHelp", "Ask to be put on the browsers' preload list (hstspreload.org, which wants "
                                      "max-age ≥ 1 year and includeSubDomains). OWASP leaves it out by default: "
                                      "removal takes months.")},
    {"/headers/permissions_policy", QT_TRANSLATE_NOOP("SettingHelp", "Permissions-Policy"),
     QT_TRANSLATE_NOOP("SettingHelp", "Which browser features pages may use (W3C Permissions Policy); an empty "
                                      "allowlist, camera=(), turns a feature off everywhere.")},
    {"/headers/permissions_policy/features", QT_TRANSLATE_NOOP("SettingHelp", "Features"),
     QT_TRANSLATE_NOOP("SettingHelp", "One feature per row with its allowlist: self, src, * or origins.")},

    // Tokens
    {"/auth/jwt", QT_TRANSLATE_NOOP("SettingHelp", "JSON Web Tokens"),
     QT_TRANSLATE_NOOP("SettingHelp", "Verify (and issue) JWTs (RFC 7519) for bearer routes, following the JWT "
                                      "Best Current Practices (RFC 8725).")},
    {"/auth/jwt/algorithms", QT_TRANSLATE_NOOP("SettingHelp", "Algorithms"),
     QT_TRANSLATE_NOOP("SettingHelp", "The allow-list of alg values (RFC 8725 §3.1); never none (RFC 7518 §3.6), "
                                      "never MAC and signature algorithms for one key.")},
    {"/auth/jwt/keys", QT_TRANSLATE_NOOP("SettingHelp", "Keys"),
     QT_TRANSLATE_NOOP("SettingHelp", "Where each key comes from; a kid (RFC 7515 §4.1.4) selects among several. "
                                      "HMAC keys need at least as many bits as the hash (RFC 7518 §3.2).")},
    {"/auth/jwt/issuer", QT_TRANSLATE_NOOP("SettingHelp", "Issuer"),
     QT_TRANSLATE_NOOP("SettingHelp", "The expected iss claim (RFC 7519 §4.1.1, RFC 8725 §3.8); empty: not "
                                      "checked.")},
    {"/auth/jwt/audience", QT_TRANSLATE_NOOP("SettingHelp", "Audience"),
     QT_TRANSLATE_NOOP("SettingHelp", "Accepted aud values (RFC 7519 §4.1.3); a token naming none of them is "
                                      "refused (RFC 8725 §3.9).")},
    {"/auth/jwt/access_ttl", QT_TRANSLATE_NOOP("SettingHelp", "Access token lifetime"),
     QT_TRANSLATE_NOOP("SettingHelp", "exp of issued access tokens (RFC 7519 §4.1.4). The tutorial uses 15 minutes; "
                                      "keep it short, revocation is hard.")},
    {"/auth/jwt/refresh_ttl", QT_TRANSLATE_NOOP("SettingHelp", "Refresh token lifetime"),
     QT_TRANSLATE_NOOP("SettingHelp", "exp of issued refresh tokens; the tutorial uses 7 days.")},
    {"/auth/jwt/leeway", QT_TRANSLATE_NOOP("SettingHelp", "Leeway"),
     QT_TRANSLATE_NOOP("SettingHelp", "Clock skew tolerated on exp and nbf; RFC 7519 §4.1.4: \"usually no more than "
                                      "a few minutes\".")},
    {"/auth/jwt/required_claims", QT_TRANSLATE_NOOP("SettingHelp", "Required claims"),
     QT_TRANSLATE_NOOP("SettingHelp", "Claims a token must carry (exp, iat, sub ...); RFC 8725 §3.12.")},
    {"/auth/jwt/typ", QT_TRANSLATE_NOOP("SettingHelp", "Expected typ"),
     QT_TRANSLATE_NOOP("SettingHelp", "Explicit typing (RFC 8725 §3.11): the typ header tokens must carry, e.g. "
                                      "at+jwt (RFC 9068). Empty: not checked.")},
    {"/auth/jwt/claims", QT_TRANSLATE_NOOP("SettingHelp", "Extra claims"),
     QT_TRANSLATE_NOOP("SettingHelp", "Claims put in every issued token, as a JSON object; they cannot replace the "
                                      "registered claims (iss, sub, aud, exp, nbf, iat, jti).")},
    {"/auth/jwt/max_token_bytes", QT_TRANSLATE_NOOP("SettingHelp", "Maximum token size"),
     QT_TRANSLATE_NOOP("SettingHelp", "Longer tokens are refused before any decoding.")},
    {"/auth/passwords", QT_TRANSLATE_NOOP("SettingHelp", "Password hashing"),
     QT_TRANSLATE_NOOP("SettingHelp", "How stored passwords are hashed (OWASP Password Storage Cheat Sheet).")},
    {"/auth/passwords/scheme", QT_TRANSLATE_NOOP("SettingHelp", "Scheme"),
     QT_TRANSLATE_NOOP("SettingHelp", "OWASP's order of preference: argon2id, scrypt, bcrypt, PBKDF2 (for FIPS).")},
    {"/auth/passwords/accept", QT_TRANSLATE_NOOP("SettingHelp", "Also accepted"),
     QT_TRANSLATE_NOOP("SettingHelp", "Older schemes still verified but flagged for rehashing at the next login "
                                      "(passlib's deprecated schemes).")},
    {"/auth/passwords/bcrypt_rounds", QT_TRANSLATE_NOOP("SettingHelp", "bcrypt cost"),
     QT_TRANSLATE_NOOP("SettingHelp", "log2 of the rounds; OWASP asks for at least 10, the tutorial uses 12.")},
    {"/auth/passwords/bcrypt_min_rounds", QT_TRANSLATE_NOOP("SettingHelp", "bcrypt minimum cost"),
     QT_TRANSLATE_NOOP("SettingHelp", "Hashes with a lower cost still verify but need an update (passlib "
                                      "min_rounds).")},
    {"/auth/passwords/bcrypt_max_rounds", QT_TRANSLATE_NOOP("SettingHelp", "bcrypt maximum cost"),
     QT_TRANSLATE_NOOP("SettingHelp", "Hashes with a higher cost need an update too (passlib max_rounds).")},
    {"/auth/passwords/bcrypt_long_passwords", QT_TRANSLATE_NOOP("SettingHelp", "Passwords over 72 bytes"),
     QT_TRANSLATE_NOOP("SettingHelp", "bcrypt reads only the first 72 bytes: refuse longer passwords, or truncate "
                                      "them as passlib did.")},
    {"/auth/passwords/argon2_memory_kib", QT_TRANSLATE_NOOP("SettingHelp", "Argon2 memory"),
     QT_TRANSLATE_NOOP("SettingHelp", "KiB per hash (RFC 9106); OWASP minimum m=19456 (19 MiB) with t=2, p=1.")},
    {"/auth/passwords/argon2_time_cost", QT_TRANSLATE_NOOP("SettingHelp", "Argon2 iterations"),
     QT_TRANSLATE_NOOP("SettingHelp", "Passes over memory (RFC 9106 t); OWASP: 2 with 19 MiB.")},
    {"/auth/passwords/argon2_parallelism", QT_TRANSLATE_NOOP("SettingHelp", "Argon2 lanes"),
     QT_TRANSLATE_NOOP("SettingHelp", "Degree of parallelism (RFC 9106 p); OWASP: 1.")},
    {"/auth/passwords/scrypt_log_n", QT_TRANSLATE_NOOP("SettingHelp", "scrypt log2 N"),
     QT_TRANSLATE_NOOP("SettingHelp", "CPU/memory cost (RFC 7914); OWASP: N=2^17, r=8, p=1.")},
    {"/auth/passwords/scrypt_r", QT_TRANSLATE_NOOP("SettingHelp", "scrypt r"),
     QT_TRANSLATE_NOOP("SettingHelp", "Block size (RFC 7914); OWASP: 8.")},
    {"/auth/passwords/scrypt_p", QT_TRANSLATE_NOOP("SettingHelp", "scrypt p"),
     QT_TRANSLATE_NOOP("SettingHelp", "Parallelism (RFC 7914); OWASP: 1.")},
    {"/auth/passwords/pbkdf2_sha256_iterations", QT_TRANSLATE_NOOP("SettingHelp", "PBKDF2-SHA256 iterations"),
     QT_TRANSLATE_NOOP("SettingHelp", "RFC 8018; OWASP: at least 600,000 for HMAC-SHA-256.")},
    {"/auth/passwords/pbkdf2_sha512_iterations", QT_TRANSLATE_NOOP("SettingHelp", "PBKDF2-SHA512 iterations"),
     QT_TRANSLATE_NOOP("SettingHelp",
                       "RFC 8018; OWASP: at least 220,000 for HMAC-SHA-512 (210,000 before March 2026).")},
    {"/auth/passwords/target_time", QT_TRANSLATE_NOOP("SettingHelp", "Target time"),
     QT_TRANSLATE_NOOP("SettingHelp", "How long one hash should take on the server; Calibrate finds the cost that "
                                      "meets it without going below the OWASP floor.")},
    {"/auth/cookies", QT_TRANSLATE_NOOP("SettingHelp", "Session cookie"),
     QT_TRANSLATE_NOOP("SettingHelp", "Attributes of the session cookie (RFC 6265bis).")},
    {"/auth/cookies/name", QT_TRANSLATE_NOOP("SettingHelp", "Cookie name"),
     QT_TRANSLATE_NOOP("SettingHelp", "The __Host- prefix makes browsers insist on Secure, Path=/ and no Domain "
                                      "(RFC 6265bis §4.1.3.2).")},
    {"/auth/cookies/secure", QT_TRANSLATE_NOOP("SettingHelp", "Secure"),
     QT_TRANSLATE_NOOP("SettingHelp", "Sent over HTTPS only (RFC 6265bis §4.1.2.5); the Observatory costs a session "
                                      "cookie without it 40 points.")},
    {"/auth/cookies/http_only", QT_TRANSLATE_NOOP("SettingHelp", "HttpOnly"),
     QT_TRANSLATE_NOOP("SettingHelp", "Hidden from scripts (RFC 6265bis §4.1.2.6), which blunts XSS session "
                                      "theft.")},
    {"/auth/cookies/same_site", QT_TRANSLATE_NOOP("SettingHelp", "SameSite"),
     QT_TRANSLATE_NOOP("SettingHelp", "lax, strict or none (RFC 6265bis §4.1.2.7); none requires Secure.")},
    {"/auth/cookies/path", QT_TRANSLATE_NOOP("SettingHelp", "Path"),
     QT_TRANSLATE_NOOP("SettingHelp", "The cookie's Path attribute; / for __Host- cookies.")},
    {"/auth/cookies/domain", QT_TRANSLATE_NOOP("SettingHelp", "Domain"),
     QT_TRANSLATE_NOOP("SettingHelp", "Empty keeps the cookie to this host only, which __Host- requires.")},
    {"/auth/cookies/max_age", QT_TRANSLATE_NOOP("SettingHelp", "Max-Age"),
     QT_TRANSLATE_NOOP("SettingHelp", "Lifetime of the cookie; empty makes it a session cookie.")},
    {"/auth/api_key_header", QT_TRANSLATE_NOOP("SettingHelp", "API key header"),
     QT_TRANSLATE_NOOP("SettingHelp", "The request header that carries an API key, for api_key rate-limit keys.")},

    // Secrets
    {"/secrets/*/name", QT_TRANSLATE_NOOP("SettingHelp", "Secret name"),
     QT_TRANSLATE_NOOP("SettingHelp", "How the rest of the policy refers to the secret.")},
    {"/secrets/*/kind", QT_TRANSLATE_NOOP("SettingHelp", "Kind"),
     QT_TRANSLATE_NOOP("SettingHelp", "What the secret is; it sets the minimum strength (32 bytes for an HMAC key, "
                                      "RFC 7518 §3.2).")},
    {"/secrets/*/env", QT_TRANSLATE_NOOP("SettingHelp", "Environment variable"),
     QT_TRANSLATE_NOOP("SettingHelp", "The variable holding the value, as pydantic-settings reads it.")},
    {"/secrets/*/dotenv", QT_TRANSLATE_NOOP("SettingHelp", "Dotenv file"),
     QT_TRANSLATE_NOOP("SettingHelp", "A .env file read when the variable is unset (pydantic-settings env_file). "
                                      "Keep it out of version control.")},
    {"/secrets/*/file", QT_TRANSLATE_NOOP("SettingHelp", "File"),
     QT_TRANSLATE_NOOP("SettingHelp", "A file whose whole content is the value (Docker and Kubernetes secrets).")},
    {"/secrets/*/required", QT_TRANSLATE_NOOP("SettingHelp", "Required"),
     QT_TRANSLATE_NOOP("SettingHelp", "Refuse to start without it (fail closed).")},
    {"/secrets/*/min_length", QT_TRANSLATE_NOOP("SettingHelp", "Minimum length"),
     QT_TRANSLATE_NOOP("SettingHelp", "Bytes the value must have at least; empty uses the kind's default.")},
    {"/secrets/*/description", QT_TRANSLATE_NOOP("SettingHelp", "Description"),
     QT_TRANSLATE_NOOP("SettingHelp", "Where the secret comes from and who rotates it.")},

    // Transport and limits
    {"/transport/https_only", QT_TRANSLATE_NOOP("SettingHelp", "HTTPS only"),
     QT_TRANSLATE_NOOP("SettingHelp", "Refuse plain HTTP (OWASP ASVS V9); pair it with HSTS.")},
    {"/transport/min_tls", QT_TRANSLATE_NOOP("SettingHelp", "Minimum TLS version"),
     QT_TRANSLATE_NOOP("SettingHelp", "Mozilla's guideline 6.0: intermediate allows TLS 1.2 and 1.3, modern only "
                                      "1.3.")},
    {"/transport/trusted_proxies", QT_TRANSLATE_NOOP("SettingHelp", "Trusted proxies"),
     QT_TRANSLATE_NOOP("SettingHelp", "Addresses or CIDR blocks whose forwarding headers are believed; anyone else "
                                      "could forge a client address and dodge rate limits.")},
    {"/transport/client_ip_header", QT_TRANSLATE_NOOP("SettingHelp", "Client address header"),
     QT_TRANSLATE_NOOP("SettingHelp", "none, x-forwarded-for or forwarded (RFC 7239), read only from trusted "
                                      "proxies.")},
    {"/transport/upstream", QT_TRANSLATE_NOOP("SettingHelp", "Upstream"),
     QT_TRANSLATE_NOOP("SettingHelp", "The application behind the test server in reverse-proxy mode, e.g. "
                                      "http://127.0.0.1:8000 for uvicorn.")},
    {"/transport/header_timeout", QT_TRANSLATE_NOOP("SettingHelp", "Header timeout"),
     QT_TRANSLATE_NOOP("SettingHelp", "Time allowed to send the request headers; short values defeat slowloris "
                                      "(nginx client_header_timeout).")},
    {"/transport/idle_timeout", QT_TRANSLATE_NOOP("SettingHelp", "Idle timeout"),
     QT_TRANSLATE_NOOP("SettingHelp", "How long an idle keep-alive connection stays open (nginx "
                                      "keepalive_timeout).")},
    {"/transport/max_connections", QT_TRANSLATE_NOOP("SettingHelp", "Maximum connections"),
     QT_TRANSLATE_NOOP("SettingHelp", "Concurrent connections the test server accepts.")},
    {"/limits/max_body_bytes", QT_TRANSLATE_NOOP("SettingHelp", "Maximum body size"),
     QT_TRANSLATE_NOOP("SettingHelp", "Larger bodies answer 413 Content Too Large (RFC 9110 §15.5.14); nginx's "
                                      "client_max_body_size defaults to 1 MiB.")},
    {"/limits/max_header_bytes", QT_TRANSLATE_NOOP("SettingHelp", "Maximum header size"),
     QT_TRANSLATE_NOOP("SettingHelp", "All header lines together; more answers 431 Request Header Fields Too Large "
                                      "(RFC 6585 §5).")},
    {"/limits/max_url_bytes", QT_TRANSLATE_NOOP("SettingHelp", "Maximum URL size"),
     QT_TRANSLATE_NOOP("SettingHelp", "Longer request targets answer 414 URI Too Long (RFC 9110 §15.5.15).")},
    {"/limits/max_headers", QT_TRANSLATE_NOOP("SettingHelp", "Maximum header count"),
     QT_TRANSLATE_NOOP("SettingHelp", "More header lines answer 431 (RFC 6585 §5).")},
    {"/limits/max_json_depth", QT_TRANSLATE_NOOP("SettingHelp", "Maximum JSON depth"),
     QT_TRANSLATE_NOOP("SettingHelp", "Deeper nesting is refused before validation, so a hostile body cannot "
                                      "exhaust the parser's stack.")},
    {"/limits/content_types", QT_TRANSLATE_NOOP("SettingHelp", "Accepted content types"),
     QT_TRANSLATE_NOOP("SettingHelp", "Body media types accepted by default; others answer 415 Unsupported Media "
                                      "Type (RFC 9110 §15.5.16).")},
});

const Entry* find(std::string_view path)
{
    for (const Entry& e : kEntries) {
        if (e.path == path) {
            return &e;
        }
    }
    // The items of an array field take the same constraints as a field.
    constexpr std::string_view fieldPrefix = "/schemas/*/fields/*/";
    constexpr std::string_view items = "items/";
    if (path.starts_with(fieldPrefix) && path.substr(fieldPrefix.size()).starts_with(items)) {
        std::string field(fieldPrefix);
        field += path.substr(fieldPrefix.size() + items.size());
        return find(field);
    }
    return nullptr;
}

} // namespace

QString SettingHelp::title(std::string_view genericPath)
{
    const Entry* e = find(genericPath);
    return e != nullptr ? QCoreApplication::translate("SettingHelp", e->title) : QString();
}

QString SettingHelp::text(std::string_view genericPath)
{
    const Entry* e = find(genericPath);
    return e != nullptr ? QCoreApplication::translate("SettingHelp", e->text) : QString();
}

QString SettingHelp::tooltip(std::string_view genericPath)
{
    const Entry* e = find(genericPath);
    if (e == nullptr) {
        return {};
    }
    return QStringLiteral("<b>") + title(genericPath).toHtmlEscaped() + QStringLiteral("</b><br>") +
           text(genericPath).toHtmlEscaped();
}

} // namespace pc
