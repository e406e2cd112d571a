// SPDX-License-Identifier: Apache-2.0
// JsonText: the exact spellings FastAPI's answers use — strings as Python's
// json.dumps(ensure_ascii=False) writes them, floats as Python's repr(), and
// floats in Pydantic messages as Rust's Display prints them ("100", not "100.0").
// Stateless functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace pc {

class JsonText {
public:
    // "..." with \" \\ \n \r \t \b \f and \u00XX for other control characters.
    static void appendString(std::string& out, std::string_view utf8);
    [[nodiscard]] static std::string quote(std::string_view utf8);
    // Python repr(float): 1.0, 0.1, 1e+16, 1e-05, inf, nan.
    [[nodiscard]] static std::string pythonFloat(double value);
    // A float as JSON: Python's repr, and null for NaN and infinities
    // (Starlette refuses them; Portcullis keeps the body valid JSON).
    static void appendFloat(std::string& out, double value);
    // Rust's `{}` for f64: shortest digits, never an exponent, no ".0": 100, 0.5, 1e20 -> "100000000000000000000".
    [[nodiscard]] static std::string rustFloat(double value);
    // Python repr(str): 'abc', "it's", with backslash escapes.
    [[nodiscard]] static std::string pythonRepr(std::string_view utf8);
};

} // namespace pc
