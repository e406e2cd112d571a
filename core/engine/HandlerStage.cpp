// SPDX-License-Identifier: Apache-2.0
#include "engine/HandlerStage.h"

#include "common/JsonPointer.h"
#include "engine/DetailAnswer.h"
#include "engine/HttpText.h"
#include "engine/UrlPath.h"

#include <algorithm>

namespace pc {
namespace {

constexpr std::string_view kRedacted = "[redacted]";
constexpr size_t kHeaderRoom = 12; // Content-Length, CORS, rate limits, security headers

void compileMock(const MockResponse& mock, const std::string& base, int& status, std::vector<HeaderField>& headers,
                 std::string& body, Errors& errors)
{
    status = mock.status;
    if (mock.status < 200 || mock.status > 599) {
        errors.push_back(makeError("mock-bad-status",
                                   "The mock status " + std::to_string(mock.status) + " is not a final HTTP status.",
                                   base + "/status", "use a status from 200 to 599"));
    }
    for (const HeaderField& h : mock.headers) {
        const std::string where = JsonPointer::join(base + "/headers", h.name);
        if (!HttpText::isToken(h.name) || !HttpText::isSafeFieldValue(h.value)) {
            errors.push_back(makeError("mock-bad-header",
                                       "The mock header \"" + h.name +
                                           "\" has an invalid name or a line break in "
                                           "its value.",
                                       where, "use a token for the name and keep the value on one line"));
            continue;
        }
        if (equalsIgnoreCase(h.name, "Content-Length") || equalsIgnoreCase(h.name, "Transfer-Encoding")) {
            errors.push_back(makeError("mock-framing-header",
                                       "The mock sets " + h.name + ", which the engine computes from the body.", where,
                                       "remove it"));
            continue;
        }
        headers.push_back(h);
    }
    if (mock.body.is_null()) {
        return;
    }
    if (HttpText::statusHasNoContent(mock.status)) {
        errors.push_back(
            makeError("mock-body-not-allowed",
                      "A " + std::to_string(mock.status) + " response has no content, but the mock has a body.",
                      base + "/body", "remove the body or use another status"));
        return;
    }
    const auto contentType = std::find_if(
        headers.begin(), headers.end(), [](const HeaderField& h) { return equalsIgnoreCase(h.name, "Content-Type"); });
    if (contentType == headers.end()) {
        headers.insert(headers.begin(), {"Content-Type", std::string(DetailAnswer::kJsonContentType)});
        body = mock.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } else if (mock.body.is_string() && !HttpText::isJsonMediaType(contentType->value)) {
        body = mock.body.get<std::string>(); // "text/plain" with a string body: the text itself
    } else {
        body = mock.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
}

} // namespace

std::string HandlerStage::upstreamProblem(std::string_view url)
{
    std::string_view rest;
    if (url.starts_with("http://")) {
        rest = url.substr(7);
    } else if (url.starts_with("https://")) {
        rest = url.substr(8);
    } else {
        return "it does not start with http:// or https://";
    }
    if (rest.empty() || rest.front() == '/' || rest.front() == ':') {
        return "it has no host";
    }
    if (rest.find_first_of("?#") != std::string_view::npos) {
        return "it has a query or fragment";
    }
    const std::string_view authority = rest.substr(0, rest.find('/'));
    if (authority.find('@') != std::string_view::npos) {
        return "it has credentials in it, and secrets do not belong in the policy";
    }
    if (std::any_of(url.begin(), url.end(),
                    [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; })) {
        return "it has spaces or control characters";
    }
    return {};
}

Result<std::unique_ptr<HandlerStage>> HandlerStage::compile(const Policy& policy, const CompileOptions& /*options*/)
{
    Errors errors;
    std::unique_ptr<HandlerStage> stage(new HandlerStage());
    stage->m_redacted = {"authorization", "proxy-authorization", "cookie"};
    stage->m_maxJsonDepth = static_cast<std::size_t>(std::max(policy.limits.maxJsonDepth, 1));
    if (!policy.auth.apiKeyHeader.empty()) {
        stage->m_redacted.push_back(HttpText::toLower(policy.auth.apiKeyHeader));
    }
    for (size_t i = 0; i < policy.routes.size(); ++i) {
        const Route& route = policy.routes[i];
        const std::string base = JsonPointer::join("/routes", i);
        Compiled compiled;
        compiled.kind = route.handler;
        switch (route.handler) {
        case RouteHandler::Mock:
            compileMock(route.mock, base + "/mock", compiled.status, compiled.headers, compiled.body, errors);
            compiled.where = base + "/mock";
            compiled.reason = "The route's mock answers " + std::to_string(route.mock.status) + ".";
            break;
        case RouteHandler::Echo:
            compiled.where = base + "/handler";
            compiled.reason = "The route echoes the request back as JSON (credential values redacted).";
            break;
        case RouteHandler::Upstream: {
            const bool own = !route.upstream.empty();
            const std::string& url = own ? route.upstream : policy.transport.upstream;
            compiled.where = own ? base + "/upstream" : std::string("/transport/upstream");
            if (url.empty()) {
                errors.push_back(makeError(
                    "route-missing-upstream",
                    "Route " + std::to_string(i) +
                        " forwards to the upstream, but neither the route nor transport names one.",
                    base + "/upstream", "set route.upstream or transport.upstream, e.g. \"http://127.0.0.1:8000\""));
                break;
            }
            if (std::string problem = upstreamProblem(url); !problem.empty()) {
                errors.push_back(makeError("bad-upstream",
                                           "The upstream \"" + url + "\" is not usable: " + problem + ".",
                                           compiled.where, "write a base URL such as \"http://127.0.0.1:8000\""));
                break;
            }
            compiled.upstream = url;
            while (!compiled.upstream.empty() && compiled.upstream.back() == '/') {
                compiled.upstream.pop_back();
            }
            compiled.reason = "The route forwards the request to the upstream " + compiled.upstream +
                              "; the response stages run on its answer.";
            break;
        }
        }
        stage->m_routes.push_back(std::move(compiled));
    }
    if (!errors.empty()) {
        return errors;
    }
    return stage;
}

void HandlerStage::redactHeaders(nlohmann::json& headers, const std::vector<std::string>& lowerNames)
{
    if (!headers.is_object()) {
        return;
    }
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        const std::string lower = HttpText::toLower(it.key());
        if (std::find(lowerNames.begin(), lowerNames.end(), lower) != lowerNames.end()) {
            it.value() = std::string(kRedacted);
        }
    }
}

void HandlerStage::run(RequestContext& ctx) const
{
    if (ctx.routeIndex < 0 || static_cast<size_t>(ctx.routeIndex) >= m_routes.size()) {
        ctx.answer = DetailAnswer::make(404, "Not Found");
        ctx.addTrace("handler", "answer", "No route was matched, so there is nothing to run; the answer is 404.",
                     "/routes");
        return;
    }
    const Compiled& compiled = m_routes[static_cast<size_t>(ctx.routeIndex)];
    switch (compiled.kind) {
    case RouteHandler::Mock: {
        StageAnswer& answer = ctx.answer.emplace();
        answer.status = compiled.status;
        // Room for the headers later stages append, so the vector is allocated once.
        answer.headers.reserve(compiled.headers.size() + kHeaderRoom);
        answer.headers.assign(compiled.headers.begin(), compiled.headers.end());
        answer.body = compiled.body;
        ctx.addTrace("handler", "answer", compiled.reason, compiled.where);
        return;
    }
    case RouteHandler::Echo:
        runEcho(ctx, compiled);
        return;
    case RouteHandler::Upstream:
        ctx.forward = true;
        ctx.upstream = compiled.upstream + ctx.request.target;
        ctx.addTrace("handler", "forward", compiled.reason, compiled.where);
        return;
    }
}

void HandlerStage::runEcho(RequestContext& ctx, const Compiled& compiled) const
{
    const HttpRequest& request = ctx.request;
    nlohmann::json echo;
    if (!ctx.validated.is_null()) {
        echo = ctx.validated;
        if (echo.is_object() && echo.contains("headers")) {
            redactHeaders(echo["headers"], m_redacted);
        }
    } else {
        echo = nlohmann::json::object();
        echo["method"] = request.method;
        echo["path"] = ctx.path.empty() ? std::string(request.path()) : ctx.path;
        if (!ctx.pathParams.empty()) {
            nlohmann::json params = nlohmann::json::object();
            for (const auto& [name, value] : ctx.pathParams) {
                params[name] = value;
            }
            echo["path_params"] = std::move(params);
        }
        nlohmann::json query = nlohmann::json::object();
        std::string_view rest = request.query();
        while (!rest.empty()) {
            const size_t amp = rest.find('&');
            const std::string_view pair = rest.substr(0, amp);
            rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
            if (pair.empty()) {
                continue;
            }
            const size_t eq = pair.find('=');
            const std::string key = UrlPath::decodeQueryComponent(pair.substr(0, eq));
            const std::string value =
                eq == std::string_view::npos ? std::string() : UrlPath::decodeQueryComponent(pair.substr(eq + 1));
            nlohmann::json& slot = query[key];
            if (slot.is_null()) {
                slot = value;
            } else {
                if (!slot.is_array()) {
                    slot = nlohmann::json::array({slot});
                }
                slot.push_back(value);
            }
        }
        echo["query"] = std::move(query);
        nlohmann::json headers = nlohmann::json::object();
        for (const HeaderField& field : request.headers) {
            nlohmann::json& slot = headers[HttpText::toLower(field.name)];
            slot = slot.is_null() ? field.value : slot.get<std::string>() + ", " + field.value;
        }
        redactHeaders(headers, m_redacted);
        echo["headers"] = std::move(headers);
        if (!request.body.empty()) {
            const std::optional<std::string_view> type = request.header("Content-Type");
            nlohmann::json body;
            if (type && HttpText::isJsonMediaType(*type) &&
                !HttpText::jsonNestsDeeperThan(request.body, m_maxJsonDepth)) {
                body = nlohmann::json::parse(request.body, nullptr, false);
            }
            echo["body"] = body.is_discarded() || body.is_null() ? nlohmann::json(request.body) : std::move(body);
        }
    }
    StageAnswer answer;
    answer.status = 200;
    answer.headers.push_back({"Content-Type", std::string(DetailAnswer::kJsonContentType)});
    answer.json = std::move(echo);
    ctx.answer = std::move(answer);
    ctx.addTrace("handler", "answer", compiled.reason, compiled.where);
}

} // namespace pc
