// SPDX-License-Identifier: Apache-2.0
#include "engine/SchemaCompiler.h"

#include "common/JsonPointer.h"
#include "common/PatternTranslator.h"
#include "engine/JsonText.h"
#include "policy/PolicyEnums.h"

#include <re2/re2.h>

#include <functional>

namespace pc {
namespace {

std::string pythonRepr(const nlohmann::json& v)
{
    if (v.is_string()) {
        return JsonText::pythonRepr(v.get_ref<const std::string&>());
    }
    if (v.is_boolean()) {
        return v.get<bool>() ? "True" : "False";
    }
    if (v.is_null()) {
        return "None";
    }
    if (v.is_number_float()) {
        return JsonText::pythonFloat(v.get<double>());
    }
    return v.dump();
}

// Pydantic's "'a', 'b' or 'c'".
std::string expectedChoices(const std::vector<nlohmann::json>& values)
{
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) {
            out += (i + 1 == values.size()) ? " or " : ", ";
        }
        out += pythonRepr(values[i]);
    }
    return out;
}

struct Applicable {
    bool string = false, integer = false, number = false, enumeration = false, array = false, object = false;
};

class Compiler {
public:
    explicit Compiler(const std::vector<Schema>& schemas) : m_schemas(schemas) {}
    Result<std::shared_ptr<const CompiledSchemaSet>> run();

private:
    void error(std::string code, std::string message, std::string pointer, std::string hint = {})
    {
        m_errors.push_back(makeError(std::move(code), std::move(message), std::move(pointer), std::move(hint)));
    }
    void compileField(const Field& field, const std::string& pointer, bool schemaStrict, CompiledField& out);
    void checkApplicable(const Field& field, const std::string& pointer);
    void compileString(const Field& field, const std::string& pointer, CompiledField& out);
    void compileIntegerBounds(const Field& field, const std::string& pointer, CompiledField& out);
    void compileNumberBounds(const Field& field, const std::string& pointer, CompiledField& out);
    void checkCycles();

    const std::vector<Schema>& m_schemas;
    std::shared_ptr<CompiledSchemaSet> m_set = std::make_shared<CompiledSchemaSet>();
    Errors m_errors;
};

Result<std::shared_ptr<const CompiledSchemaSet>> Compiler::run()
{
    for (std::size_t i = 0; i < m_schemas.size(); ++i) {
        const std::string pointer = JsonPointer::join("/schemas", m_schemas[i].name);
        if (!m_set->byName.emplace(m_schemas[i].name, i).second) {
            error("duplicate-schema", "Two schemas are named \"" + m_schemas[i].name + "\".", pointer,
                  "Rename one of them; routes refer to schemas by name.");
        }
    }
    m_set->schemas.resize(m_schemas.size());
    for (std::size_t i = 0; i < m_schemas.size(); ++i) {
        const Schema& schema = m_schemas[i];
        CompiledSchema& out = m_set->schemas[i];
        out.name = schema.name;
        out.pointer = JsonPointer::join("/schemas", schema.name);
        out.extra = schema.extra;
        out.fields.resize(schema.fields.size());
        for (std::size_t f = 0; f < schema.fields.size(); ++f) {
            const Field& field = schema.fields[f];
            const std::string pointer = JsonPointer::join(out.pointer + "/fields", field.name);
            if (!out.byName.emplace(field.name, f).second) {
                error("duplicate-field",
                      "Schema \"" + schema.name + "\" declares the field \"" + field.name + "\" twice.", pointer,
                      "Remove or rename one of them.");
            }
            compileField(field, pointer, schema.strict, out.fields[f]);
        }
    }
    if (m_errors.empty()) {
        checkCycles();
    }
    if (!m_errors.empty()) {
        return std::move(m_errors);
    }
    return std::shared_ptr<const CompiledSchemaSet>(m_set);
}

