// SPDX-License-Identifier: Apache-2.0
// Mirrors fastapi/routing.py (body decoding before anything is validated) and
// fastapi/dependencies/utils.py (request_params_to_args: path, query, header,
// then the body; one error list in that order).
#include "engine/ValidationStage.h"

#include "common/JsonPointer.h"
#include "common/Utf8.h"
#include "engine/PythonJsonParser.h"
#include "engine/QueryString.h"

#include <algorithm>

namespace pc {
namespace {

constexpr std::string_view kBodyParseError = R"({"detail":"There was an error parsing the body"})";

std::vector<std::string> templateParameters(std::string_view path)
{
    std::vector<std::string> names;
    std::size_t pos = 0;
    while ((pos = path.find('{', pos)) != std::string_view::npos) {
        const std::size_t close = path.find('}', pos);
        if (close == std::string_view::npos) {
            break;
        }
        const std::string_view inner = path.substr(pos + 1, close - pos - 1);
        names.emplace_back(inner.substr(0, inner.find(':')));
        pos = close + 1;
    }
    return names;
}

std::string headerAlias(const std::string& field)
{
    std::string alias = field;
    std::replace(alias.begin(), alias.end(), '_', '-');
    return alias;
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out) {
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

// FastAPI parses JSON when there is no Content-Type, or for application/json and application/*+json.
bool isJsonContentType(std::optional<std::string_view> header)
{
    if (!header || header->find_first_not_of(" \t") == std::string_view::npos) {
        return true;
    }
    std::string type = lower(header->substr(0, header->find(';')));
    type.erase(0, type.find_first_not_of(" \t"));
    type.erase(type.find_last_not_of(" \t") + 1);
    if (type.rfind("application/", 0) != 0) {
        return false;
    }
    const std::string_view sub = std::string_view(type).substr(12);
    return sub == "json" || (sub.size() > 5 && sub.substr(sub.size() - 5) == "+json");
}

Status checkParameterFields(const CompiledSchema& schema, std::string_view location, bool arraysAllowed)
{
    Errors errors;
    for (const CompiledField& f : schema.fields) {
        const bool scalar = f.type != FieldType::Array && f.type != FieldType::Object;
        const bool arrayOfScalars =
            f.type == FieldType::Array &&
            (!f.items || (f.items->type != FieldType::Array && f.items->type != FieldType::Object));
        if (scalar || (arraysAllowed && arrayOfScalars)) {
            continue;
        }
        errors.push_back(makeError("unsupported-parameter-type",
                                   std::string(location) + " values are strings: the field \"" + f.name +
                                       "\" cannot be read from them as " +
                                       (f.type == FieldType::Object ? "an object" : "this kind of array") + ".",
                                   f.pointer + "/type",
                                   arraysAllowed ? "Use scalar fields or arrays of scalars (repeated keys), or move "
                                                   "the field into the body schema."
                                                 : "Path parameters are single values; move the field into the body "
                                                   "schema."));
    }
    if (!errors.empty()) {
        return errors;
    }
    return Ok{};
}

void appendIssues(std::vector<ValidationIssue>& all, SchemaValidator::Outcome outcome)
{
    std::move(outcome.issues.begin(), outcome.issues.end(), std::back_inserter(all));
}

} // namespace

Result<std::unique_ptr<ValidationStage>> ValidationStage::compile(const Policy& policy,
                                                                  const CompileOptions& /*options*/)
{
    auto validator = SchemaValidator::compile(policy.schemas);
    if (!validator) {
        return std::move(validator).takeErrors();
    }
    std::unique_ptr<ValidationStage> stage(new ValidationStage(std::move(validator).value()));
    stage->m_maxJsonDepth = policy.limits.maxJsonDepth;
    Errors errors;
    if (policy.limits.maxJsonDepth < 1) {
        errors.push_back(makeError("bad-limit", "max_json_depth must be at least 1.", "/limits/max_json_depth",
                                   "32 suits most APIs."));
    }
    const CompiledSchemaSet& set = stage->m_validator.compiled();
    for (std::size_t i = 0; i < policy.routes.size(); ++i) {
        const Route& route = policy.routes[i];
        RouteSchemas rs;
        rs.pointer = JsonPointer::join("/routes", i) + "/request";
        rs.body = route.request.body;
        rs.query = route.request.query;
        rs.path = route.request.pathParams;
        rs.headers = route.request.headers;
        rs.maxBodyBytes = route.request.maxBodyBytes.value_or(policy.limits.maxBodyBytes).bytes();
        const std::pair<const std::string*, std::string_view> refs[] = {
            {&rs.body, "body"}, {&rs.query, "query"}, {&rs.path, "path_params"}, {&rs.headers, "headers"}};
        for (const auto& [name, key] : refs) {
            if (name->empty()) {
                continue;
            }
            const CompiledSchema* schema = set.find(*name);
            const std::string at = rs.pointer + "/" + std::string(key);
            if (schema == nullptr) {
                errors.push_back(makeError("unknown-schema",
                                           "Route \"" + route.id + "\" validates its " + std::string(key) +
                                               " with the schema \"" + *name + "\", which the policy does not define.",
                                           at, "Define the schema under \"schemas\" or fix the name."));
                continue;
            }
            if (key == "body") {
                continue;
            }
            const std::string_view location = key == "query" ? "Query" : (key == "headers" ? "Header" : "Path");
            if (auto st = checkParameterFields(*schema, location, key != "path_params"); !st) {
                for (const Error& e : st.errors()) {
                    errors.push_back(e);
                }
            }
            if (key == "path_params") {
                const auto params = templateParameters(route.path);
                for (const CompiledField& f : schema->fields) {
                    if (f.required && std::find(params.begin(), params.end(), f.name) == params.end()) {
                        errors.push_back(makeError("unknown-path-parameter",
                                                   "The path schema \"" + schema->name + "\" requires \"" + f.name +
                                                       "\", but the path " + route.path + " of route \"" + route.id +
                                                       "\" has no such parameter.",
                                                   at, "Add {" + f.name + "} to the path or make the field optional."));
                    }
                }
            }
        }
        stage->m_routes.push_back(std::move(rs));
    }
    if (!errors.empty()) {
        return errors;
    }
    return stage;
}

void ValidationStage::run(RequestContext& ctx) const
{
    if (ctx.route == nullptr || ctx.routeIndex < 0 || static_cast<std::size_t>(ctx.routeIndex) >= m_routes.size()) {
        ctx.addTrace("validation", "skip", "No route was matched, so there is nothing to validate.");
        return;
    }
    const RouteSchemas& rs = m_routes[static_cast<std::size_t>(ctx.routeIndex)];
    if (rs.body.empty() && rs.query.empty() && rs.path.empty() && rs.headers.empty()) {
        ctx.addTrace("validation", "skip", "The route declares no request schemas.", rs.pointer);
        return;
    }
    const HttpRequest& request = ctx.request;

    // FastAPI decodes the body before it validates anything; a body it cannot
    // decode ends the request with that single error.
    PythonJsonParser::Outcome parsed;
    JsonDocument rawBody;
    JsonRef body;
    if (!rs.body.empty() && !request.body.empty()) {
        if (isJsonContentType(request.header("Content-Type"))) {
            PythonJsonParser::Options options;
            options.maxDepth = m_maxJsonDepth;
            options.maxBytes = rs.maxBodyBytes;
            parsed = PythonJsonParser::parse(request.body, options);
            if (parsed.failure == PythonJsonParser::Failure::Syntax ||
                parsed.failure == PythonJsonParser::Failure::TooDeep) {
                const ValidationIssue issue = SchemaValidator::jsonInvalid({"body"}, parsed.position, parsed.message);
                ctx.answer = StageAnswer{
                    422, {{"Content-Type", "application/json"}}, ValidationIssue::detailBody({issue}), std::nullopt};
                ctx.addTrace("validation", "deny",
                             "The JSON body is malformed at character " + std::to_string(parsed.position) + ": " +
                                 parsed.message + ".",
                             rs.pointer + "/body");
                return;
            }
            if (!parsed.ok()) {
                ctx.answer = StageAnswer{
                    400, {{"Content-Type", "application/json"}}, std::string(kBodyParseError), std::nullopt};
                ctx.addTrace("validation", "deny", "The body cannot be decoded: " + parsed.message + ".",
                             rs.pointer + "/body");
                return;
            }
            body = parsed.document.root();
            if (body.isNull()) {
                body = JsonRef(); // a JSON null body is a missing body to FastAPI
            }
        } else {
            rawBody.addString(Utf8::decodeLossy(request.body)); // FastAPI passes the raw bytes on
            body = rawBody.root();
        }
    }

    const SchemaValidator::Dialect dialect = SchemaValidator::Dialect::FastApi;
    std::vector<ValidationIssue> issues;
    nlohmann::json validated = nlohmann::json::object();
    std::string passed;
    auto record = [&](std::string_view key, const std::string& schema, SchemaValidator::Outcome outcome) {
        if (outcome.ok()) {
            validated[std::string(key)] = std::move(outcome.value);
            passed += (passed.empty() ? "" : ", ") + std::string(key) + " (" + schema + ")";
        } else {
            appendIssues(issues, std::move(outcome));
        }
    };

    if (!rs.path.empty()) {
        JsonDocument doc;
        std::vector<std::uint32_t> members;
        for (const auto& [name, value] : ctx.pathParams) {
            members.push_back(doc.addString(name));
            members.push_back(doc.addString(value)); // invalid UTF-8 is a string_unicode error
        }
        doc.makeObject(members);
        SchemaValidator::Options options{dialect, {"path"}, true, false, m_maxJsonDepth};
        record("path", rs.path, m_validator.validate(rs.path, doc.root(), options));
    }
    if (!rs.query.empty()) {
        const CompiledSchema& schema = *m_validator.compiled().find(rs.query);
        const QueryString::Pairs pairs = QueryString::parse(request.query());
        JsonDocument doc;
        std::vector<std::uint32_t> members;
        for (const CompiledField& f : schema.fields) {
            std::vector<std::uint32_t> values;
            for (const auto& [key, value] : pairs) {
                if (key == f.name) {
                    values.push_back(doc.addString(value));
                }
            }
            if (values.empty()) {
                continue; // absent, and an empty list counts as absent too
            }
            const std::uint32_t key = doc.addString(f.name);
            const std::uint32_t value = f.type == FieldType::Array ? doc.makeArray(values) : values.back();
            members.push_back(key);
            members.push_back(value);
        }
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            const std::string& key = pairs[i].first;
            const bool declared = schema.byName.count(key) != 0;
            const bool seenBefore = std::any_of(pairs.begin(), pairs.begin() + static_cast<std::ptrdiff_t>(i),
                                                [&](const auto& p) { return p.first == key; });
            if (declared || seenBefore) {
                continue;
            }
            const auto last = std::find_if(pairs.rbegin(), pairs.rend(), [&](const auto& p) { return p.first == key; });
            members.push_back(doc.addString(key));
            members.push_back(doc.addString(last->second));
        }
        doc.makeObject(members);
        SchemaValidator::Options options{dialect, {"query"}, true, false, m_maxJsonDepth};
        record("query", rs.query, m_validator.validate(rs.query, doc.root(), options));
    }
    if (!rs.headers.empty()) {
        const CompiledSchema& schema = *m_validator.compiled().find(rs.headers);
        JsonDocument doc;
        std::vector<std::uint32_t> members;
        std::vector<bool> used(request.headers.size(), false);
        for (const CompiledField& f : schema.fields) {
            const std::string alias = headerAlias(f.name);
            std::vector<std::uint32_t> values;
            for (std::size_t i = 0; i < request.headers.size(); ++i) {
                if (equalsIgnoreCase(request.headers[i].name, alias)) {
                    used[i] = true;
                    values.push_back(doc.addString(Utf8::fromLatin1(request.headers[i].value)));
                }
            }
            if (values.empty()) {
                continue;
            }
            const std::uint32_t key = doc.addString(f.name);
            const std::uint32_t value = f.type == FieldType::Array ? doc.makeArray(values) : values.front();
            members.push_back(key);
            members.push_back(value);
        }
        std::vector<std::string> extraNames;
        for (std::size_t i = 0; i < request.headers.size(); ++i) {
            const std::string name = lower(request.headers[i].name);
            if (used[i] || std::find(extraNames.begin(), extraNames.end(), name) != extraNames.end()) {
                continue;
            }
            extraNames.push_back(name);
            members.push_back(doc.addString(name));
            members.push_back(doc.addString(Utf8::fromLatin1(request.headers[i].value)));
        }
        doc.makeObject(members);
        SchemaValidator::Options options{dialect, {"header"}, true, true, m_maxJsonDepth};
        record("headers", rs.headers, m_validator.validate(rs.headers, doc.root(), options));
    }
    if (!rs.body.empty()) {
        if (!body.valid()) {
            ValidationIssue missing;
            missing.type = "missing";
            missing.loc = {"body"};
            missing.msg = "Field required";
            missing.where = rs.pointer + "/body";
            issues.push_back(std::move(missing));
        } else {
            SchemaValidator::Options options{dialect, {"body"}, false, false, m_maxJsonDepth};
            record("body", rs.body, m_validator.validate(rs.body, body, options));
        }
    }

    if (issues.empty()) {
        ctx.validated = std::move(validated);
        ctx.addTrace("validation", "pass", "Validated " + passed + ".", rs.pointer);
        return;
    }
    std::string reason = std::to_string(issues.size()) + " validation error" + (issues.size() == 1 ? "" : "s") + ": ";
    for (std::size_t i = 0; i < issues.size() && i < 5; ++i) {
        reason += (i > 0 ? "; " : "") + issues[i].dottedLoc() + " " + issues[i].type;
    }
    reason += issues.size() > 5 ? "; …" : ".";
    ctx.addTrace("validation", "deny", reason, issues.front().where.empty() ? rs.pointer : issues.front().where);
    ctx.answer =
        StageAnswer{422, {{"Content-Type", "application/json"}}, ValidationIssue::detailBody(issues), std::nullopt};
}

} // namespace pc
