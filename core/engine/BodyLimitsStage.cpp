// SPDX-License-Identifier: Apache-2.0
#include "engine/BodyLimitsStage.h"

#include "common/JsonPointer.h"
#include "engine/DetailAnswer.h"
#include "engine/HttpText.h"

#include <algorithm>

namespace pc {
namespace {

void compileContentTypes(const std::vector<std::string>& types, const std::string& where, std::vector<std::string>& out,
                         std::string& text, Errors& errors)
{
    for (size_t i = 0; i < types.size(); ++i) {
        const std::string& type = types[i];
        if (type.find(';') != std::string::npos) {
            errors.push_back(makeError("bad-content-type",
                                       "\"" + type +
                                           "\" has parameters; content types are matched on the media "
                                           "type alone, so parameters have no effect.",
                                       JsonPointer::join(where, i),
                                       "write the media type without parameters, e.g. \"application/json\""));
            continue;
        }
        if (!HttpText::isMediaRange(type)) {
            errors.push_back(makeError("bad-content-type", "\"" + type + "\" is not a media type.",
                                       JsonPointer::join(where, i),
                                       "write type/subtype such as \"application/json\", or \"text/*\""));
            continue;
        }
        out.push_back(HttpText::toLower(type));
        if (!text.empty()) {
            text += ", ";
        }
        text += out.back();
    }
}

} // namespace

Result<std::unique_ptr<BodyLimitsStage>> BodyLimitsStage::compile(const Policy& policy,
                                                                  const CompileOptions& /*options*/)
{
    Errors errors;
    std::unique_ptr<BodyLimitsStage> stage(new BodyLimitsStage());
    Rules& defaults = stage->m_defaults;
    defaults.maxBodyBytes = policy.limits.maxBodyBytes.bytes();
    defaults.maxBodyWhere = "/limits/max_body_bytes";
    defaults.contentTypesWhere = "/limits/content_types";
    compileContentTypes(policy.limits.contentTypes, defaults.contentTypesWhere, defaults.contentTypes,
                        defaults.contentTypesText, errors);

    for (size_t i = 0; i < policy.routes.size(); ++i) {
        const RouteRequest& request = policy.routes[i].request;
        const std::string base = JsonPointer::join("/routes", i) + "/request";
        Rules rules = defaults;
        if (request.maxBodyBytes) {
            rules.maxBodyBytes = request.maxBodyBytes->bytes();
            rules.maxBodyWhere = base + "/max_body_bytes";
        }
        if (!request.contentTypes.empty()) {
            rules.contentTypes.clear();
            rules.contentTypesText.clear();
            rules.contentTypesWhere = base + "/content_types";
            compileContentTypes(request.contentTypes, rules.contentTypesWhere, rules.contentTypes,
                                rules.contentTypesText, errors);
        }
        stage->m_routes.push_back(std::move(rules));
    }
    if (!errors.empty()) {
        return errors;
    }
    return stage;
}

const BodyLimitsStage::Rules& BodyLimitsStage::rulesFor(const RequestContext& ctx) const
{
    if (ctx.routeIndex >= 0 && static_cast<size_t>(ctx.routeIndex) < m_routes.size()) {
        return m_routes[static_cast<size_t>(ctx.routeIndex)];
    }
    return m_defaults;
}

void BodyLimitsStage::run(RequestContext& ctx) const
{
    const HttpRequest& request = ctx.request;
    if (ctx.preflight) {
        ctx.addTrace("limits", "skip", "A CORS preflight carries no body; body limits do not apply.");
        return;
    }
    const Rules& rules = rulesFor(ctx);
    const std::optional<std::string_view> lengthHeader = request.header("Content-Length");
    const std::optional<std::uint64_t> declared =
        lengthHeader ? HttpText::parseDecimal(HttpText::trim(*lengthHeader)) : std::nullopt;
    if (request.body.size() > rules.maxBodyBytes || (declared && *declared > rules.maxBodyBytes)) {
        const std::uint64_t size = std::max<std::uint64_t>(request.body.size(), declared.value_or(0));
        ctx.answer = DetailAnswer::make(413, "Content Too Large");
        ctx.addTrace("limits", "deny",
                     "The request body is " + std::to_string(size) + " bytes, more than the " +
                         std::to_string(rules.maxBodyBytes) + " bytes allowed here, so it is refused with 413.",
                     rules.maxBodyWhere);
        return;
    }
    if (request.body.empty()) {
        ctx.addTrace("limits", "pass", "No body.", "/limits"); // short: this runs for every GET
        return;
    }
    if (!rules.contentTypes.empty()) {
        const std::optional<std::string_view> contentType = request.header("Content-Type");
        const std::string_view type = contentType ? HttpText::mediaType(*contentType) : std::string_view();
        bool accepted = false;
        for (const std::string& range : rules.contentTypes) {
            if (!type.empty() && HttpText::mediaTypeMatches(type, range)) {
                accepted = true;
                break;
            }
        }
        if (!accepted) {
            ctx.answer = DetailAnswer::make(415, "Unsupported Media Type");
            const std::string got =
                contentType ? "Content-Type \"" + HttpText::excerpt(type, 80) + "\"" : std::string("no Content-Type");
            ctx.addTrace("limits", "deny",
                         "The body comes with " + got + ", which is not one of the accepted types (" +
                             rules.contentTypesText + "), so the request is refused with 415.",
                         rules.contentTypesWhere);
            return;
        }
    }
    ctx.addTrace("limits", "pass",
                 "The body (" + std::to_string(request.body.size()) +
                     " bytes) is within the size limit and of an accepted content type.",
                 rules.maxBodyWhere);
}

} // namespace pc