void Compiler::checkApplicable(const Field& f, const std::string& pointer)
{
    Applicable a;
    switch (f.type) {
    case FieldType::String:
        a.string = true;
        break;
    case FieldType::Integer:
        a.integer = true;
        break;
    case FieldType::Number:
        a.number = true;
        break;
    case FieldType::Boolean:
        break;
    case FieldType::Enum:
        a.enumeration = true;
        break;
    case FieldType::Array:
        a.array = true;
        break;
    case FieldType::Object:
        a.object = true;
        break;
    }
    const std::string type(enumName(f.type));
    auto check = [&](bool set, bool applies, std::string_view key, std::string_view appliesTo) {
        if (set && !applies) {
            error("inapplicable-constraint",
                  std::string(key) + " applies to " + std::string(appliesTo) + " fields, not to " + type + " fields.",
                  pointer + "/" + std::string(key),
                  "Remove it, or change the field's type; Pydantic refuses such a field too.");
        }
    };
    check(f.minLength.has_value(), a.string, "min_length", "string");
    check(f.maxLength.has_value(), a.string, "max_length", "string");
    check(!f.pattern.empty(), a.string, "pattern", "string");
    check(!f.denySubstrings.empty(), a.string, "deny_substrings", "string");
    check(f.stripWhitespace, a.string, "strip_whitespace", "string");
    check(f.toLower, a.string, "to_lower", "string");
    check(f.toUpper, a.string, "to_upper", "string");
    check(f.format != StringFormat::None, a.string, "format", "string");
    const bool numeric = a.integer || a.number;
    check(f.gt.has_value(), numeric, "gt", "integer and number");
    check(f.ge.has_value(), numeric, "ge", "integer and number");
    check(f.lt.has_value(), numeric, "lt", "integer and number");
    check(f.le.has_value(), numeric, "le", "integer and number");
    check(f.multipleOf.has_value(), numeric, "multiple_of", "integer and number");
    check(f.allowInfNan, a.number, "allow_inf_nan", "number");
    check(!f.values.empty(), a.enumeration, "values", "enum");
    check(f.items.has(), a.array, "items", "array");
    check(f.minItems.has_value(), a.array, "min_items", "array");
    check(f.maxItems.has_value(), a.array, "max_items", "array");
    check(f.uniqueItems, a.array, "unique_items", "array");
    check(!f.schema.empty(), a.object, "schema", "object");
}

void Compiler::compileField(const Field& field, const std::string& pointer, bool schemaStrict, CompiledField& out)
{
    out.name = field.name;
    out.pointer = pointer;
    out.type = field.type;
    out.required = field.required;
    out.nullable = field.nullable;
    out.strict = field.strict.value_or(schemaStrict);
    out.defaultValue = field.defaultValue;
    checkApplicable(field, pointer);
    switch (field.type) {
    case FieldType::String:
        compileString(field, pointer, out);
        break;
    case FieldType::Integer:
        compileIntegerBounds(field, pointer, out);
        break;
    case FieldType::Number:
        out.allowInfNan = field.allowInfNan;
        compileNumberBounds(field, pointer, out);
        break;
    case FieldType::Boolean:
        break;
    case FieldType::Enum:
        if (field.values.empty()) {
            error("empty-enum", "The enum field \"" + field.name + "\" lists no values, so nothing can match it.",
                  pointer + "/values", "List the accepted values.");
        }
        out.values = field.values;
        out.expected = expectedChoices(field.values);
        break;
    case FieldType::Array:
        out.minItems = field.minItems;
        out.maxItems = field.maxItems;
        out.uniqueItems = field.uniqueItems;
        if (field.minItems && field.maxItems && *field.minItems > *field.maxItems) {
            error("contradictory-bounds",
                  "min_items (" + std::to_string(*field.minItems) + ") is greater than max_items (" +
                      std::to_string(*field.maxItems) + "): no array can satisfy both.",
                  pointer + "/min_items", "Lower min_items or raise max_items.");
        }
        if (field.items.has()) {
            out.items = std::make_unique<CompiledField>();
            compileField(*field.items, pointer + "/items", schemaStrict, *out.items);
        }
        break;
    case FieldType::Object: {
        if (field.schema.empty()) {
            error("missing-schema", "The object field \"" + field.name + "\" names no schema.", pointer + "/schema",
                  "Set \"schema\" to the name of the schema its value must follow.");
            break;
        }
        const auto it = m_set->byName.find(field.schema);
        if (it == m_set->byName.end()) {
            error("unknown-schema",
                  "The field \"" + field.name + "\" refers to the schema \"" + field.schema +
                      "\", which the policy does not define.",
                  pointer + "/schema", "Define that schema under \"schemas\" or fix the name.");
            break;
        }
        out.schema = static_cast<int>(it->second);
        break;
    }
    }
}

