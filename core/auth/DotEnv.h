// SPDX-License-Identifier: Apache-2.0
// DotEnv: looks one variable up in the text of a dotenv file the way
// python-dotenv and pydantic-settings read it: KEY=VALUE lines, optional
// `export `, # comments, 'single' (literal) and "double" (escapes) quotes that
// may span lines (PEM keys), inline comments after unquoted values, last
// definition wins. Stateless, thread-safe; the value comes back in wiped memory.
#pragma once

#include "auth/SecretBytes.h"
#include "common/Result.h"

#include <optional>
#include <string_view>

namespace pc {

class DotEnv {
public:
    // nullopt when the key is not defined; "dotenv-syntax" (naming the line, never
    // a value) for an unterminated quote.
    [[nodiscard]] static Result<std::optional<SecretBytes>> lookup(std::string_view text, std::string_view key);
};

} // namespace pc
