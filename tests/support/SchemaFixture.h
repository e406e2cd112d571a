// SPDX-License-Identifier: Apache-2.0
// Test-only: builds pc::Schema values from the compact JSON the policy file
// uses ({"UserInput": {"extra": "forbid", "fields": {"username": {...}}}}),
// keeping field order, so validation tests read like the policy they test.
// Not a policy loader: it trusts its input. Header-only.
#pragma once

#include "policy/Policy.h"
#include "policy/PolicyEnums.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace pc::test {

inline Field fieldFromJson(const std::string& name, const nlohmann::ordered_json& j)
{
    Field f;
    f.name = name;
    f.type = enumFromName<FieldType>(j.value("type", std::string("string"))).value_or(FieldType::String);
    f.required = j.value("required", !j.contains("default"));
    if (j.contains("default")) {
        f.defaultValue = nlohmann::json::parse(j["default"].dump());
    }
    f.nullable = j.value("nullable", false);
    if (j.contains("strict")) {
        f.strict = j["strict"].get<bool>();
    }
    if (j.contains("min_length")) {
        f.minLength = j["min_length"].get<std::uint64_t>();
    }
    if (j.contains("max_length")) {
        f.maxLength = j["max_length"].get<std::uint64_t>();
    }
    f.pattern = j.value("pattern", std::string());
    if (j.contains("deny_substrings")) {
        f.denySubstrings = j["deny_substrings"].get<std::vector<std::string>>();
    }
    f.stripWhitespace = j.value("strip_whitespace", false);
    f.toLower = j.value("to_lower", false);
    f.toUpper = j.value("to_upper", false);
    if (j.contains("format")) {
        f.format = enumFromName<StringFormat>(j["format"].get<std::string>()).value_or(StringFormat::None);
    }
    for (const char* key : {"gt", "ge", "lt", "le", "multiple_of"}) {
        if (!j.contains(key)) {
            continue;
        }
        const nlohmann::json v = nlohmann::json::parse(j[key].dump());
        const std::string k = key;
        (k == "gt" ? f.gt : k == "ge" ? f.ge : k == "lt" ? f.lt : k == "le" ? f.le : f.multipleOf) = v;
    }
    f.allowInfNan = j.value("allow_inf_nan", false);
    if (j.contains("values")) {
        for (const auto& v : j["values"]) {
            f.values.push_back(nlohmann::json::parse(v.dump()));
        }
    }
    if (j.contains("items")) {
        f.items = fieldFromJson("items", j["items"]);
    }
    if (j.contains("min_items")) {
        f.minItems = j["min_items"].get<std::uint64_t>();
    }
    if (j.contains("max_items")) {
        f.maxItems = j["max_items"].get<std::uint64_t>();
    }
    f.uniqueItems = j.value("unique_items", false);
    f.schema = j.value("schema", std::string());
    return f;
}

inline std::vector<Schema> schemasFromJson(const std::string& text)
{
    const auto j = nlohmann::ordered_json::parse(text);
    std::vector<Schema> schemas;
    for (auto it = j.begin(); it != j.end(); ++it) {
        Schema s;
        s.name = it.key();
        s.extra =
            enumFromName<ExtraFields>(it.value().value("extra", std::string("ignore"))).value_or(ExtraFields::Ignore);
        s.strict = it.value().value("strict", false);
        if (it.value().contains("fields")) {
            const auto& fields = it.value()["fields"];
            for (auto f = fields.begin(); f != fields.end(); ++f) {
                s.fields.push_back(fieldFromJson(f.key(), f.value()));
            }
        }
        schemas.push_back(std::move(s));
    }
    return schemas;
}

// One schema "S" with one field "v" — the shape most constraint tests need.
inline std::vector<Schema> singleField(const std::string& fieldJson)
{
    return schemasFromJson(R"({"S": {"fields": {"v": )" + fieldJson + "}}}");
}

} // namespace pc::test