void Compiler::compileString(const Field& field, const std::string& pointer, CompiledField& out)
{
    out.minLength = field.minLength;
    out.maxLength = field.maxLength;
    out.denySubstrings = field.denySubstrings;
    out.stripWhitespace = field.stripWhitespace;
    out.toLower = field.toLower;
    out.toUpper = field.toUpper;
    out.format = field.format;
    if (field.minLength && field.maxLength && *field.minLength > *field.maxLength) {
        error("contradictory-bounds",
              "min_length (" + std::to_string(*field.minLength) + ") is greater than max_length (" +
                  std::to_string(*field.maxLength) + "): no string can satisfy both.",
              pointer + "/min_length", "Lower min_length or raise max_length.");
    }
    if (field.toLower && field.toUpper) {
        error("conflicting-transforms", "A field cannot be converted both to lower case and to upper case.",
              pointer + "/to_upper", "Keep to_lower or to_upper, not both.");
    }
    for (std::size_t i = 0; i < field.denySubstrings.size(); ++i) {
        if (field.denySubstrings[i].empty()) {
            error("empty-substring", "An empty deny_substrings entry would refuse every value.",
                  pointer + "/deny_substrings/" + std::to_string(i), "Remove the empty entry.");
        }
    }
    if (field.pattern.empty()) {
        return;
    }
    out.patternText = field.pattern;
    RE2::Options options;
    options.set_log_errors(false);
    options.set_encoding(RE2::Options::EncodingUTF8);
    // The translation makes \w, \d and \s Unicode-aware and writes Rust's (?<name>) as RE2's (?P<name>),
    // which RE2 before 2023 refuses in the original text.
    auto compiled = std::make_shared<RE2>(PatternTranslator::rustToRe2(field.pattern), options);
    if (!compiled->ok()) {
        const RE2 original(field.pattern, options);
        if (!original.ok()) {
            error("bad-pattern", "RE2 refuses the pattern: " + original.error() + ".", pointer + "/pattern",
                  "Patterns run on RE2 (linear time, like Pydantic's default Rust engine): look-around, "
                  "backreferences and possessive quantifiers are not available. The pattern lint explains each "
                  "construct.");
            return;
        }
        error("bad-pattern",
              "RE2 refuses the pattern once its \\w, \\d and \\s are made Unicode-aware: " + compiled->error() + ".",
              pointer + "/pattern", "Write the class out explicitly, e.g. [A-Za-z0-9_] instead of \\w.");
        return;
    }
    out.pattern = std::move(compiled);
}

void Compiler::compileIntegerBounds(const Field& field, const std::string& pointer, CompiledField& out)
{
    auto bound = [&](const std::optional<nlohmann::json>& v, std::string_view key,
                     std::optional<Bound<ExactInt>>& target) {
        if (!v) {
            return;
        }
        const std::string at = pointer + "/" + std::string(key);
        const auto exact = ExactInt::fromJson(*v);
        if (!v->is_number() || !exact) {
            error("bad-bound", std::string(key) + " of an integer field must be an integer, not " + v->dump() + ".", at,
                  "Use a whole number, or make the field a number; Pydantic refuses fractional bounds on int fields.");
            return;
        }
        target = Bound<ExactInt>{*exact, exact->toString(), nlohmann::ordered_json::object(), at};
        target->ctx[std::string(key)] = exact->toJson();
    };
    bound(field.gt, "gt", out.intGt);
    bound(field.ge, "ge", out.intGe);
    bound(field.lt, "lt", out.intLt);
    bound(field.le, "le", out.intLe);
    bound(field.multipleOf, "multiple_of", out.intMultipleOf);
    if (out.intMultipleOf && out.intMultipleOf->value.compare(ExactInt(0)) <= 0) {
        error("bad-bound", "multiple_of must be greater than 0.", out.intMultipleOf->pointer,
              "Use a positive divisor such as 5.");
    }
    // gt a / ge a against lt b / le b: the smallest admissible value must not exceed the largest.
    auto next = [](const ExactInt& v) { return (v.isSmall() && v.small() < INT64_MAX) ? ExactInt(v.small() + 1) : v; };
    std::optional<ExactInt> low;
    std::string lowPointer;
    if (out.intGe) {
        low = out.intGe->value;
        lowPointer = out.intGe->pointer;
    }
    if (out.intGt && (!low || next(out.intGt->value).compare(*low) > 0)) {
        low = next(out.intGt->value);
        lowPointer = out.intGt->pointer;
    }
    auto contradicts = [&](const std::optional<Bound<ExactInt>>& upper, bool exclusive) {
        if (!low || !upper) {
            return false;
        }
        const int c = low->compare(upper->value);
        return exclusive ? c >= 0 : c > 0;
    };
    if (contradicts(out.intLe, false) || contradicts(out.intLt, true)) {
        error("contradictory-bounds", "The lower and upper bounds of this integer field leave no admissible value.",
              lowPointer, "Check gt/ge against lt/le.");
    }
}

