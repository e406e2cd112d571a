// SPDX-License-Identifier: Apache-2.0
#include "engine/CorsStage.h"

#include "common/JsonPointer.h"
#include "engine/CorsSafelist.h"
#include "engine/DetailAnswer.h"
#include "engine/HttpText.h"

#include <algorithm>

namespace pc {
namespace {

constexpr std::string_view kAcao = "Access-Control-Allow-Origin";
constexpr std::string_view kAcac = "Access-Control-Allow-Credentials";
constexpr std::string_view kAcam = "Access-Control-Allow-Methods";
constexpr std::string_view kAcah = "Access-Control-Allow-Headers";
constexpr std::string_view kAceh = "Access-Control-Expose-Headers";
constexpr std::string_view kMaxAge = "Access-Control-Max-Age";
constexpr std::string_view kAcapn = "Access-Control-Allow-Private-Network";

void add(std::vector<HeaderField>& headers, std::string_view name, std::string_view value)
{
    // Built in place: a temporary HeaderField would cost two more string moves per header.
    HeaderField& field = headers.emplace_back();
    field.name.assign(name);
    field.value.assign(value);
}

std::string joinList(const std::vector<std::string>& items)
{
    std::string out;
    for (const std::string& item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

// Validates a list of tokens where "*" is allowed; fills `out` (as written) and reports errors.
void compileTokens(const std::vector<std::string>& items, const std::string& where, std::string_view what, bool& any,
                   std::vector<std::string>& out, Errors& errors)
{
    for (size_t i = 0; i < items.size(); ++i) {
        if (items[i] == "*") {
            any = true;
            continue;
        }
        if (!HttpText::isToken(items[i])) {
            errors.push_back(makeError("cors-bad-" + std::string(what),
                                       "\"" + items[i] + "\" is not a valid " + std::string(what) + " name.",
                                       JsonPointer::join(where, i), "write an HTTP token such as \"X-Request-Id\""));
            continue;
        }
        out.push_back(items[i]);
    }
}

} // namespace

bool CorsStage::isPreflight(const HttpRequest& request)
{
    return request.method == "OPTIONS" && request.header("Origin").has_value() &&
           request.header("Access-Control-Request-Method").has_value();
}

Result<std::unique_ptr<CorsStage>> CorsStage::compile(const Policy& policy, const CompileOptions& /*options*/)
{
    std::unique_ptr<CorsStage> stage(new CorsStage());
    if (!policy.cors) {
        return stage;
    }
    const CorsPolicy& cors = *policy.cors;
    Errors errors;
    Result<OriginMatcher> origins = OriginMatcher::compile(cors, "/cors");
    if (!origins) {
        errors = origins.errors();
    }
    bool anyExpose = false;
    std::vector<std::string> expose;
    compileTokens(cors.allowMethods, "/cors/allow_methods", "method", stage->m_anyMethod, stage->m_methods, errors);
    std::vector<std::string> headers;
    compileTokens(cors.allowHeaders, "/cors/allow_headers", "header", stage->m_anyHeader, headers, errors);
    compileTokens(cors.exposeHeaders, "/cors/expose_headers", "header", anyExpose, expose, errors);
    if (anyExpose && cors.allowCredentials) {
        const auto it = std::find(cors.exposeHeaders.begin(), cors.exposeHeaders.end(), "*");
        errors.push_back(makeError(
            "cors-wildcard-with-credentials",
            "expose_headers contains \"*\" while allow_credentials is on; browsers then read it as a header named "
            "\"*\" and expose nothing.",
            JsonPointer::join("/cors/expose_headers", static_cast<size_t>(it - cors.exposeHeaders.begin())),
            "list the response headers scripts may read"));
    }
    if (cors.maxAge < 0) {
        errors.push_back(makeError("cors-bad-max-age", "max_age is negative.", "/cors/max_age",
                                   "use seconds from 0 up; Chromium caps preflight caching at 7200"));
    }
    if (cors.deniedPreflightStatus < 400 || cors.deniedPreflightStatus > 499) {
        errors.push_back(makeError("cors-bad-denied-status",
                                   "denied_preflight_status " + std::to_string(cors.deniedPreflightStatus) +
                                       " is not a 4xx status; a denied preflight must not look successful.",
                                   "/cors/denied_preflight_status", "use 403 (OWASP) or 400 (Starlette)"));
    }
    if (!errors.empty()) {
        return errors;
    }
    stage->m_enabled = true;
    stage->m_origins = std::move(origins).value();
    stage->m_credentials = cors.allowCredentials;
    stage->m_wildcardMode = stage->m_origins.hasWildcard() && !cors.allowCredentials;
    stage->m_dynamic = !stage->m_wildcardMode && !stage->m_origins.empty();
    stage->m_methodsValue = joinList(stage->m_methods);
    for (const std::string& h : headers) {
        stage->m_headersLower.push_back(HttpText::toLower(h));
    }
    stage->m_headersValue = joinList(headers);
    stage->m_exposeValue = anyExpose ? std::string("*") : joinList(expose);
    stage->m_maxAgeValue = std::to_string(std::max(cors.maxAge, 0));
    stage->m_privateNetwork = cors.allowPrivateNetwork;
    stage->m_deniedStatus = cors.deniedPreflightStatus;
    return stage;
}

bool CorsStage::singleOrigin(const HttpRequest& request, std::string_view& origin, int& count)
{
    count = 0;
    for (const HeaderField& field : request.headers) {
        if (HttpText::iequals(field.name, "Origin")) {
            origin = field.value;
            ++count;
        }
    }
    return count == 1;
}

void CorsStage::run(RequestContext& ctx) const
{
    if (!m_enabled) {
        ctx.addTrace("cors", "skip", "The policy has no cors section, so no CORS headers are sent.", "/cors");
        return;
    }
    if (ctx.preflight) {
        if (ctx.answer) {
            ctx.addTrace("cors", "skip",
                         "An earlier stage already refused this preflight; it leaves without CORS headers.", "/cors");
            return;
        }
        runPreflight(ctx);
        return;
    }
    runActual(ctx);
}

void CorsStage::runPreflight(RequestContext& ctx) const
{
    const HttpRequest& request = ctx.request;
    std::string_view origin;
    int originCount = 0;
    const bool oneOrigin = singleOrigin(request, origin, originCount);
    const OriginMatcher::Hit hit = oneOrigin ? m_origins.match(origin) : OriginMatcher::Hit{};

    std::vector<std::string_view> failures; // Starlette's words: origin, method, headers, private-network
    std::string why;
    std::string where;
    const auto fail = [&](std::string_view part, std::string reason, std::string pointer) {
        failures.push_back(part);
        why += (why.empty() ? "" : "; ") + reason;
        if (where.empty()) {
            where = std::move(pointer);
        }
    };
    if (!hit.allowed()) {
        fail("origin",
             oneOrigin ? "the origin " + HttpText::excerpt(origin) + " is not allowed"
                       : std::string("the request has ") + std::to_string(originCount) + " Origin headers",
             "/cors/allow_origins");
    }

    std::string_view method;
    int methodCount = 0;
    std::string requested; // lower-case names from Access-Control-Request-Headers, ", "-joined
    std::string deniedHeaders;
    for (const HeaderField& field : request.headers) {
        if (HttpText::iequals(field.name, "Access-Control-Request-Method")) {
            method = field.value;
            ++methodCount;
            continue;
        }
        if (!HttpText::iequals(field.name, "Access-Control-Request-Headers")) {
            continue;
        }
        std::string_view value = field.value;
        while (!value.empty()) {
            const size_t comma = value.find(',');
            const std::string_view item = HttpText::trim(value.substr(0, comma));
            value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 1);
            if (item.empty()) {
                continue;
            }
            const bool listed = std::any_of(m_headersLower.begin(), m_headersLower.end(),
                                            [&](const std::string& h) { return HttpText::iequals(item, h); });
            // "*" never covers Authorization (a CORS non-wildcard request-header name).
            const bool allowed =
                HttpText::isToken(item) && (listed || (m_anyHeader && !HttpText::iequals(item, "authorization")));
            const std::string name = HttpText::toLower(item);
            if (!allowed) {
                deniedHeaders += (deniedHeaders.empty() ? "" : ", ") + HttpText::excerpt(name, 60);
            }
            requested += requested.empty() ? "" : ", ";
            requested += name;
        }
    }
    const bool methodAllowed = methodCount == 1 && !method.empty() && HttpText::isToken(method) &&
                               (CorsSafelist::isSafelistedMethod(method) || m_anyMethod ||
                                std::find(m_methods.begin(), m_methods.end(), method) != m_methods.end());
    if (!methodAllowed) {
        fail("method",
             methodCount > 1
                 ? "the request has " + std::to_string(methodCount) + " Access-Control-Request-Method headers"
                 : "the method \"" + HttpText::excerpt(method, 40) +
                       "\" is not in allow_methods (methods compare case-sensitively)",
             "/cors/allow_methods");
    }
    if (!deniedHeaders.empty()) {
        fail("headers", "the request headers " + deniedHeaders + " are not in allow_headers", "/cors/allow_headers");
    }

    const bool privateNetwork = request.header("Access-Control-Request-Private-Network").has_value();
    if (privateNetwork && !m_privateNetwork) {
        fail("private-network", "Private Network Access is requested but allow_private_network is off",
             "/cors/allow_private_network");
    }

    if (!failures.empty()) {
        std::string detail = "Disallowed CORS ";
        for (size_t i = 0; i < failures.size(); ++i) {
            detail += (i ? ", " : "") + std::string(failures[i]);
        }
        ctx.answer = DetailAnswer::make(m_deniedStatus, detail);
        ctx.addTrace("cors", "deny",
                     "Preflight refused with " + std::to_string(m_deniedStatus) + " and no CORS headers: " + why + ".",
                     where);
        return;
    }

    ctx.answer.emplace().status = 204;
    std::vector<HeaderField>& out = ctx.responseHeaders;
    out.reserve(out.size() + 8);
    add(out, kAcao, m_wildcardMode ? std::string_view("*") : origin);
    if (m_credentials) {
        add(out, kAcac, "true");
    }
    if (m_anyMethod) {
        add(out, kAcam, method);
    } else if (!m_methodsValue.empty()) {
        add(out, kAcam, m_methodsValue);
    }
    if (m_anyHeader) {
        if (!requested.empty()) {
            add(out, kAcah, requested);
        }
    } else if (!m_headersValue.empty()) {
        add(out, kAcah, m_headersValue);
    }
    add(out, kMaxAge, m_maxAgeValue);
    if (privateNetwork) {
        add(out, kAcapn, "true");
    }
    std::string vary;
    if (m_dynamic) {
        vary = "Origin";
    }
    if (m_anyMethod) {
        vary += (vary.empty() ? "" : ", ") + std::string("Access-Control-Request-Method");
    }
    if (m_anyHeader && !requested.empty()) {
        vary += (vary.empty() ? "" : ", ") + std::string("Access-Control-Request-Headers");
    }
    if (!vary.empty()) {
        add(out, "Vary", vary);
    }
    // Quoted whole unless long: with "*" in allow_origins or allow_headers they are the client's text.
    const auto quote = [](std::string& to, std::string_view text) {
        if (text.size() <= 120) {
            to.append(text);
        } else {
            to.append(HttpText::excerpt(text));
        }
    };
    std::string reason;
    reason.reserve(280);
    reason.append("Preflight allowed with 204: origin ");
    quote(reason, origin);
    reason.append(", method ");
    quote(reason, method);
    if (!requested.empty()) {
        reason.append(", headers ");
        quote(reason, requested);
    }
    reason.append(privateNetwork ? ", private network access" : "").append("; it never reaches the later stages.");
    ctx.addTrace("cors", "answer", std::move(reason), m_origins.where(hit));
}

void CorsStage::runActual(RequestContext& ctx) const
{
    std::vector<HeaderField>& out = ctx.responseHeaders;
    out.reserve(out.size() + 4);
    if (m_wildcardMode) {
        add(out, kAcao, "*");
        if (!m_exposeValue.empty()) {
            add(out, kAceh, m_exposeValue);
        }
        ctx.addTrace("cors", "pass",
                     "allow_origins contains \"*\" without credentials: every response carries "
                     "Access-Control-Allow-Origin: * and no Vary: Origin.",
                     m_origins.where(OriginMatcher::Hit{OriginMatcher::Hit::Kind::Wildcard, 0}));
        return;
    }
    decideActual(ctx);
    // Vary: Origin on every answer whose CORS headers could differ with the Origin (fetch.bs, "CORS protocol
    // and HTTP caches"), denied and Origin-less requests included, so a cache never replays one origin's answer.
    if (m_dynamic) {
        add(out, "Vary", "Origin");
    }
}

void CorsStage::decideActual(RequestContext& ctx) const
{
    const HttpRequest& request = ctx.request;
    std::vector<HeaderField>& out = ctx.responseHeaders;
    std::string_view origin;
    int count = 0;
    if (!singleOrigin(request, origin, count)) {
        if (count == 0) {
            ctx.addTrace("cors", "pass",
                         m_dynamic ? "No Origin header, so no CORS headers; Vary: Origin is still sent because the "
                                     "answer depends on the Origin."
                                   : "No Origin header, so no CORS headers.",
                         "/cors");
        } else {
            ctx.addTrace("cors", "deny",
                         "The request has " + std::to_string(count) +
                             " Origin headers; it gets no CORS headers, so no browser page may read the answer.",
                         "/cors/allow_origins");
        }
        return;
    }
    const OriginMatcher::Hit hit = m_origins.match(origin);
    if (!hit.allowed()) {
        ctx.addTrace("cors", "deny",
                     "The origin " + HttpText::excerpt(origin) +
                         " is not allowed: the request goes on, but its answer carries no CORS headers, so the "
                         "browser keeps it from that page.",
                     "/cors/allow_origins");
        return;
    }
    add(out, kAcao, origin);
    if (m_credentials) {
        add(out, kAcac, "true");
    }
    if (!m_exposeValue.empty()) {
        add(out, kAceh, m_exposeValue);
    }
    // The origin matched the allow-list, so it is short and clean enough to quote whole.
    std::string reason;
    reason.reserve(origin.size() + 48);
    reason.append("The origin ")
        .append(origin)
        .append(m_credentials ? " is allowed, with credentials." : " is allowed.");
    if (const std::string preflight = CorsSafelist::preflightReason(request); !preflight.empty()) {
        reason += " A browser would have sent a preflight first, because " + preflight + ".";
    }
    ctx.addTrace("cors", "pass", std::move(reason), m_origins.where(hit));
}

} // namespace pc
