// SPDX-License-Identifier: Apache-2.0
// Error: one located, user-facing failure. Values, never exceptions.
// `code` is stable and testable; `message` and `hint` are sentences for people;
// `pointer` is a JSON pointer into the policy document and `line`/`column`
// are filled in when the document came from a file (1-based; 0 = unknown).
#pragma once

#include <string>
#include <vector>

namespace pc {

struct Error {
    std::string code;    // e.g. "unknown-key", "bad-duration"
    std::string message; // what is wrong, as a sentence
    std::string pointer; // where, as a JSON pointer ("" is the whole document)
    std::string hint;    // what to do about it (may be empty)
    std::string file;    // source file, when known
    int line = 0;
    int column = 0;

    bool operator==(const Error&) const = default;

    // "file:line:col: pointer: message (hint)" — the CLI's and the GUI's wording.
    [[nodiscard]] std::string toString() const;
};

using Errors = std::vector<Error>;

[[nodiscard]] Error makeError(std::string code, std::string message, std::string pointer = {}, std::string hint = {});

} // namespace pc