void Compiler::compileNumberBounds(const Field& field, const std::string& pointer, CompiledField& out)
{
    auto bound = [&](const std::optional<nlohmann::json>& v, std::string_view key,
                     std::optional<Bound<double>>& target) {
        if (!v) {
            return;
        }
        const std::string at = pointer + "/" + std::string(key);
        if (!v->is_number()) {
            error("bad-bound", std::string(key) + " must be a number, not " + v->dump() + ".", at);
            return;
        }
        const double d = v->get<double>();
        target = Bound<double>{d, JsonText::rustFloat(d), nlohmann::ordered_json::object(), at};
        target->ctx[std::string(key)] = d;
    };
    bound(field.gt, "gt", out.gt);
    bound(field.ge, "ge", out.ge);
    bound(field.lt, "lt", out.lt);
    bound(field.le, "le", out.le);
    bound(field.multipleOf, "multiple_of", out.multipleOf);
    if (out.multipleOf && !(out.multipleOf->value > 0)) {
        error("bad-bound", "multiple_of must be greater than 0.", out.multipleOf->pointer, "Use a positive divisor.");
    }
    const Bound<double>* low = out.gt ? &*out.gt : (out.ge ? &*out.ge : nullptr);
    if (out.gt && out.ge && out.ge->value > out.gt->value) {
        low = &*out.ge;
    }
    const bool lowExclusive = low == (out.gt ? &*out.gt : nullptr);
    auto contradicts = [&](const std::optional<Bound<double>>& upper, bool upperExclusive) {
        if (!low || !upper) {
            return false;
        }
        return (lowExclusive || upperExclusive) ? low->value >= upper->value : low->value > upper->value;
    };
    if (contradicts(out.le, false) || contradicts(out.lt, true)) {
        error("contradictory-bounds", "The lower and upper bounds of this number field leave no admissible value.",
              low->pointer, "Check gt/ge against lt/le.");
    }
}

// A schema that must contain itself through required, non-nullable fields has
// no finite instance: every request would fail, so the policy is refused.
void Compiler::checkCycles()
{
    const auto& schemas = m_set->schemas;
    std::function<int(const CompiledField&)> mustReach = [&](const CompiledField& f) -> int {
        if (f.nullable) {
            return -1;
        }
        if (f.type == FieldType::Object) {
            return f.schema;
        }
        if (f.type == FieldType::Array && f.items && f.minItems.value_or(0) >= 1) {
            return mustReach(*f.items);
        }
        return -1;
    };
    enum class Mark { None, Active, Done };
    std::vector<Mark> marks(schemas.size(), Mark::None);
    std::function<bool(std::size_t)> visit = [&](std::size_t s) -> bool {
        marks[s] = Mark::Active;
        for (const CompiledField& f : schemas[s].fields) {
            const int target = f.required ? mustReach(f) : -1;
            if (target < 0) {
                continue;
            }
            const auto t = static_cast<std::size_t>(target);
            if (marks[t] == Mark::Active) {
                error("cyclic-schema",
                      "Schema \"" + schemas[s].name + "\" requires \"" + f.name + "\", which leads back to \"" +
                          schemas[t].name +
                          "\" through required, non-nullable fields: no finite document satisfies it.",
                      f.pointer, "Make a field on the cycle optional or nullable, or let an array on it be empty.");
                return true;
            }
            if (marks[t] == Mark::None && visit(t)) {
                return true;
            }
        }
        marks[s] = Mark::Done;
        return false;
    };
    for (std::size_t s = 0; s < schemas.size(); ++s) {
        if (marks[s] == Mark::None && visit(s)) {
            return;
        }
    }
}

} // namespace

Result<std::shared_ptr<const CompiledSchemaSet>> SchemaCompiler::compile(const std::vector<Schema>& schemas)
{
    return Compiler(schemas).run();
}

} // namespace pc
