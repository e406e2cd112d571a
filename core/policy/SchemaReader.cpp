// SPDX-License-Identifier: Apache-2.0
#include "policy/SchemaReader.h"

#include "common/JsonPointer.h"
#include "common/PatternTranslator.h"
#include "policy/FieldRules.h"
#include "policy/ObjectReader.h"
#include "policy/PolicyEnums.h"

#include <re2/re2.h>

#include <algorithm>

namespace pc {
namespace {

constexpr long long kMaxCount = 1'000'000'000;

void readStringConstraints(ObjectReader& r, Field& f)
{
    r.integer("min_length", f.minLength, 0, kMaxCount);
    r.integer("max_length", f.maxLength, 0, kMaxCount);
    if (r.string("pattern", f.pattern)) {
        RE2::Options options;
        options.set_log_errors(false);
        options.set_max_mem(8 << 20);
        // As the engine will run it: Rust's (?<name>) written the way this RE2 accepts, \w made Unicode-aware.
        const RE2 compiled(PatternTranslator::rustToRe2(f.pattern), options);
        if (!compiled.ok()) {
            r.context().error("bad-pattern", "The pattern does not compile: " + compiled.error() + ".", r.at("pattern"),
                              "patterns use RE2 syntax, which has no look-around and no backreferences");
        }
    }
    if (r.strings("deny_substrings", f.denySubstrings)) {
        for (size_t i = 0; i < f.denySubstrings.size(); ++i) {
            if (f.denySubstrings[i].empty()) {
                r.context().error("bad-value", "An empty deny substring would reject every value.",
                                  JsonPointer::join(r.at("deny_substrings"), i), "remove the empty entry");
            }
        }
    }
    r.boolean("strip_whitespace", f.stripWhitespace);
    r.boolean("to_lower", f.toLower);
    r.boolean("to_upper", f.toUpper);
    if (f.toLower && f.toUpper) {
        r.context().error("bad-value", "A field cannot be turned both to lower and to upper case.", r.at("to_upper"),
                          "keep one of \"to_lower\" and \"to_upper\"");
    }
    r.enumeration("format", f.format);
}

void readNumberConstraints(ObjectReader& r, Field& f)
{
    r.number("gt", f.gt);
    r.number("ge", f.ge);
    r.number("lt", f.lt);
    r.number("le", f.le);
    if (r.number("multiple_of", f.multipleOf) && !(f.multipleOf->get<double>() > 0)) {
        r.context().error("out-of-range", "\"multiple_of\" must be greater than 0.", r.at("multiple_of"),
                          "write a positive number, e.g. 0.01 for cents");
    }
    r.boolean("allow_inf_nan", f.allowInfNan);
}

void readValues(ObjectReader& r, Field& f)
{
    const PolicyJson* values = r.get("values");
    if (values == nullptr) {
        return;
    }
    if (!values->is_array()) {
        ObjectReader::wrongType(r.context(), *values, r.at("values"), "an array", "\"values\"");
        return;
    }
    if (values->empty()) {
        r.context().error("bad-value", "An enum needs at least one value.", r.at("values"), "list the allowed values");
    }
    for (size_t i = 0; i < values->size(); ++i) {
        const nlohmann::json v((*values)[i]);
        const std::string at = JsonPointer::join(r.at("values"), i);
        if (!v.is_string() && !v.is_number() && !v.is_boolean()) {
            ObjectReader::wrongType(r.context(), (*values)[i], at, "a string, number or boolean", "an enum value");
        } else if (std::find(f.values.begin(), f.values.end(), v) != f.values.end()) {
            r.context().error("bad-value", "The value " + v.dump() + " is listed twice.", at, "remove the repeat");
        } else {
            f.values.push_back(v);
        }
    }
}

void readArrayAndObject(ObjectReader& r, const std::string& name, Field& f)
{
    if (const PolicyJson* items = r.get("items")) {
        f.items = SchemaReader::readField(r.context(), name + "[]", *items, r.at("items"));
    }
    r.integer("min_items", f.minItems, 0, kMaxCount);
    r.integer("max_items", f.maxItems, 0, kMaxCount);
    r.boolean("unique_items", f.uniqueItems);
    if (r.nonEmptyString("schema", f.schema)) {
        ReadContext& ctx = r.context();
        ctx.checkReference(f.schema, ctx.names().schemas, "unknown-schema", "schemas", r.at("schema"));
    }
}

template <class T>
void checkOrder(ObjectReader& r, const std::optional<T>& low, const std::optional<T>& high, std::string_view lowKey,
                std::string_view highKey)
{
    if (low && high && *low > *high) {
        r.context().error("out-of-range",
                          "\"" + std::string(lowKey) + "\" (" + std::to_string(*low) + ") is greater than \"" +
                              std::string(highKey) + "\" (" + std::to_string(*high) + "); no value could pass.",
                          r.at(lowKey), "make " + std::string(lowKey) + " at most " + std::string(highKey));
    }
}

} // namespace

Field SchemaReader::readField(ReadContext& ctx, const std::string& name, const PolicyJson& value,
                              const std::string& pointer)
{
    Field f;
    f.name = name;
    ObjectReader r(ctx, &value, pointer, "the field \"" + name + "\"");
    if (!r.valid()) {
        return f;
    }
    const bool typed = r.require("type", "add \"type\": " + enumChoices<FieldType>()) && r.enumeration("type", f.type);
    r.string("description", f.description);
    if (const PolicyJson* d = r.get("default")) {
        f.defaultValue = nlohmann::json(*d);
    }
    f.required = !f.defaultValue.has_value();
    if (r.boolean("required", f.required) && f.required && f.defaultValue) {
        ctx.error("bad-value", "A field with a default is never required.", r.at("required"),
                  "remove \"required\", or remove the default");
    }
    r.boolean("nullable", f.nullable);
    bool strict = false;
    if (r.boolean("strict", strict)) {
        f.strict = strict;
    }
    readStringConstraints(r, f);
    readNumberConstraints(r, f);
    readValues(r, f);
    readArrayAndObject(r, name, f);

    if (typed) {
        FieldRules::checkApplicable(r, value, f.type);
        FieldRules::checkRequiredParts(r, f);
        if (f.defaultValue && !FieldRules::defaultFits(f, *f.defaultValue)) {
            ctx.error("bad-value",
                      "The default does not fit the field's type \"" + std::string(enumName(f.type)) + "\".",
                      r.at("default"), "give a default of that type, or remove it");
        }
    }
    checkOrder(r, f.minLength, f.maxLength, "min_length", "max_length");
    checkOrder(r, f.minItems, f.maxItems, "min_items", "max_items");
    r.finish();
    return f;
}

void SchemaReader::read(ReadContext& ctx, const PolicyJson* value, std::vector<Schema>& out)
{
    ObjectReader all(ctx, value, "/schemas", "\"schemas\"");
    if (!all.valid()) {
        return;
    }
    for (auto it = value->begin(); it != value->end(); ++it) {
        Schema schema;
        schema.name = it.key();
        const std::string pointer = all.at(it.key());
        if (schema.name.empty()) {
            ctx.error("bad-value", "A schema needs a name.", pointer,
                      "name it like a Pydantic model, e.g. \"UserInput\"");
        }
        ObjectReader r(ctx, &it.value(), pointer, "the schema \"" + schema.name + "\"");
        if (!r.valid()) {
            continue;
        }
        r.string("description", schema.description);
        r.enumeration("extra", schema.extra);
        r.boolean("strict", schema.strict);
        if (const PolicyJson* fields = r.get("fields")) {
            ObjectReader fr(ctx, fields, r.at("fields"), "\"fields\"");
            if (fr.valid()) {
                for (auto f = fields->begin(); f != fields->end(); ++f) {
                    schema.fields.push_back(readField(ctx, f.key(), f.value(), fr.at(f.key())));
                }
            }
        }
        r.finish();
        out.push_back(std::move(schema));
    }
}

} // namespace pc
