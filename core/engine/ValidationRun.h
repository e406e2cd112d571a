// SPDX-License-Identifier: Apache-2.0
// ValidationRun: one validation of one value, walking the compiled schemas
// and collecting issues with their loc paths. Internal to SchemaValidator;
// lives on the caller's stack, never shared between threads.
#pragma once

#include "engine/CompiledSchema.h"
#include "engine/JsonDocument.h"
#include "engine/SchemaValidator.h"
#include "engine/ValidationIssue.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace pc {

class ValidationRun {
public:
    ValidationRun(const CompiledSchemaSet& set, const SchemaValidator::Options& options,
                  std::vector<ValidationIssue>& issues)
        : m_set(set), m_options(options), m_issues(issues), m_loc(options.locPrefix)
    {
    }

    // Each returns false when it added issues; `out` then holds a partial value.
    bool schema(const CompiledSchema& schema, JsonRef input, nlohmann::json& out);
    bool field(const CompiledField& field, JsonRef input, nlohmann::json& out);
    // A declared field that is absent from its object.
    bool absent(const CompiledField& field, JsonRef enclosing, nlohmann::json& out);
    // Runs `field` with its name pushed on the loc path.
    bool member(const CompiledField& field, JsonRef enclosing, JsonRef input, nlohmann::json& out);

private:
    bool fail(std::string type, std::string msg, JsonRef input, const std::string& where,
              nlohmann::ordered_json ctx = nullptr);
    bool string(const CompiledField& f, JsonRef in, nlohmann::json& out);
    bool integer(const CompiledField& f, JsonRef in, nlohmann::json& out);
    bool number(const CompiledField& f, JsonRef in, nlohmann::json& out);
    bool boolean(const CompiledField& f, JsonRef in, nlohmann::json& out);
    bool enumeration(const CompiledField& f, JsonRef in, nlohmann::json& out);
    bool array(const CompiledField& f, JsonRef in, nlohmann::json& out);
    bool object(const CompiledField& f, JsonRef in, nlohmann::json& out);
    std::string locName(const std::string& name) const;

    const CompiledSchemaSet& m_set;
    const SchemaValidator::Options& m_options;
    std::vector<ValidationIssue>& m_issues;
    nlohmann::json m_loc;
};

} // namespace pc
