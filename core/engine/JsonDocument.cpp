// SPDX-License-Identifier: Apache-2.0
#include "engine/JsonDocument.h"

#include "engine/JsonText.h"
#include "common/Utf8.h"

namespace pc {

JsonKind JsonRef::kind() const
{
    return m_doc->node(m_index).kind;
}

bool JsonRef::boolean() const
{
    return m_doc->node(m_index).boolean;
}

std::int64_t JsonRef::integer() const
{
    return m_doc->node(m_index).integer;
}

ExactInt JsonRef::exactInt() const
{
    const auto& n = m_doc->node(m_index);
    if (n.kind == JsonKind::Int) {
        return ExactInt(n.integer);
    }
    return ExactInt::parse(m_doc->text(n.a, n.b)).value_or(ExactInt());
}

double JsonRef::number() const
{
    const auto& n = m_doc->node(m_index);
    switch (n.kind) {
    case JsonKind::Int:
        return static_cast<double>(n.integer);
    case JsonKind::BigInt:
        return exactInt().toDouble();
    default:
        return n.number;
    }
}

std::string_view JsonRef::string() const
{
    const auto& n = m_doc->node(m_index);
    return m_doc->text(n.a, n.b);
}

std::uint32_t JsonRef::size() const
{
    const auto& n = m_doc->node(m_index);
    return (n.kind == JsonKind::Array || n.kind == JsonKind::Object) ? n.b : 0;
}

JsonRef JsonRef::item(std::uint32_t i) const
{
    return {m_doc, m_doc->node(m_index).a + i};
}

std::string_view JsonRef::key(std::uint32_t i) const
{
    const auto& k = m_doc->node(m_doc->node(m_index).a + 2 * i);
    return m_doc->text(k.a, k.b);
}

JsonRef JsonRef::value(std::uint32_t i) const
{
    return {m_doc, m_doc->node(m_index).a + 2 * i + 1};
}

JsonRef JsonRef::find(std::string_view wanted) const
{
    const auto& n = m_doc->node(m_index);
    if (n.kind != JsonKind::Object) {
        return {};
    }
    for (std::uint32_t i = 0; i < n.b; ++i) {
        if (key(i) == wanted) {
            return value(i);
        }
    }
    return {};
}

void JsonRef::appendJson(std::string& out) const
{
    const auto& n = m_doc->node(m_index);
    switch (n.kind) {
    case JsonKind::Null:
        out += "null";
        break;
    case JsonKind::Bool:
        out += n.boolean ? "true" : "false";
        break;
    case JsonKind::Int:
        out += std::to_string(n.integer);
        break;
    case JsonKind::BigInt:
        out += string();
        break;
    case JsonKind::Float:
        JsonText::appendFloat(out, n.number);
        break;
    case JsonKind::String:
        JsonText::appendString(out, string());
        break;
    case JsonKind::Array:
        out += '[';
        for (std::uint32_t i = 0; i < n.b; ++i) {
            if (i > 0) {
                out += ',';
            }
            item(i).appendJson(out);
        }
        out += ']';
        break;
    case JsonKind::Object:
        out += '{';
        for (std::uint32_t i = 0; i < n.b; ++i) {
            if (i > 0) {
                out += ',';
            }
            JsonText::appendString(out, key(i));
            out += ':';
            value(i).appendJson(out);
        }
        out += '}';
        break;
    }
}

std::string JsonRef::toJsonText() const
{
    std::string out;
    appendJson(out);
    return out;
}

nlohmann::json JsonRef::toJson() const
{
    const auto& n = m_doc->node(m_index);
    switch (n.kind) {
    case JsonKind::Null:
        return nullptr;
    case JsonKind::Bool:
        return n.boolean;
    case JsonKind::Int:
        return n.integer;
    case JsonKind::BigInt:
        return exactInt().toJson();
    case JsonKind::Float:
        return n.number;
    case JsonKind::String:
        // nlohmann::json refuses to dump invalid UTF-8; only raw request parts can carry it
        return Utf8::isValid(string()) ? std::string(string()) : Utf8::decodeLossy(string());
    case JsonKind::Array: {
        nlohmann::json arr = nlohmann::json::array();
        for (std::uint32_t i = 0; i < n.b; ++i) {
            arr.push_back(item(i).toJson());
        }
        return arr;
    }
    case JsonKind::Object: {
        nlohmann::json obj = nlohmann::json::object();
        for (std::uint32_t i = 0; i < n.b; ++i) {
            obj[std::string(key(i))] = value(i).toJson();
        }
        return obj;
    }
    }
    return nullptr;
}

std::uint32_t JsonDocument::addNull()
{
    m_nodes.emplace_back();
    return m_root = static_cast<std::uint32_t>(m_nodes.size() - 1);
}

std::uint32_t JsonDocument::addBool(bool value)
{
    Node n;
    n.kind = JsonKind::Bool;
    n.boolean = value;
    m_nodes.push_back(n);
    return m_root = static_cast<std::uint32_t>(m_nodes.size() - 1);
}

std::uint32_t JsonDocument::addInt(std::int64_t value)
{
    Node n;
    n.kind = JsonKind::Int;
    n.integer = value;
    m_nodes.push_back(n);
    return m_root = static_cast<std::uint32_t>(m_nodes.size() - 1);
}

std::uint32_t JsonDocument::addBigInt(std::string_view digits)
{
    const std::uint32_t index = addString(digits);
    m_nodes[index].kind = JsonKind::BigInt;
    return index;
}

std::uint32_t JsonDocument::addFloat(double value)
{
    Node n;
    n.kind = JsonKind::Float;
    n.number = value;
    m_nodes.push_back(n);
    return m_root = static_cast<std::uint32_t>(m_nodes.size() - 1);
}

std::uint32_t JsonDocument::addString(std::string_view utf8)
{
    Node n;
    n.kind = JsonKind::String;
    n.a = static_cast<std::uint32_t>(m_text.size());
    n.b = static_cast<std::uint32_t>(utf8.size());
    m_text.append(utf8);
    m_nodes.push_back(n);
    return m_root = static_cast<std::uint32_t>(m_nodes.size() - 1);
}

std::uint32_t JsonDocument::makeArray(std::span<const std::uint32_t> items)
{
    Node n;
    n.kind = JsonKind::Array;
    n.a = static_cast<std::uint32_t>(m_nodes.size());
    n.b = static_cast<std::uint32_t>(items.size());
    for (std::uint32_t i : items) {
        m_nodes.push_back(m_nodes[i]);
    }
    m_nodes.push_back(n);
    return m_root = static_cast<std::uint32_t>(m_nodes.size() - 1);
}

std::uint32_t JsonDocument::makeObject(std::span<const std::uint32_t> keysAndValues)
{
    Node n;
    n.kind = JsonKind::Object;
    n.a = static_cast<std::uint32_t>(m_nodes.size());
    n.b = static_cast<std::uint32_t>(keysAndValues.size() / 2);
    for (std::uint32_t i : keysAndValues) {
        m_nodes.push_back(m_nodes[i]);
    }
    m_nodes.push_back(n);
    return m_root = static_cast<std::uint32_t>(m_nodes.size() - 1);
}

} // namespace pc
