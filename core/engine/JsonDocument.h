// SPDX-License-Identifier: Apache-2.0
// JsonDocument: a compact, read-only JSON tree (one node array and one text
// arena) for request validation. It holds what Python's json.loads() would
// produce: arbitrary-size integers, floats including NaN and ±Infinity, and
// objects whose duplicate keys keep the first position and the last value.
// PythonJsonParser builds documents from text; request parts (query, path,
// headers) are built with the add*/make* calls. Immutable once built;
// JsonRef views stay valid as long as the document lives. Thread-safe to read.
#pragma once

#include "engine/ExactInt.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pc {

class JsonDocument;

enum class JsonKind : std::uint8_t { Null, Bool, Int, BigInt, Float, String, Array, Object };

// A view of one value inside a JsonDocument.
class JsonRef {
public:
    JsonRef() = default;
    JsonRef(const JsonDocument* doc, std::uint32_t index) : m_doc(doc), m_index(index) {}

    [[nodiscard]] bool valid() const { return m_doc != nullptr; }
    [[nodiscard]] JsonKind kind() const;
    [[nodiscard]] bool isNull() const { return kind() == JsonKind::Null; }
    [[nodiscard]] bool boolean() const;
    [[nodiscard]] std::int64_t integer() const;    // Int
    [[nodiscard]] ExactInt exactInt() const;       // Int or BigInt
    [[nodiscard]] double number() const;           // Float, Int or BigInt as a double
    [[nodiscard]] std::string_view string() const; // String (UTF-8); BigInt digits
    [[nodiscard]] std::uint32_t size() const;      // Array items or Object members
    [[nodiscard]] JsonRef item(std::uint32_t i) const;
    [[nodiscard]] std::string_view key(std::uint32_t i) const;
    [[nodiscard]] JsonRef value(std::uint32_t i) const;
    [[nodiscard]] JsonRef find(std::string_view key) const; // invalid ref when absent

    // Python's json.dumps(ensure_ascii=False, separators=(",", ":")) of the value.
    void appendJson(std::string& out) const;
    [[nodiscard]] std::string toJsonText() const;
    // nlohmann::json copy; integers beyond uint64 become floats.
    [[nodiscard]] nlohmann::json toJson() const;

private:
    const JsonDocument* m_doc = nullptr;
    std::uint32_t m_index = 0;
};

class JsonDocument {
public:
    struct Node {
        JsonKind kind = JsonKind::Null;
        bool boolean = false;
        std::uint32_t a = 0; // String/BigInt: text offset; Array/Object: first child node
        std::uint32_t b = 0; // String/BigInt: byte length; Array: items; Object: members
        union {
            std::int64_t integer;
            double number;
        };
        Node() : integer(0) {}
    };

    JsonDocument() = default;

    [[nodiscard]] JsonRef root() const { return {this, m_root}; }
    [[nodiscard]] bool empty() const { return m_nodes.empty(); }

    // Building: leaf nodes first, then containers that take copies of their
    // children (Object children alternate key, value). The last node made is the root.
    std::uint32_t addNull();
    std::uint32_t addBool(bool value);
    std::uint32_t addInt(std::int64_t value);
    std::uint32_t addBigInt(std::string_view digits); // canonical JSON integer text beyond int64
    std::uint32_t addFloat(double value);
    std::uint32_t addString(std::string_view utf8);
    std::uint32_t makeArray(std::span<const std::uint32_t> items);
    std::uint32_t makeObject(std::span<const std::uint32_t> keysAndValues);
    void setRoot(std::uint32_t index) { m_root = index; }

    [[nodiscard]] const Node& node(std::uint32_t index) const { return m_nodes[index]; }
    [[nodiscard]] std::string_view text(std::uint32_t offset, std::uint32_t length) const
    {
        return std::string_view(m_text).substr(offset, length);
    }

private:
    friend class PythonJsonParser;

    std::vector<Node> m_nodes;
    std::string m_text;
    std::uint32_t m_root = 0;
};

} // namespace pc
