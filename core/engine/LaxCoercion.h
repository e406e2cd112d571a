// SPDX-License-Identifier: Apache-2.0
// LaxCoercion: pydantic-core's lax conversions of strings and floats
// (src/input/shared.rs): "42" and " 0_042.000 " -> 42, "42.5" -> int_parsing,
// "yes"/"off"/"t"/"0" -> bool, " inf " -> float, 1e20 -> int_parsing_size.
// Stateless functions; thread-safe.
#pragma once

#include "engine/ExactInt.h"

#include <optional>
#include <string_view>

namespace pc {

class LaxCoercion {
public:
    enum class IntStatus { Ok, Parsing, ParsingSize, FromFloat, NotFinite };

    struct IntResult {
        IntStatus status = IntStatus::Parsing;
        ExactInt value;
    };

    // str_as_int: JSON integer text, else the cleaned form (trimmed, '+' sign,
    // leading zeros, a ".000" tail, single underscores between digits).
    [[nodiscard]] static IntResult stringToInt(std::string_view text);
    // float_as_int: finite and integral, within int64.
    [[nodiscard]] static IntResult floatToInt(double value);
    // str_as_float: Rust's f64 grammar after trimming (inf, infinity, nan in
    // any case, with a sign), or with single underscores between digits.
    [[nodiscard]] static std::optional<double> stringToFloat(std::string_view text);
    // str_as_bool: 0 f n no off false / 1 t y on yes true, ASCII case-insensitive.
    [[nodiscard]] static std::optional<bool> stringToBool(std::string_view text);
};

} // namespace pc
