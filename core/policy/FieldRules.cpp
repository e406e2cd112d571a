// SPDX-License-Identifier: Apache-2.0
#include "policy/FieldRules.h"

#include "policy/ObjectReader.h"
#include "policy/PolicyEnums.h"

#include <algorithm>
#include <array>

namespace pc {
namespace {

constexpr unsigned bit(FieldType t)
{
    return 1U << static_cast<unsigned>(t);
}

constexpr unsigned kString = bit(FieldType::String);
constexpr unsigned kNumeric = bit(FieldType::Integer) | bit(FieldType::Number);
constexpr unsigned kArray = bit(FieldType::Array);

struct Rule {
    std::string_view key;
    unsigned types;
};

constexpr std::array<Rule, 19> kRules{{
    {"min_length", kString},
    {"max_length", kString},
    {"pattern", kString},
    {"deny_substrings", kString},
    {"strip_whitespace", kString},
    {"to_lower", kString},
    {"to_upper", kString},
    {"format", kString},
    {"gt", kNumeric},
    {"ge", kNumeric},
    {"lt", kNumeric},
    {"le", kNumeric},
    {"multiple_of", kNumeric},
    {"allow_inf_nan", bit(FieldType::Number)},
    {"values", bit(FieldType::Enum)},
    {"items", kArray},
    {"min_items", kArray},
    {"max_items", kArray},
    {"unique_items", kArray},
}};

bool isStringRule(std::string_view key)
{
    return std::any_of(kRules.begin(), kRules.end(), [&](const Rule& r) { return r.key == key && r.types == kString; });
}

bool isNumericRule(std::string_view key)
{
    return std::any_of(kRules.begin(), kRules.end(),
                       [&](const Rule& r) { return r.key == key && r.types == kNumeric; });
}

} // namespace

bool FieldRules::applies(std::string_view constraint, FieldType type)
{
    if (constraint == "schema") {
        return type == FieldType::Object;
    }
    const auto it = std::find_if(kRules.begin(), kRules.end(), [&](const Rule& r) { return r.key == constraint; });
    return it == kRules.end() || (it->types & bit(type)) != 0;
}

std::string FieldRules::insteadHint(std::string_view key, FieldType type)
{
    const bool numeric = type == FieldType::Integer || type == FieldType::Number;
    if ((key == "min_length" || key == "max_length") && numeric) {
        return "bound the value with \"ge\" and \"le\" (or \"gt\" and \"lt\") instead";
    }
    if ((key == "min_length" || key == "max_length") && type == FieldType::Array) {
        return "use \"min_items\" and \"max_items\" to bound the number of items";
    }
    if ((key == "min_items" || key == "max_items") && type == FieldType::String) {
        return "use \"min_length\" and \"max_length\" to bound a string";
    }
    if (isNumericRule(key) && type == FieldType::String) {
        return "bound the length with \"min_length\" and \"max_length\", or make the field an integer or number";
    }
    if (isNumericRule(key) && type == FieldType::Array) {
        return "bound the number of items with \"min_items\" and \"max_items\"";
    }
    if (key == "allow_inf_nan") {
        return "only \"number\" fields can hold inf or nan; make the field a number";
    }
    if (key == "values") {
        return "set \"type\": \"enum\" to restrict the field to these values";
    }
    if (key == "schema") {
        return "set \"type\": \"object\" to nest another schema";
    }
    if (key == "items" || key == "min_items" || key == "max_items" || key == "unique_items") {
        return "set \"type\": \"array\" for a list";
    }
    if (isStringRule(key)) {
        return "only string fields take \"" + std::string(key) + "\"; make the field a string or remove it";
    }
    return "only integer and number fields take \"" + std::string(key) + "\"; remove it";
}

void FieldRules::checkApplicable(ObjectReader& r, const PolicyJson& field, FieldType type)
{
    for (auto it = field.begin(); it != field.end(); ++it) {
        if (!applies(it.key(), type)) {
            r.context().error("constraint-not-applicable",
                              "\"" + it.key() + "\" does not apply to a field of type \"" +
                                  std::string(enumName(type)) + "\".",
                              r.at(it.key()), insteadHint(it.key(), type));
        }
    }
}

void FieldRules::checkRequiredParts(ObjectReader& r, const Field& field)
{
    const bool hasValues = r.get("values") != nullptr;
    if (field.type == FieldType::Enum && !hasValues) {
        r.context().error("missing-key", "An enum field needs \"values\".", r.at("values"),
                          "list the allowed values, e.g. \"values\": [\"a\", \"b\"]");
    }
    if (field.type == FieldType::Object && r.get("schema") == nullptr) {
        r.context().error("missing-key", "An object field needs \"schema\", the name of the schema it follows.",
                          r.at("schema"), "add \"schema\": \"<a name from schemas>\"");
    }
}

bool FieldRules::defaultFits(const Field& field, const nlohmann::json& value)
{
    if (value.is_null()) {
        return field.nullable;
    }
    switch (field.type) {
    case FieldType::String:
        return value.is_string();
    case FieldType::Integer:
        return value.is_number_integer() || value.is_number_unsigned();
    case FieldType::Number:
        return value.is_number();
    case FieldType::Boolean:
        return value.is_boolean();
    case FieldType::Enum:
        return std::find(field.values.begin(), field.values.end(), value) != field.values.end();
    case FieldType::Array:
        return value.is_array();
    case FieldType::Object:
        return value.is_object();
    }
    return false;
}

} // namespace pc
