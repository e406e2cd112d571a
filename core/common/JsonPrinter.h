// SPDX-License-Identifier: Apache-2.0
// JsonPrinter: the canonical text layout of policy files, chosen so that a
// one-value edit is a one-line diff: 2-space indentation, one object member
// per line, arrays of scalars on one line, arrays holding objects or arrays
// one element per line, "{}" and "[]" for empty containers, UTF-8 kept as is,
// and a final newline. Member order is the document's. Pure, thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace pc {

class JsonPrinter {
public:
    [[nodiscard]] static std::string print(const nlohmann::ordered_json& value);
};

} // namespace pc
