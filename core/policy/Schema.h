// SPDX-License-Identifier: Apache-2.0
// Validation schemas: named, ordered sets of fields with Pydantic v2 constraint
// semantics (see shared reference validation.md). Plain data; the engine
// compiles them. Numeric bounds keep the JSON number as written so that
// integer bounds stay exact and messages print them the way the user wrote them.
#pragma once

#include "common/Box.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pc {

enum class FieldType { String, Integer, Number, Boolean, Enum, Array, Object };
enum class StringFormat { None, Email, Uuid, Uri, DateTime, Ipv4, Ipv6 };
enum class ExtraFields { Ignore, Forbid, Allow }; // Pydantic's default is Ignore

struct Field {
    std::string name;
    FieldType type = FieldType::String;
    std::string description;
    bool required = true;                       // false when a default is given or "required": false
    std::optional<nlohmann::json> defaultValue; // "default"
    bool nullable = false;                      // null accepted as a value
    std::optional<bool> strict;                 // overrides the schema's strictness

    // strings (lengths count Unicode code points, like Pydantic)
    std::optional<std::uint64_t> minLength;
    std::optional<std::uint64_t> maxLength;
    std::string pattern; // RE2 syntax, unanchored search like Pydantic
    std::vector<std::string> denySubstrings;
    bool stripWhitespace = false;
    bool toLower = false;
    bool toUpper = false;
    StringFormat format = StringFormat::None;

    // integers and numbers (JSON numbers as written)
    std::optional<nlohmann::json> gt, ge, lt, le, multipleOf;
    bool allowInfNan = false;

    // enums: the allowed values
    std::vector<nlohmann::json> values;

    // arrays
    Box<Field> items;
    std::optional<std::uint64_t> minItems;
    std::optional<std::uint64_t> maxItems;
    bool uniqueItems = false;

    // objects: the name of another schema
    std::string schema;

    bool operator==(const Field&) const = default;
};

struct Schema {
    std::string name;
    std::string description;
    ExtraFields extra = ExtraFields::Ignore;
    bool strict = false;
    std::vector<Field> fields; // declaration order is error order, as in Pydantic

    [[nodiscard]] const Field* field(std::string_view fieldName) const;
    bool operator==(const Schema&) const = default;
};

} // namespace pc
