// SPDX-License-Identifier: Apache-2.0
// Checks run in pydantic-core's order (validators/string.rs, int.rs,
// float.rs, list.rs, model_fields.rs): type and coercion first, then
// strip -> min_length -> max_length -> pattern -> case, or multiple_of -> le
// -> lt -> ge -> gt; the first failing check is the field's only error.
#include "engine/ValidationRun.h"

#include "engine/JsonText.h"
#include "engine/LaxCoercion.h"
#include "engine/StringFormats.h"
#include "common/Utf8.h"

#include <re2/re2.h>

#include <cmath>
#include <unordered_map>

namespace pc {
namespace {

std::string plural(std::uint64_t n)
{
    return n == 1 ? "" : "s";
}

// Python equality between a JSON input and a declared enum value (1 == 1.0, True != 1 here).
bool sameValue(JsonRef in, const nlohmann::json& v)
{
    switch (in.kind()) {
    case JsonKind::Null:
        return v.is_null();
    case JsonKind::Bool:
        return v.is_boolean() && v.get<bool>() == in.boolean();
    case JsonKind::String:
        return v.is_string() && v.get_ref<const std::string&>() == in.string();
    case JsonKind::Int:
    case JsonKind::BigInt:
    case JsonKind::Float:
        if (!v.is_number()) {
            return false;
        }
        if (in.kind() != JsonKind::Float && !v.is_number_float()) {
            const auto exact = ExactInt::fromJson(v);
            return exact && exact->compare(in.exactInt()) == 0;
        }
        return in.number() == v.get<double>();
    default:
        return false;
    }
}

// Lax matches: the input coerced to the declared value's type, as an IntEnum,
// float or bool validator would coerce it.
bool laxSameValue(JsonRef in, const nlohmann::json& v)
{
    if (v.is_number_integer()) {
        LaxCoercion::IntResult r;
        if (in.kind() == JsonKind::String) {
            r = LaxCoercion::stringToInt(in.string());
        } else if (in.kind() == JsonKind::Float) {
            r = LaxCoercion::floatToInt(in.number());
        } else if (in.kind() == JsonKind::Bool) {
            r = {LaxCoercion::IntStatus::Ok, ExactInt(in.boolean() ? 1 : 0)};
        }
        const auto exact = ExactInt::fromJson(v);
        return r.status == LaxCoercion::IntStatus::Ok && exact && exact->compare(r.value) == 0;
    }
    if (v.is_number_float()) {
        std::optional<double> d;
        if (in.kind() == JsonKind::String) {
            d = LaxCoercion::stringToFloat(in.string());
        } else if (in.kind() == JsonKind::Bool) {
            d = in.boolean() ? 1.0 : 0.0;
        }
        return d && *d == v.get<double>();
    }
    if (v.is_boolean()) {
        std::optional<bool> b;
        if (in.kind() == JsonKind::String) {
            b = LaxCoercion::stringToBool(in.string());
        } else if (in.kind() == JsonKind::Int && (in.integer() == 0 || in.integer() == 1)) {
            b = in.integer() == 1;
        }
        return b && *b == v.get<bool>();
    }
    return false;
}

} // namespace

std::string ValidationRun::locName(const std::string& name) const
{
    if (!m_options.headerNames) {
        return name;
    }
    std::string alias = name;
    for (char& c : alias) {
        c = c == '_' ? '-' : c;
    }
    return alias;
}

bool ValidationRun::fail(std::string type, std::string msg, JsonRef input, const std::string& where,
                         nlohmann::ordered_json ctx)
{
    ValidationIssue issue;
    issue.type = std::move(type);
    issue.loc = m_loc;
    issue.msg = std::move(msg);
    issue.input = input.valid() ? input.toJsonText() : "null";
    issue.ctx = std::move(ctx);
    issue.where = where;
    m_issues.push_back(std::move(issue));
    return false;
}

bool ValidationRun::schema(const CompiledSchema& schema, JsonRef in, nlohmann::json& out)
{
    if (in.kind() != JsonKind::Object) {
        if (m_options.dialect == SchemaValidator::Dialect::PydanticJson) {
            nlohmann::ordered_json ctx = {{"class_name", schema.name}};
            return fail("model_type", "Input should be an object", in, schema.pointer, std::move(ctx));
        }
        return fail("model_attributes_type", "Input should be a valid dictionary or object to extract fields from", in,
                    schema.pointer);
    }
    out = nlohmann::json::object();
    bool ok = true;
    for (const CompiledField& f : schema.fields) {
        const JsonRef value = in.find(f.name);
        ok = member(f, in, value, out) && ok;
    }
    if (schema.extra == ExtraFields::Ignore) {
        return ok;
    }
    for (std::uint32_t i = 0; i < in.size(); ++i) {
        const std::string key(in.key(i));
        if (schema.byName.count(key) != 0) {
            continue;
        }
        if (schema.extra == ExtraFields::Allow) {
            out[key] = in.value(i).toJson();
            continue;
        }
        m_loc.push_back(key);
        ok = fail("extra_forbidden", "Extra inputs are not permitted", in.value(i), schema.pointer + "/extra");
        m_loc.erase(m_loc.size() - 1);
    }
    return ok;
}

bool ValidationRun::member(const CompiledField& f, JsonRef enclosing, JsonRef input, nlohmann::json& out)
{
    m_loc.push_back(locName(f.name));
    bool ok = true;
    if (!input.valid()) {
        ok = absent(f, enclosing, out);
    } else {
        nlohmann::json value;
        ok = field(f, input, value);
        out[f.name] = std::move(value);
    }
    m_loc.erase(m_loc.size() - 1);
    return ok;
}

bool ValidationRun::absent(const CompiledField& f, JsonRef enclosing, nlohmann::json& out)
{
    if (f.required) {
        // Pydantic shows the enclosing object; FastAPI's separately validated parameters show null.
        return fail("missing", "Field required", m_options.parameters ? JsonRef() : enclosing, f.pointer);
    }
    if (f.defaultValue) {
        out[f.name] = *f.defaultValue; // Pydantic does not validate defaults
    }
    return true;
}

bool ValidationRun::field(const CompiledField& f, JsonRef in, nlohmann::json& out)
{
    if (f.nullable && in.isNull()) {
        out = nullptr;
        return true;
    }
    switch (f.type) {
    case FieldType::String:
        return string(f, in, out);
    case FieldType::Integer:
        return integer(f, in, out);
    case FieldType::Number:
        return number(f, in, out);
    case FieldType::Boolean:
        return boolean(f, in, out);
    case FieldType::Enum:
        return enumeration(f, in, out);
    case FieldType::Array:
        return array(f, in, out);
    case FieldType::Object:
        return object(f, in, out);
    }
    return false;
}

bool ValidationRun::string(const CompiledField& f, JsonRef in, nlohmann::json& out)
{
    if (in.kind() != JsonKind::String) {
        return fail("string_type", "Input should be a valid string", in, f.pointer);
    }
    std::string_view s = in.string();
    if (!Utf8::isValid(s)) { // raw path or text input; parsed JSON is always valid UTF-8
        return fail("string_unicode", "Input should be a valid string, unable to parse raw data as a unicode string",
                    in, f.pointer);
    }
    if (f.stripWhitespace) {
        s = Utf8::trim(s);
    }
    if (f.minLength || f.maxLength) {
        const std::uint64_t n = Utf8::codePointCount(s);
        if (f.minLength && n < *f.minLength) {
            return fail("string_too_short",
                        "String should have at least " + std::to_string(*f.minLength) + " character" +
                            plural(*f.minLength),
                        in, f.pointer + "/min_length", {{"min_length", *f.minLength}});
        }
        if (f.maxLength && n > *f.maxLength) {
            return fail("string_too_long",
                        "String should have at most " + std::to_string(*f.maxLength) + " character" +
                            plural(*f.maxLength),
                        in, f.pointer + "/max_length", {{"max_length", *f.maxLength}});
        }
    }
    if (f.pattern && !RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), *f.pattern)) {
        return fail("string_pattern_mismatch", "String should match pattern '" + f.patternText + "'", in,
                    f.pointer + "/pattern", {{"pattern", f.patternText}});
    }
    if (f.format != StringFormat::None) {
        if (auto failure = StringFormats::check(f.format, s)) {
            return fail(std::move(failure->type), std::move(failure->msg), in, f.pointer + "/format",
                        std::move(failure->ctx));
        }
    }
    std::string value = f.toLower ? Utf8::toLower(s) : (f.toUpper ? Utf8::toUpper(s) : std::string(s));
    // Like a Pydantic after-validator, the deny list sees the final value.
    for (std::size_t i = 0; i < f.denySubstrings.size(); ++i) {
        const std::string& deny = f.denySubstrings[i];
        if (value.find(deny) != std::string::npos) {
            return fail("string_denied_substring", "String should not contain " + JsonText::pythonRepr(deny), in,
                        f.pointer + "/deny_substrings/" + std::to_string(i), {{"substring", deny}});
        }
    }
    out = std::move(value);
    return true;
}

