// SPDX-License-Identifier: Apache-2.0
// One table per enum maps values to the names used in policy files, so that
// the reader, the writer, the JSON Schema tests and the GUI's combo boxes all
// agree. Specialise EnumTraits<E>::names for each enum (see policy/PolicyEnums.h).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace pc {

template <class E> struct EnumName {
    E value;
    std::string_view name;
};

template <class E> struct EnumTraits; // specialise with: static std::span<const EnumName<E>> names();

template <class E> [[nodiscard]] std::string_view enumName(E value)
{
    for (const auto& entry : EnumTraits<E>::names()) {
        if (entry.value == value) {
            return entry.name;
        }
    }
    return {};
}

template <class E> [[nodiscard]] std::optional<E> enumFromName(std::string_view name)
{
    for (const auto& entry : EnumTraits<E>::names()) {
        if (entry.name == name) {
            return entry.value;
        }
    }
    return std::nullopt;
}

// "one of \"a\", \"b\" or \"c\"" — for messages and hints.
template <class E> [[nodiscard]] std::string enumChoices()
{
    std::string out;
    const auto names = EnumTraits<E>::names();
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) {
            out += (i + 1 == names.size()) ? " or " : ", ";
        }
        out += '"';
        out += names[i].name;
        out += '"';
    }
    return out;
}

} // namespace pc
