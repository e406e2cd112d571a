// SPDX-License-Identifier: Apache-2.0
// UrlPath: turns the path of a request target into the form routes match on.
// Percent-escapes are decoded (as Starlette sees scope["path"], so "%2F" becomes
// a segment separator); a path that is not origin-form, has a malformed escape,
// decodes to a NUL byte or to invalid UTF-8, or contains a "." or ".." segment
// (with "/" or "\" as separator, ";parameters" ignored, before or after
// decoding) is refused, so no request can climb out of the route it matched on
// its way to an upstream. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace pc {

class UrlPath {
public:
    enum class Problem { None, NotOriginForm, BadEscape, NulByte, DotSegment, BadUtf8 };

    // Decodes `raw` into `out` (cleared first). On a problem `out` is unspecified.
    [[nodiscard]] static Problem decode(std::string_view raw, std::string& out);
    [[nodiscard]] static std::string_view describe(Problem problem);
    // Decodes one query component: '+' is a space, escapes decoded, malformed escapes kept as written.
    [[nodiscard]] static std::string decodeQueryComponent(std::string_view text);
};

} // namespace pc