bool ValidationRun::integer(const CompiledField& f, JsonRef in, nlohmann::json& out)
{
    ExactInt v;
    LaxCoercion::IntResult r;
    switch (in.kind()) {
    case JsonKind::Int:
    case JsonKind::BigInt:
        v = in.exactInt();
        r.status = LaxCoercion::IntStatus::Ok;
        break;
    case JsonKind::Bool:
        if (!f.strict) {
            v = ExactInt(in.boolean() ? 1 : 0);
            r.status = LaxCoercion::IntStatus::Ok;
        }
        break;
    case JsonKind::Float:
        if (!f.strict) {
            r = LaxCoercion::floatToInt(in.number());
            v = r.value;
        }
        break;
    case JsonKind::String:
        if (!f.strict) {
            r = LaxCoercion::stringToInt(in.string());
            v = r.value;
            if (r.status == LaxCoercion::IntStatus::Parsing) {
                return fail("int_parsing", "Input should be a valid integer, unable to parse string as an integer", in,
                            f.pointer);
            }
        }
        break;
    default:
        break;
    }
    switch (r.status) {
    case LaxCoercion::IntStatus::Ok:
        break;
    case LaxCoercion::IntStatus::NotFinite:
        return fail("finite_number", "Input should be a finite number", in, f.pointer);
    case LaxCoercion::IntStatus::FromFloat:
        return fail("int_from_float", "Input should be a valid integer, got a number with a fractional part", in,
                    f.pointer);
    case LaxCoercion::IntStatus::ParsingSize:
        return fail("int_parsing_size", "Unable to parse input string as an integer, exceeded maximum size", in,
                    f.pointer);
    case LaxCoercion::IntStatus::Parsing: // not coerced at all: the input has the wrong type
        return fail("int_type", "Input should be a valid integer", in, f.pointer);
    }
    if (f.intMultipleOf && !v.isMultipleOf(f.intMultipleOf->value)) {
        return fail("multiple_of", "Input should be a multiple of " + f.intMultipleOf->text, in,
                    f.intMultipleOf->pointer, f.intMultipleOf->ctx);
    }
    if (f.intLe && v.compare(f.intLe->value) > 0) {
        return fail("less_than_equal", "Input should be less than or equal to " + f.intLe->text, in, f.intLe->pointer,
                    f.intLe->ctx);
    }
    if (f.intLt && v.compare(f.intLt->value) >= 0) {
        return fail("less_than", "Input should be less than " + f.intLt->text, in, f.intLt->pointer, f.intLt->ctx);
    }
    if (f.intGe && v.compare(f.intGe->value) < 0) {
        return fail("greater_than_equal", "Input should be greater than or equal to " + f.intGe->text, in,
                    f.intGe->pointer, f.intGe->ctx);
    }
    if (f.intGt && v.compare(f.intGt->value) <= 0) {
        return fail("greater_than", "Input should be greater than " + f.intGt->text, in, f.intGt->pointer,
                    f.intGt->ctx);
    }
    out = v.toJson();
    return true;
}

