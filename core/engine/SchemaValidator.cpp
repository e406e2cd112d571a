// SPDX-License-Identifier: Apache-2.0
#include "engine/SchemaValidator.h"

#include "engine/PythonJsonParser.h"
#include "engine/SchemaCompiler.h"
#include "engine/ValidationRun.h"

namespace pc {
namespace {

SchemaValidator::Outcome unknown(std::string_view what, std::string_view name, const nlohmann::json& loc)
{
    SchemaValidator::Outcome outcome;
    ValidationIssue issue;
    issue.type = "unknown_schema";
    issue.loc = loc;
    issue.msg = "The policy defines no " + std::string(what) + " named \"" + std::string(name) + "\"";
    outcome.issues.push_back(std::move(issue));
    return outcome;
}

SchemaValidator::Outcome finish(std::vector<ValidationIssue> issues, nlohmann::json value)
{
    SchemaValidator::Outcome outcome;
    outcome.issues = std::move(issues);
    if (outcome.issues.empty()) {
        outcome.value = std::move(value);
    }
    return outcome;
}

} // namespace

Result<SchemaValidator> SchemaValidator::compile(const std::vector<Schema>& schemas)
{
    auto set = SchemaCompiler::compile(schemas);
    if (!set) {
        return std::move(set).takeErrors();
    }
    return SchemaValidator(std::move(set).value());
}

ValidationIssue SchemaValidator::jsonInvalid(const nlohmann::json& locPrefix, std::size_t position,
                                             const std::string& error)
{
    ValidationIssue issue;
    issue.type = "json_invalid";
    issue.loc = locPrefix;
    issue.loc.push_back(position);
    issue.msg = "JSON decode error";
    issue.input = "{}";
    issue.ctx = {{"error", error}};
    return issue;
}

SchemaValidator::Outcome SchemaValidator::validate(std::string_view schemaName, JsonRef input,
                                                   const Options& options) const
{
    const CompiledSchema* schema = m_set->find(schemaName);
    if (schema == nullptr) {
        return unknown("schema", schemaName, options.locPrefix);
    }
    std::vector<ValidationIssue> issues;
    nlohmann::json value;
    ValidationRun run(*m_set, options, issues);
    run.schema(*schema, input, value);
    return finish(std::move(issues), std::move(value));
}

SchemaValidator::Outcome SchemaValidator::validateJson(std::string_view schemaName, std::string_view json,
                                                       const Options& options) const
{
    PythonJsonParser::Options parse;
    parse.maxDepth = options.maxJsonDepth;
    const auto parsed = PythonJsonParser::parse(json, parse);
    if (!parsed.ok()) {
        Outcome outcome;
        outcome.issues.push_back(jsonInvalid(options.locPrefix, parsed.position, parsed.message));
        return outcome;
    }
    return validate(schemaName, parsed.document.root(), options);
}

SchemaValidator::Outcome SchemaValidator::validateField(std::string_view schemaName, std::string_view fieldName,
                                                        JsonRef input, const Options& options) const
{
    const CompiledSchema* schema = m_set->find(schemaName);
    if (schema == nullptr) {
        return unknown("schema", schemaName, options.locPrefix);
    }
    const auto it = schema->byName.find(std::string(fieldName));
    if (it == schema->byName.end()) {
        return unknown("field", fieldName, options.locPrefix);
    }
    std::vector<ValidationIssue> issues;
    nlohmann::json object = nlohmann::json::object();
    ValidationRun run(*m_set, options, issues);
    run.member(schema->fields[it->second], JsonRef(), input, object);
    const auto value = object.find(std::string(fieldName));
    return finish(std::move(issues), value == object.end() ? nlohmann::json() : *value);
}

SchemaValidator::Outcome SchemaValidator::validateFieldJson(std::string_view schemaName, std::string_view fieldName,
                                                            std::string_view json, const Options& options) const
{
    PythonJsonParser::Options parse;
    parse.maxDepth = options.maxJsonDepth;
    const auto parsed = PythonJsonParser::parse(json, parse);
    if (!parsed.ok()) {
        Outcome outcome;
        outcome.issues.push_back(jsonInvalid(options.locPrefix, parsed.position, parsed.message));
        return outcome;
    }
    return validateField(schemaName, fieldName, parsed.document.root(), options);
}

SchemaValidator::Outcome SchemaValidator::validateFieldText(std::string_view schemaName, std::string_view fieldName,
                                                            std::string_view text, const Options& options) const
{
    JsonDocument doc;
    const std::uint32_t s = doc.addString(text);
    const CompiledSchema* schema = m_set->find(schemaName);
    const auto it = schema ? schema->byName.find(std::string(fieldName)) : decltype(schema->byName.end()){};
    if (schema != nullptr && it != schema->byName.end() && schema->fields[it->second].type == FieldType::Array) {
        const std::uint32_t items[] = {s};
        doc.makeArray(items); // a repeated query key with a single value
    }
    return validateField(schemaName, fieldName, doc.root(), options);
}

} // namespace pc
