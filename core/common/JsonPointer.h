// SPDX-License-Identifier: Apache-2.0
// RFC 6901 JSON pointers as strings: escaping of reference tokens and joining.
#pragma once

#include <string>
#include <string_view>

namespace pc {

class JsonPointer {
public:
    // "~" -> "~0", "/" -> "~1"
    [[nodiscard]] static std::string escape(std::string_view token);
    [[nodiscard]] static std::string unescape(std::string_view token);
    [[nodiscard]] static std::string join(std::string_view base, std::string_view token);
    [[nodiscard]] static std::string join(std::string_view base, size_t index);
    // The pointer one level up ("" stays "").
    [[nodiscard]] static std::string parent(std::string_view pointer);
};

} // namespace pc