bool ValidationRun::number(const CompiledField& f, JsonRef in, nlohmann::json& out)
{
    std::optional<double> d;
    switch (in.kind()) {
    case JsonKind::Float:
        d = in.number();
        break;
    case JsonKind::Int:
    case JsonKind::BigInt:
        d = in.number();
        if (!std::isfinite(*d)) {
            d.reset(); // Python's float() overflows on such an int
        }
        break;
    case JsonKind::Bool:
        if (!f.strict) {
            d = in.boolean() ? 1.0 : 0.0;
        }
        break;
    case JsonKind::String:
        if (!f.strict) {
            d = LaxCoercion::stringToFloat(in.string());
            if (!d) {
                return fail("float_parsing", "Input should be a valid number, unable to parse string as a number", in,
                            f.pointer);
            }
        }
        break;
    default:
        break;
    }
    if (!d) {
        return fail("float_type", "Input should be a valid number", in, f.pointer);
    }
    const double x = *d;
    if (!f.allowInfNan && !std::isfinite(x)) {
        return fail("finite_number", "Input should be a finite number", in, f.pointer);
    }
    if (f.multipleOf) {
        const double m = f.multipleOf->value;
        const double rem = std::fmod(x, m);
        const double threshold = std::fabs(x) / 1e9;
        if (std::fabs(rem) > threshold && std::fabs(rem - m) > threshold) {
            return fail("multiple_of", "Input should be a multiple of " + f.multipleOf->text, in, f.multipleOf->pointer,
                        f.multipleOf->ctx);
        }
    }
    if (f.le && !(x <= f.le->value)) {
        return fail("less_than_equal", "Input should be less than or equal to " + f.le->text, in, f.le->pointer,
                    f.le->ctx);
    }
    if (f.lt && !(x < f.lt->value)) {
        return fail("less_than", "Input should be less than " + f.lt->text, in, f.lt->pointer, f.lt->ctx);
    }
    if (f.ge && !(x >= f.ge->value)) {
        return fail("greater_than_equal", "Input should be greater than or equal to " + f.ge->text, in, f.ge->pointer,
                    f.ge->ctx);
    }
    if (f.gt && !(x > f.gt->value)) {
        return fail("greater_than", "Input should be greater than " + f.gt->text, in, f.gt->pointer, f.gt->ctx);
    }
    out = x;
    return true;
}

