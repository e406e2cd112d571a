// SPDX-License-Identifier: Apache-2.0
// SchemaValidator: validates JSON values against the policy's schemas with
// Pydantic v2 semantics, as FastAPI applies them (validation.md §1, §2):
// lax or strict coercion, Pydantic's constraint order with one error per
// field, every field's error reported, loc paths with integer indexes, and
// the validated (coerced, defaulted) value on success. Used by the engine's
// ValidationStage and on its own by the GUI's "try it" box.
// Compiled once; immutable and thread-safe; copies share the compiled schemas.
#pragma once

#include "common/Result.h"
#include "engine/CompiledSchema.h"
#include "engine/JsonDocument.h"
#include "engine/ValidationIssue.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string_view>
#include <vector>

namespace pc {

enum class ValidationDialect {
    // What a FastAPI client sees: FastAPI validates json.loads() output in
    // Python mode with from_attributes=True, so a non-object is
    // "model_attributes_type" and a non-list "Input should be a valid list".
    FastApi,
    // Pydantic's validate_json wording: "model_type" with "Input should be
    // an object", "Input should be a valid array".
    PydanticJson,
};

struct ValidationOptions {
    ValidationDialect dialect = ValidationDialect::FastApi;
    nlohmann::json locPrefix = nlohmann::json::array(); // e.g. ["body"]
    // FastAPI validates query, path and header parameters one by one: a
    // missing parameter's input is null rather than the enclosing object.
    bool parameters = false;
    // Header parameters are named with '-' where the field has '_' (convert_underscores).
    bool headerNames = false;
    int maxJsonDepth = 32; // for the *Json entry points
};

class SchemaValidator {
public:
    using Dialect = ValidationDialect;
    using Options = ValidationOptions;

    struct Outcome {
        std::vector<ValidationIssue> issues;
        nlohmann::json value; // validated and coerced; null when there are issues
        [[nodiscard]] bool ok() const { return issues.empty(); }
    };

    [[nodiscard]] static Result<SchemaValidator> compile(const std::vector<Schema>& schemas);

    [[nodiscard]] bool hasSchema(std::string_view name) const { return m_set->find(name) != nullptr; }
    [[nodiscard]] const CompiledSchemaSet& compiled() const { return *m_set; }

    // A whole value against a schema.
    [[nodiscard]] Outcome validate(std::string_view schema, JsonRef input, const Options& options = {}) const;
    // JSON text, parsed like FastAPI parses a body (json_invalid on malformed input).
    [[nodiscard]] Outcome validateJson(std::string_view schema, std::string_view json,
                                       const Options& options = {}) const;
    // One field of a schema; an invalid JsonRef means the field is absent.
    [[nodiscard]] Outcome validateField(std::string_view schema, std::string_view field, JsonRef input,
                                        const Options& options = {}) const;
    [[nodiscard]] Outcome validateFieldJson(std::string_view schema, std::string_view field, std::string_view json,
                                            const Options& options = {}) const;
    // One field from a raw string, as a query, path or header value arrives.
    [[nodiscard]] Outcome validateFieldText(std::string_view schema, std::string_view field, std::string_view text,
                                            const Options& options = {}) const;

    // The json_invalid item FastAPI produces for a malformed body.
    [[nodiscard]] static ValidationIssue jsonInvalid(const nlohmann::json& locPrefix, std::size_t position,
                                                     const std::string& error);

private:
    explicit SchemaValidator(std::shared_ptr<const CompiledSchemaSet> set) : m_set(std::move(set)) {}

    std::shared_ptr<const CompiledSchemaSet> m_set;
};

} // namespace pc
