// SPDX-License-Identifier: Apache-2.0
// CompiledSchema: the immutable, ready-to-run form of the policy's schemas
// that SchemaCompiler builds and SchemaValidator runs: RE2 patterns compiled,
// numeric bounds converted to the field's number type, nested schema names
// resolved to indexes, message parts (enum choices, bounds as Pydantic prints
// them) rendered once. Shared read-only between threads.
#pragma once

#include "engine/ExactInt.h"
#include "policy/Schema.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace re2 {
class RE2;
}

namespace pc {

template <class T> struct Bound {
    T value{};
    std::string text;           // as Pydantic's message prints it
    nlohmann::ordered_json ctx; // as FastAPI's ctx carries it
    std::string pointer;        // where it is in the policy
};

struct CompiledField {
    std::string name;
    std::string pointer; // JSON pointer of the field in the policy
    FieldType type = FieldType::String;
    bool required = true;
    bool nullable = false;
    bool strict = false;
    std::optional<nlohmann::json> defaultValue;

    // strings
    std::optional<std::uint64_t> minLength, maxLength;
    std::shared_ptr<const re2::RE2> pattern; // translated to RE2, searched unanchored
    std::string patternText;                 // as written, for messages
    std::vector<std::string> denySubstrings;
    bool stripWhitespace = false;
    bool toLower = false;
    bool toUpper = false;
    StringFormat format = StringFormat::None;

    // integers (exact) and numbers (double)
    std::optional<Bound<ExactInt>> intGt, intGe, intLt, intLe, intMultipleOf;
    std::optional<Bound<double>> gt, ge, lt, le, multipleOf;
    bool allowInfNan = false;

    // enums
    std::vector<nlohmann::json> values;
    std::string expected; // "'a', 'b' or 'c'"

    // arrays
    std::unique_ptr<CompiledField> items; // null: any JSON value
    std::optional<std::uint64_t> minItems, maxItems;
    bool uniqueItems = false;

    // objects
    int schema = -1; // index into CompiledSchemaSet::schemas
};

struct CompiledSchema {
    std::string name;
    std::string pointer;
    ExtraFields extra = ExtraFields::Ignore;
    std::vector<CompiledField> fields;
    std::unordered_map<std::string, std::size_t> byName;
};

struct CompiledSchemaSet {
    std::vector<CompiledSchema> schemas;
    std::unordered_map<std::string, std::size_t> byName;

    [[nodiscard]] const CompiledSchema* find(std::string_view name) const
    {
        const auto it = byName.find(std::string(name));
        return it == byName.end() ? nullptr : &schemas[it->second];
    }
};

} // namespace pc