bool ValidationRun::boolean(const CompiledField& f, JsonRef in, nlohmann::json& out)
{
    static const std::string kParsing = "Input should be a valid boolean, unable to interpret input";
    if (in.kind() == JsonKind::Bool) {
        out = in.boolean();
        return true;
    }
    if (!f.strict) {
        if (in.kind() == JsonKind::String) {
            if (const auto b = LaxCoercion::stringToBool(in.string())) {
                out = *b;
                return true;
            }
            return fail("bool_parsing", kParsing, in, f.pointer);
        }
        if (in.kind() == JsonKind::Int) {
            if (in.integer() == 0 || in.integer() == 1) {
                out = in.integer() == 1;
                return true;
            }
            return fail("bool_parsing", kParsing, in, f.pointer);
        }
        if (in.kind() == JsonKind::Float) {
            const auto r = LaxCoercion::floatToInt(in.number());
            if (r.status == LaxCoercion::IntStatus::Ok) {
                if (r.value.compare(ExactInt(0)) == 0 || r.value.compare(ExactInt(1)) == 0) {
                    out = r.value.compare(ExactInt(1)) == 0;
                    return true;
                }
                return fail("bool_parsing", kParsing, in, f.pointer);
            }
        }
    }
    return fail("bool_type", "Input should be a valid boolean", in, f.pointer);
}

bool ValidationRun::enumeration(const CompiledField& f, JsonRef in, nlohmann::json& out)
{
    for (const nlohmann::json& v : f.values) {
        if (sameValue(in, v)) {
            out = v;
            return true;
        }
    }
    if (!f.strict) {
        for (const nlohmann::json& v : f.values) {
            if (laxSameValue(in, v)) {
                out = v;
                return true;
            }
        }
    }
    return fail("enum", "Input should be " + f.expected, in, f.pointer + "/values", {{"expected", f.expected}});
}

bool ValidationRun::array(const CompiledField& f, JsonRef in, nlohmann::json& out)
{
    if (in.kind() != JsonKind::Array) {
        const bool json = m_options.dialect == SchemaValidator::Dialect::PydanticJson;
        return fail("list_type", json ? "Input should be a valid array" : "Input should be a valid list", in,
                    f.pointer);
    }
    const std::uint32_t n = in.size();
    if (f.maxItems && n > *f.maxItems) {
        nlohmann::ordered_json ctx = {{"field_type", "List"}, {"max_length", *f.maxItems}, {"actual_length", n}};
        return fail("too_long",
                    "List should have at most " + std::to_string(*f.maxItems) + " item" + plural(*f.maxItems) +
                        " after validation, not " + std::to_string(n),
                    in, f.pointer + "/max_items", std::move(ctx));
    }
    out = nlohmann::json::array();
    bool ok = true;
    for (std::uint32_t i = 0; i < n; ++i) {
        nlohmann::json item;
        if (f.items) {
            m_loc.push_back(i);
            ok = field(*f.items, in.item(i), item) && ok;
            m_loc.erase(m_loc.size() - 1);
        } else {
            item = in.item(i).toJson();
        }
        out.push_back(std::move(item));
    }
    if (!ok) {
        return false;
    }
    if (f.minItems && n < *f.minItems) {
        nlohmann::ordered_json ctx = {{"field_type", "List"}, {"min_length", *f.minItems}, {"actual_length", n}};
        return fail("too_short",
                    "List should have at least " + std::to_string(*f.minItems) + " item" + plural(*f.minItems) +
                        " after validation, not " + std::to_string(n),
                    in, f.pointer + "/min_items", std::move(ctx));
    }
    if (f.uniqueItems) {
        std::unordered_map<std::string, std::uint32_t> seen;
        for (std::uint32_t i = 0; i < n; ++i) {
            const auto [it, inserted] = seen.emplace(out[i].dump(), i);
            if (!inserted) {
                m_loc.push_back(i);
                fail("unique_items", "List item should be unique, it repeats item " + std::to_string(it->second),
                     in.item(i), f.pointer + "/unique_items", {{"first_index", it->second}});
                m_loc.erase(m_loc.size() - 1);
                return false;
            }
        }
    }
    return true;
}

bool ValidationRun::object(const CompiledField& f, JsonRef in, nlohmann::json& out)
{
    return schema(m_set.schemas[static_cast<std::size_t>(f.schema)], in, out);
}

} // namespace pc
