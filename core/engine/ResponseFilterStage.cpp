// SPDX-License-Identifier: Apache-2.0
#include "engine/ResponseFilterStage.h"

#include "common/JsonPointer.h"
#include "engine/DetailAnswer.h"
#include "engine/HttpText.h"

#include <algorithm>

namespace pc {
namespace {

constexpr const char* kAllAllowed = "Every field of the body is allowed by response.allow_fields.";
constexpr const char* kNotContainer = "The JSON body is neither an object nor an array, so it has no fields to drop.";

HeaderField* findHeader(std::vector<HeaderField>& headers, std::string_view name)
{
    const auto it = std::find_if(headers.begin(), headers.end(),
                                 [&](const HeaderField& h) { return HttpText::iequals(h.name, name); });
    return it == headers.end() ? nullptr : &*it;
}

} // namespace

Result<std::unique_ptr<ResponseFilterStage>> ResponseFilterStage::compile(const Policy& policy,
                                                                          const CompileOptions& /*options*/)
{
    Errors errors;
    std::unique_ptr<ResponseFilterStage> stage(new ResponseFilterStage());
    for (size_t i = 0; i < policy.routes.size(); ++i) {
        RouteFilter route;
        route.where = JsonPointer::join("/routes", i) + "/response/allow_fields";
        const std::vector<std::string>& fields = policy.routes[i].response.allowFields;
        if (!fields.empty()) {
            Result<FieldFilter> filter = FieldFilter::compile(fields, route.where);
            if (!filter) {
                const Errors& more = filter.errors();
                errors.insert(errors.end(), more.begin(), more.end());
            } else {
                route.filter = std::move(filter).value();
                const Route& r = policy.routes[i];
                const auto contentType =
                    std::find_if(r.mock.headers.begin(), r.mock.headers.end(),
                                 [](const HeaderField& h) { return HttpText::iequals(h.name, "Content-Type"); });
                const bool json = contentType == r.mock.headers.end() || HttpText::isJsonMediaType(contentType->value);
                if (r.handler == RouteHandler::Mock && !r.mock.body.is_null() && json) {
                    // The same rendering as HandlerStage; should they ever differ, the cache simply misses.
                    route.mockInput = r.mock.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
                    route.mockResult = filterText(*route.filter, route.mockInput);
                }
            }
        }
        stage->m_routes.push_back(std::move(route));
    }
    if (!errors.empty()) {
        return errors;
    }
    return stage;
}

void ResponseFilterStage::skip(RequestContext& ctx, std::string reason, const std::string& where)
{
    ctx.addTrace("response", "skip", std::move(reason), where);
}

std::string ResponseFilterStage::droppedReason(const std::vector<std::string>& dropped)
{
    std::string names;
    for (const std::string& name : dropped) {
        names += (names.empty() ? "" : ", ") + name;
    }
    if (dropped.size() == FieldFilter::kMaxReported) {
        names += " and possibly more";
    }
    return "Dropped the fields not in response.allow_fields: " + names + ".";
}

ResponseFilterStage::TextResult ResponseFilterStage::filterText(const FieldFilter& filter, const std::string& body)
{
    TextResult result;
    if (HttpText::jsonNestsDeeperThan(body, kMaxFilterDepth)) {
        result.kind = TextResult::Kind::TooDeep;
        return result;
    }
    nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
    if (parsed.is_discarded()) {
        result.kind = TextResult::Kind::NotJson;
        return result;
    }
    std::vector<std::string> dropped;
    if (!filter.apply(parsed, dropped)) {
        result.kind = TextResult::Kind::NotContainer;
        return result;
    }
    if (dropped.empty()) {
        result.kind = TextResult::Kind::AllAllowed;
        result.reason = kAllAllowed;
        return result;
    }
    result.kind = TextResult::Kind::Filtered;
    result.body = parsed.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    result.reason = droppedReason(dropped);
    return result;
}

void ResponseFilterStage::run(RequestContext& ctx) const
{
    if (!ctx.answer) {
        return;
    }
    if (ctx.routeIndex < 0 || static_cast<size_t>(ctx.routeIndex) >= m_routes.size()) {
        skip(ctx, "No route was matched, so no response filter applies.", std::string());
        return;
    }
    const RouteFilter& route = m_routes[static_cast<size_t>(ctx.routeIndex)];
    if (!route.filter) {
        skip(ctx, "The route has no response.allow_fields, so the body leaves as it is.", std::string());
        return;
    }
    StageAnswer& answer = *ctx.answer;
    if (answer.status < 200 || answer.status > 299) {
        skip(ctx,
             "Only successful answers are filtered; this " + std::to_string(answer.status) +
                 " answer passes unchanged.",
             route.where);
        return;
    }
    if (answer.json) { // echo: filter the value before it is serialised
        std::vector<std::string> dropped;
        if (!route.filter->apply(*answer.json, dropped)) {
            skip(ctx, kNotContainer, route.where);
        } else if (dropped.empty()) {
            ctx.addTrace("response", "pass", kAllAllowed, route.where);
        } else {
            ctx.addTrace("response", "filter", droppedReason(dropped), route.where);
        }
        return;
    }
    if (answer.body.empty()) {
        skip(ctx, "The answer has no body.", route.where);
        return;
    }
    const HeaderField* type = findHeader(answer.headers, "Content-Type");
    if (!type || !HttpText::isJsonMediaType(type->value)) {
        skip(ctx,
             std::string("The body is not JSON (") +
                 (type ? "Content-Type: " + HttpText::excerpt(type->value, 60) : std::string("no Content-Type")) +
                 "), so it passes untouched.",
             route.where);
        return;
    }
    const bool cached = route.mockResult && answer.body == route.mockInput;
    TextResult computed;
    if (!cached) {
        computed = filterText(*route.filter, answer.body);
    }
    const TextResult& result = cached ? *route.mockResult : computed;
    switch (result.kind) {
    case TextResult::Kind::NotJson:
        skip(ctx, "The body says it is JSON but does not parse, so it passes untouched.", route.where);
        return;
    case TextResult::Kind::NotContainer:
        skip(ctx, kNotContainer, route.where);
        return;
    case TextResult::Kind::TooDeep:
        // Fail closed: a body that cannot be filtered must not leave unfiltered.
        ctx.answer = DetailAnswer::make(502, "Bad Gateway");
        ctx.forward = false; // the engine wrote this body
        ctx.addTrace("response", "deny",
                     "The JSON body nests deeper than " + std::to_string(kMaxFilterDepth) +
                         " levels, so it cannot be filtered; it is replaced by a 502 rather than leaving unfiltered.",
                     route.where);
        return;
    case TextResult::Kind::AllAllowed:
        ctx.addTrace("response", "pass", result.reason, route.where);
        return;
    case TextResult::Kind::Filtered:
        break;
    }
    if (cached) {
        answer.body.assign(result.body); // shorter than the mock's body: reuses its buffer
    } else {
        answer.body = std::move(computed.body);
    }
    if (ctx.forward) {
        // The upstream's framing described the old body.
        if (HeaderField* length = findHeader(answer.headers, "Content-Length")) {
            length->value = std::to_string(answer.body.size());
        }
        std::erase_if(answer.headers,
                      [](const HeaderField& h) { return HttpText::iequals(h.name, "Transfer-Encoding"); });
    }
    ctx.addTrace("response", "filter", cached ? result.reason : std::move(computed.reason), route.where);
}

} // namespace pc
