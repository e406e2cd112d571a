// SPDX-License-Identifier: Apache-2.0
#include "policy/ObjectReader.h"

#include "common/ClosestName.h"
#include "common/JsonPointer.h"
#include "policy/SyntaxCheck.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>

namespace pc {
namespace {

// Keys that, wherever they are unknown and hold a string, almost certainly
// carry a secret typed into the policy instead of a reference to it.
constexpr std::array<std::string_view, 10> kSecretKeys{"password",   "passwd",      "secret",      "secret_key",
                                                       "token",      "api_key",     "private_key", "client_secret",
                                                       "access_key", "secret_value"};

std::string inQuotes(std::string_view s)
{
    return "\"" + std::string(s) + "\"";
}

std::string choiceList(const std::vector<std::string_view>& choices)
{
    std::string out;
    for (size_t i = 0; i < choices.size(); ++i) {
        if (i > 0) {
            out += (i + 1 == choices.size()) ? " or " : ", ";
        }
        out += inQuotes(choices[i]);
    }
    return out;
}

std::string typeHint(std::string_view expected)
{
    if (expected.find("string") != std::string_view::npos) {
        return "put the value in double quotes";
    }
    if (expected.find("integer") != std::string_view::npos || expected.find("number") != std::string_view::npos) {
        return "write a number without quotes";
    }
    if (expected.find("true or false") != std::string_view::npos) {
        return "write true or false, without quotes";
    }
    if (expected.find("array") != std::string_view::npos) {
        return "write a list in square brackets: [ ... ]";
    }
    if (expected.find("object") != std::string_view::npos) {
        return "write an object in braces: { ... }";
    }
    return {};
}

std::string capitalised(std::string text)
{
    if (!text.empty()) {
        text.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(text.front())));
    }
    return text;
}

bool isInteger(const PolicyJson& v)
{
    return v.is_number_integer() || v.is_number_unsigned();
}

} // namespace

ObjectReader::ObjectReader(ReadContext& ctx, const PolicyJson* value, std::string pointer, std::string_view what)
    : m_ctx(ctx), m_pointer(std::move(pointer)), m_what(what)
{
    if (value == nullptr) {
        return;
    }
    if (!value->is_object()) {
        wrongType(ctx, *value, m_pointer, "an object", m_what);
        return;
    }
    m_object = value;
}

std::string ObjectReader::at(std::string_view key) const
{
    return JsonPointer::join(m_pointer, key);
}

const PolicyJson* ObjectReader::get(std::string_view key)
{
    if (std::find(m_known.begin(), m_known.end(), key) == m_known.end()) {
        m_known.emplace_back(key);
    }
    if (m_object == nullptr) {
        return nullptr;
    }
    const auto it = m_object->find(key);
    return it == m_object->end() ? nullptr : &*it;
}

const PolicyJson* ObjectReader::require(std::string_view key, std::string_view hint)
{
    const PolicyJson* v = get(key);
    if (v == nullptr && m_object != nullptr) {
        m_ctx.error("missing-key", capitalised(m_what) + " needs " + inQuotes(key) + ".", at(key),
                    hint.empty() ? "add " + inQuotes(key) : std::string(hint));
    }
    return v;
}

std::string_view ObjectReader::typeName(const PolicyJson& value)
{
    switch (value.type()) {
    case PolicyJson::value_t::string:
        return "a string";
    case PolicyJson::value_t::number_integer:
    case PolicyJson::value_t::number_unsigned:
        return "an integer";
    case PolicyJson::value_t::number_float:
        return "a decimal number";
    case PolicyJson::value_t::boolean:
        return "true or false";
    case PolicyJson::value_t::array:
        return "an array";
    case PolicyJson::value_t::object:
        return "an object";
    case PolicyJson::value_t::null:
        return "null";
    default:
        return "an unsupported value";
    }
}

void ObjectReader::wrongType(ReadContext& ctx, const PolicyJson& value, const std::string& pointer,
                             std::string_view expected, std::string_view name)
{
    // The message names types, never the value: it may be a secret.
    const std::string subject = capitalised(std::string(name));
    ctx.error("wrong-type",
              subject + " must be " + std::string(expected) + ", not " + std::string(typeName(value)) + ".", pointer,
              typeHint(expected));
}

bool ObjectReader::string(std::string_view key, std::string& out)
{
    const PolicyJson* v = get(key);
    if (v == nullptr) {
        return false;
    }
    if (!v->is_string()) {
        wrongType(m_ctx, *v, at(key), "a string", inQuotes(key));
        return false;
    }
    out = v->get<std::string>();
    return true;
}

