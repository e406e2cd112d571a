// SPDX-License-Identifier: Apache-2.0
// PatternTranslator: rewrites a pattern written for Pydantic's default engine
// (the Rust regex crate) into RE2 syntax with the same meaning, so the engine
// matches what FastAPI matches: \w \d \s (and \W \D \S outside classes)
// become their Unicode classes — RE2's are ASCII-only (validation.md §3.1) —
// and (?<name>…) becomes (?P<name>…), which RE2 2022 requires. Everything
// else is passed through; RE2 reports what it cannot compile.
// Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace pc {

class PatternTranslator {
public:
    [[nodiscard]] static std::string rustToRe2(std::string_view pattern);
};

} // namespace pc
