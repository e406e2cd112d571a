// SPDX-License-Identifier: Apache-2.0
// PythonJsonParser: reads a request body the way Starlette's request.json() does
// (Python's json.loads on the bytes) into a JsonDocument, with Python's error
// messages and code-point positions so a malformed body yields FastAPI's
// json_invalid item. Also accepts NaN, Infinity and -Infinity like Python, and
// keeps the last value of a duplicated key at its first position (dict
// semantics, as Pydantic's jiter does). Hard limits on size and nesting depth;
// iterative, so hostile nesting cannot exhaust the stack.
// Stateless; parse() is thread-safe.
#pragma once

#include "engine/JsonDocument.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace pc {

class PythonJsonParser {
public:
    struct Options {
        int maxDepth = 32;                // arrays and objects nested deeper fail with TooDeep
        std::size_t maxBytes = 16u << 20; // longer input fails with TooLarge
    };

    enum class Failure {
        None,
        Syntax,     // JSONDecodeError in Python: FastAPI answers 422 json_invalid
        TooDeep,    // beyond Options::maxDepth (Portcullis' limit): answered like Syntax
        NotUtf8,    // UnicodeDecodeError in Python: FastAPI answers 400
        IntTooLong, // > 4300 digits, Python's ValueError: FastAPI answers 400
        TooLarge,   // beyond Options::maxBytes
    };

    struct Outcome {
        JsonDocument document;
        Failure failure = Failure::None;
        std::string message;      // Python's JSONDecodeError.msg, e.g. "Expecting value"
        std::size_t position = 0; // code-point offset into the decoded text (BOM excluded)
        [[nodiscard]] bool ok() const { return failure == Failure::None; }
    };

    [[nodiscard]] static Outcome parse(std::string_view bytes, const Options& options);
    [[nodiscard]] static Outcome parse(std::string_view bytes) { return parse(bytes, Options{}); }

private:
    class Impl;
};

} // namespace pc