bool ObjectReader::nonEmptyString(std::string_view key, std::string& out)
{
    std::string value;
    if (!string(key, value)) {
        return false;
    }
    if (value.empty()) {
        m_ctx.error("bad-value", inQuotes(key) + " must not be empty.", at(key), "write a value");
        return false;
    }
    out = std::move(value);
    return true;
}

bool ObjectReader::boolean(std::string_view key, bool& out)
{
    const PolicyJson* v = get(key);
    if (v == nullptr) {
        return false;
    }
    if (!v->is_boolean()) {
        wrongType(m_ctx, *v, at(key), "true or false", inQuotes(key));
        return false;
    }
    out = v->get<bool>();
    return true;
}

bool ObjectReader::integer(std::string_view key, long long& out, long long min, long long max, std::string_view hint)
{
    const PolicyJson* v = get(key);
    if (v == nullptr) {
        return false;
    }
    if (!isInteger(*v)) {
        wrongType(m_ctx, *v, at(key), "an integer", inQuotes(key));
        return false;
    }
    const bool tooBig = v->is_number_unsigned() &&
                        v->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<long long>::max());
    const long long n = tooBig ? std::numeric_limits<long long>::max() : v->get<long long>();
    if (tooBig || n < min || n > max) {
        m_ctx.error("out-of-range",
                    inQuotes(key) + " must be between " + std::to_string(min) + " and " + std::to_string(max) +
                        "; it is " + v->dump() + ".",
                    at(key), hint.empty() ? "write a value in that range" : std::string(hint));
        return false;
    }
    out = n;
    return true;
}

bool ObjectReader::number(std::string_view key, std::optional<nlohmann::json>& out)
{
    const PolicyJson* v = get(key);
    if (v == nullptr) {
        return false;
    }
    if (!v->is_number()) {
        wrongType(m_ctx, *v, at(key), "a number", inQuotes(key));
        return false;
    }
    out = nlohmann::json(*v);
    return true;
}

bool ObjectReader::duration(std::string_view key, Duration& out, Duration minimum)
{
    const PolicyJson* v = get(key);
    if (v == nullptr) {
        return false;
    }
    if (v->is_number()) {
        m_ctx.error("bad-duration", inQuotes(key) + " must be a duration with a unit, not a bare number.", at(key),
                    "write it as a string with a unit, for example \"" + v->dump() + "s\"");
        return false;
    }
    if (!v->is_string()) {
        wrongType(m_ctx, *v, at(key), "a duration string", inQuotes(key));
        return false;
    }
    const auto text = v->get<std::string>();
    const auto parsed = Duration::parse(text);
    if (!parsed) {
        m_ctx.error("bad-duration", inQuotes(text) + " is not a duration.", at(key),
                    std::string(Duration::grammarHint));
        return false;
    }
    if (*parsed < minimum) {
        m_ctx.error("out-of-range", inQuotes(key) + " must be at least " + minimum.toString() + ".", at(key),
                    "write a longer duration");
        return false;
    }
    out = *parsed;
    return true;
}

bool ObjectReader::size(std::string_view key, ByteSize& out)
{
    const PolicyJson* v = get(key);
    if (v == nullptr) {
        return false;
    }
    std::optional<ByteSize> parsed;
    if (v->is_number_unsigned()) {
        parsed = ByteSize::parse(std::to_string(v->get<std::uint64_t>()));
    } else if (v->is_string()) {
        parsed = ByteSize::parse(v->get<std::string>());
    } else if (!v->is_number()) {
        wrongType(m_ctx, *v, at(key), "a size (a byte count or a string such as \"1MiB\")", inQuotes(key));
        return false;
    }
    if (!parsed) {
        m_ctx.error("bad-size", v->dump() + " is not a size.", at(key), std::string(ByteSize::grammarHint));
        return false;
    }
    out = *parsed;
    return true;
}

bool ObjectReader::strings(std::string_view key, std::vector<std::string>& out, bool allowEmpty)
{
    const PolicyJson* v = get(key);
    if (v == nullptr) {
        return false;
    }
    if (!v->is_array()) {
        wrongType(m_ctx, *v, at(key), "an array of strings", inQuotes(key));
        return false;
    }
    if (!allowEmpty && v->empty()) {
        m_ctx.error("bad-value", inQuotes(key) + " must list at least one value.", at(key), "add a value");
        return false;
    }
    std::vector<std::string> values;
    bool ok = true;
    for (size_t i = 0; i < v->size(); ++i) {
        const PolicyJson& item = (*v)[i];
        if (!item.is_string()) {
            wrongType(m_ctx, item, JsonPointer::join(at(key), i), "a string", "each entry of " + inQuotes(key));
            ok = false;
            continue;
        }
        values.push_back(item.get<std::string>());
    }
    if (ok) {
        out = std::move(values);
    }
    return ok;
}

