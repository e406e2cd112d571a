// SPDX-License-Identifier: Apache-2.0
// RegexCharClasses: the character sets RegexSyntax builds for escapes (\d,
// \w, \s), POSIX classes ([:alpha:]) and ranges, as ASCII bitmaps with a
// "some non-ASCII" flag. Pure functions; thread-safe.
#pragma once

#include "engine/RegexSyntax.h"

#include <string_view>

namespace pc::regex_chars {

[[nodiscard]] RegexSyntax::CharSet range(unsigned char from, unsigned char to);
[[nodiscard]] RegexSyntax::CharSet single(unsigned char c);
[[nodiscard]] RegexSyntax::CharSet digits();
[[nodiscard]] RegexSyntax::CharSet word();
[[nodiscard]] RegexSyntax::CharSet space();
[[nodiscard]] RegexSyntax::CharSet complement(RegexSyntax::CharSet set);
[[nodiscard]] RegexSyntax::CharSet anyChar();
// A POSIX class name without the brackets, e.g. "alpha".
[[nodiscard]] RegexSyntax::CharSet posixClass(std::string_view name);

} // namespace pc::regex_chars
