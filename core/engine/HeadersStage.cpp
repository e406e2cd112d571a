// SPDX-License-Identifier: Apache-2.0
#include "engine/HeadersStage.h"

#include "common/JsonPointer.h"
#include "engine/HttpText.h"

#include <algorithm>
#include <array>

namespace pc {
namespace {

// Framing and connection headers belong to the server, never to the policy.
constexpr std::array<std::string_view, 8> kFraming{
    "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade", "TE", "Trailer", "Host"};

bool isCorsHeader(std::string_view name)
{
    constexpr std::string_view prefix = "Access-Control-";
    return name.size() > prefix.size() && HttpText::iequals(name.substr(0, prefix.size()), prefix);
}

bool containsToken(std::string_view list, std::string_view token)
{
    while (!list.empty()) {
        const size_t comma = list.find(',');
        if (HttpText::iequals(HttpText::trim(list.substr(0, comma)), token)) {
            return true;
        }
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
    return false;
}

template <class Field> bool mergeField(std::vector<HeaderField>& headers, Field&& field)
{
    const auto existing = std::find_if(headers.begin(), headers.end(),
                                       [&](const HeaderField& h) { return HttpText::iequals(h.name, field.name); });
    if (existing == headers.end()) {
        headers.push_back(std::forward<Field>(field));
        return false;
    }
    if (HttpText::iequals(field.name, "Vary")) {
        std::string_view tokens = field.value;
        while (!tokens.empty()) {
            const size_t comma = tokens.find(',');
            const std::string_view token = HttpText::trim(tokens.substr(0, comma));
            tokens = comma == std::string_view::npos ? std::string_view() : tokens.substr(comma + 1);
            if (!token.empty() && !containsToken(existing->value, token)) {
                existing->value += existing->value.empty() ? "" : ", ";
                existing->value += token;
            }
        }
        return false;
    }
    headers.erase(existing);
    headers.push_back(std::forward<Field>(field));
    return true;
}

} // namespace

Result<std::unique_ptr<HeadersStage>> HeadersStage::compile(const Policy& policy, const CompileOptions& /*options*/)
{
    Errors errors;
    const HeaderPolicy& headers = policy.headers;
    std::unique_ptr<HeadersStage> stage(new HeadersStage());
    stage->m_hasCors = policy.cors.has_value();

    std::vector<std::string> where;
    for (const HeaderField& h : headers.set) {
        where.push_back(JsonPointer::join("/headers/set", h.name));
    }
    if (headers.csp) {
        where.emplace_back("/headers/csp");
        const Errors more = headers.csp->validate("/headers/csp");
        errors.insert(errors.end(), more.begin(), more.end());
    }
    if (headers.hsts) {
        where.emplace_back("/headers/hsts");
    }
    if (headers.permissionsPolicy) {
        where.emplace_back("/headers/permissions_policy");
        const Errors more = headers.permissionsPolicy->validate("/headers/permissions_policy");
        errors.insert(errors.end(), more.begin(), more.end());
    }
    const std::vector<HeaderField> rendered = headers.rendered();
    for (size_t i = 0; i < rendered.size(); ++i) {
        const HeaderField& h = rendered[i];
        if (!HttpText::isToken(h.name) || !HttpText::isSafeFieldValue(h.value)) {
            errors.push_back(makeError(
                "bad-header", "The header \"" + h.name + "\" has an invalid name or a line break in its value.",
                where[i], "use a token for the name and keep the value on one line"));
            continue;
        }
        if (std::any_of(kFraming.begin(), kFraming.end(),
                        [&](std::string_view f) { return HttpText::iequals(f, h.name); })) {
            errors.push_back(makeError("header-not-settable",
                                       h.name + " describes the connection or the body framing; the server sets it.",
                                       where[i], "remove it from headers.set"));
            continue;
        }
        if (isCorsHeader(h.name)) {
            errors.push_back(makeError("header-owned-by-cors",
                                       h.name + " is a CORS header; setting it on every response would bypass the "
                                                "origin checks and can duplicate Access-Control-Allow-Origin.",
                                       where[i], "configure CORS in the cors section"));
            continue;
        }
        const auto earlier = std::find_if(stage->m_set.begin(), stage->m_set.end(),
                                          [&](const HeaderField& s) { return HttpText::iequals(s.name, h.name); });
        if (earlier != stage->m_set.end()) {
            errors.push_back(makeError("header-set-twice", h.name + " is set twice.", where[i],
                                       "keep one definition (the structured csp/hsts/permissions_policy sections "
                                       "render their own header)"));
            continue;
        }
        stage->m_set.push_back(h);
        stage->m_setWhere.push_back(where[i]);
    }
    for (size_t i = 0; i < headers.remove.size(); ++i) {
        const std::string& name = headers.remove[i];
        const std::string pointer = JsonPointer::join("/headers/remove", i);
        if (!HttpText::isToken(name)) {
            errors.push_back(makeError("bad-header", "\"" + name + "\" is not a header name.", pointer,
                                       "write a header name such as \"X-Powered-By\""));
            continue;
        }
        if (std::any_of(stage->m_set.begin(), stage->m_set.end(),
                        [&](const HeaderField& s) { return HttpText::iequals(s.name, name); })) {
            errors.push_back(makeError("header-set-and-removed", name + " is both set and removed.", pointer,
                                       "keep it in one of the two lists"));
            continue;
        }
        stage->m_remove.push_back(name);
    }
    if (!errors.empty()) {
        return errors;
    }
    if (stage->m_set.empty()) {
        stage->m_summary = "The policy sets no response headers.";
    } else {
        std::string names;
        for (const HeaderField& h : stage->m_set) {
            names += (names.empty() ? "" : ", ") + h.name;
        }
        stage->m_summary = "Set the policy's headers on the response: " + names + ".";
    }
    return stage;
}

int HeadersStage::removedIndex(std::string_view name) const
{
    for (size_t i = 0; i < m_remove.size(); ++i) {
        if (HttpText::iequals(m_remove[i], name)) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

bool HeadersStage::merge(std::vector<HeaderField>& headers, const HeaderField& field)
{
    return mergeField(headers, field);
}

bool HeadersStage::merge(std::vector<HeaderField>& headers, HeaderField&& field)
{
    return mergeField(headers, std::move(field));
}

void HeadersStage::run(RequestContext& ctx) const
{
    if (!ctx.answer) {
        return;
    }
    StageAnswer& answer = *ctx.answer;
    const bool engineBody = !ctx.forward;
    if (answer.json && answer.body.empty()) {
        answer.body = answer.json->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    const bool noContent = HttpText::statusHasNoContent(answer.status);
    if (noContent) {
        answer.body.clear();
    }

    // The answer's own headers are filtered in place; the others are appended to them.
    std::vector<HeaderField>& out = answer.headers;
    std::vector<TraceStep> notes;
    bool hasContentType = false;
    size_t kept = 0;
    for (size_t i = 0; i < out.size(); ++i) {
        HeaderField& h = out[i];
        if (const int removed = removedIndex(h.name); removed >= 0) {
            notes.push_back(
                {"headers", "set",
                 "Removed " + h.name + " from the " + (engineBody ? "handler's" : "upstream's") + " answer.",
                 JsonPointer::join("/headers/remove", static_cast<size_t>(removed))});
            continue;
        }
        if (m_hasCors && isCorsHeader(h.name)) {
            notes.push_back({"headers", "set",
                             "Dropped the " + std::string(engineBody ? "handler's " : "upstream's ") + h.name +
                                 ": the cors section is the only CORS layer, so there is never a second "
                                 "Access-Control-Allow-Origin.",
                             "/cors"});
            continue;
        }
        if (engineBody && HttpText::iequals(h.name, "Content-Length")) {
            continue;
        }
        for (size_t j = 0; j < m_set.size(); ++j) {
            if (HttpText::iequals(m_set[j].name, h.name) && !HttpText::iequals(h.name, "Vary")) {
                notes.push_back({"headers", "set",
                                 "The policy's " + m_set[j].name + " replaces the one the " +
                                     (engineBody ? "handler" : "upstream") + " sent.",
                                 m_setWhere[j]});
            }
        }
        hasContentType = hasContentType || HttpText::iequals(h.name, "Content-Type");
        if (kept != i) {
            out[kept] = std::move(h);
        }
        ++kept;
    }
    out.erase(out.begin() + static_cast<std::ptrdiff_t>(kept), out.end());
    out.reserve(kept + ctx.responseHeaders.size() + m_set.size() + 2);
    if (engineBody && !noContent) {
        if (!answer.body.empty() && !hasContentType) {
            out.push_back({"Content-Type", answer.json ? "application/json" : "text/plain; charset=utf-8"});
        }
        out.push_back({"Content-Length", std::to_string(answer.body.size())});
    }
    for (HeaderField& h : ctx.responseHeaders) {
        merge(out, std::move(h));
    }
    ctx.responseHeaders.clear();
    for (const HeaderField& h : m_set) {
        merge(out, h);
    }
    if (engineBody && ctx.request.method == "HEAD") {
        answer.body.clear(); // Content-Length stays that of the GET answer (RFC 9110 §9.3.2)
    }
    ctx.addTrace("headers", m_set.empty() ? TraceName("skip") : TraceName("set"), m_summary,
                 m_set.empty() ? "/headers" : "/headers/set");
    for (TraceStep& note : notes) {
        ctx.trace.push_back(std::move(note));
    }
}

} // namespace pc