bool ObjectReader::methods(std::string_view key, std::vector<std::string>& out, bool allowWildcard, bool allowEmpty)
{
    std::vector<std::string> values;
    if (!strings(key, values, allowEmpty)) {
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < values.size(); ++i) {
        const std::string& m = values[i];
        const std::string where = JsonPointer::join(at(key), i);
        std::string upper = m;
        std::transform(upper.begin(), upper.end(), upper.begin(),
                       [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
        if (m == "*" && allowWildcard) {
            continue;
        }
        if (!SyntaxCheck::isToken(m)) {
            m_ctx.error("bad-value", inQuotes(m) + " is not an HTTP method name.", where,
                        "write e.g. \"GET\" or \"POST\"");
            ok = false;
        } else if (upper != m) {
            m_ctx.error("bad-value", inQuotes(m) + " is not upper-case; HTTP methods are case-sensitive.", where,
                        "write " + inQuotes(upper) +
                            ": browsers upper-case only DELETE, GET, HEAD, OPTIONS, POST and PUT, so a request "
                            "made with " +
                            inQuotes(m) + " would very likely end in a 405");
            ok = false;
        } else if (std::find(values.begin(), values.begin() + static_cast<long>(i), m) !=
                   values.begin() + static_cast<long>(i)) {
            m_ctx.error("bad-value", inQuotes(m) + " is listed twice.", where, "remove the repeat");
            ok = false;
        }
    }
    if (ok) {
        out = std::move(values);
    }
    return ok;
}

bool ObjectReader::headerNames(std::string_view key, std::vector<std::string>& out, bool allowWildcard)
{
    std::vector<std::string> values;
    if (!strings(key, values)) {
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < values.size(); ++i) {
        if ((values[i] == "*" && allowWildcard) || SyntaxCheck::isToken(values[i])) {
            continue;
        }
        m_ctx.error("bad-value", inQuotes(values[i]) + " is not a header name.", JsonPointer::join(at(key), i),
                    "header names are single tokens such as \"Content-Type\", without spaces or a colon");
        ok = false;
    }
    if (ok) {
        out = std::move(values);
    }
    return ok;
}

void ObjectReader::badChoice(std::string_view key, std::string_view value, const std::vector<std::string_view>& choices,
                             long index)
{
    const std::string closest = ClosestName::find(value, choices);
    std::string hint = closest.empty() ? "use " : "did you mean " + inQuotes(closest) + "? Use ";
    hint += choices.size() == 1 ? inQuotes(choices.front()) : "one of " + choiceList(choices);
    m_ctx.error("bad-value", inQuotes(value) + " is not a valid value for " + inQuotes(key) + ".",
                index < 0 ? at(key) : JsonPointer::join(at(key), static_cast<size_t>(index)), std::move(hint));
}

void ObjectReader::finish(bool secretContext)
{
    if (m_object == nullptr) {
        return;
    }
    for (auto it = m_object->begin(); it != m_object->end(); ++it) {
        const std::string& key = it.key();
        if (std::find(m_known.begin(), m_known.end(), key) != m_known.end()) {
            continue;
        }
        const bool secretKey = std::find(kSecretKeys.begin(), kSecretKeys.end(), key) != kSecretKeys.end() ||
                               (secretContext && key == "value");
        if (secretKey && it.value().is_string()) {
            m_ctx.error("inline-secret",
                        capitalised(m_what) + " holds a secret value written inline under " + inQuotes(key) +
                            "; a policy file must never contain secret values.",
                        at(key),
                        "move the value into an environment variable or a file and reference it, for example "
                        "{\"env\": \"MY_SECRET\"} or {\"file\": \"/run/secrets/my_secret\"}");
            continue;
        }
        std::vector<std::string_view> known(m_known.begin(), m_known.end());
        const std::string closest = ClosestName::find(key, known);
        m_ctx.error("unknown-key", inQuotes(key) + " is not a setting of " + m_what + ".", at(key),
                    closest.empty() ? "remove it; see the JSON Schema for the settings available here"
                                    : "did you mean " + inQuotes(closest) + "?");
    }
}

} // namespace pc
