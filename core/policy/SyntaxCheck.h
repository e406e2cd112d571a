// SPDX-License-Identifier: Apache-2.0
// SyntaxCheck: the small grammars policy values must follow — HTTP tokens and
// header values (RFC 9110), serialised origins and origin patterns (Fetch),
// http(s) URLs, IP addresses and CIDR blocks, environment variable names,
// media types and Starlette path templates. Each check returns nothing when
// the text is fine, else a problem (a sentence and a hint). Pure, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pc {

struct SyntaxProblem {
    std::string message;
    std::string hint;
};

class SyntaxCheck {
public:
    [[nodiscard]] static bool isToken(std::string_view text);
    [[nodiscard]] static bool isHeaderValue(std::string_view text);
    [[nodiscard]] static bool isEnvName(std::string_view text);
    [[nodiscard]] static bool isMediaType(std::string_view text);
    [[nodiscard]] static bool isIpOrCidr(std::string_view text);
    [[nodiscard]] static bool isHostName(std::string_view text);

    [[nodiscard]] static std::optional<SyntaxProblem> origin(std::string_view text);
    [[nodiscard]] static std::optional<SyntaxProblem> originPattern(std::string_view text);
    [[nodiscard]] static std::optional<SyntaxProblem> pathTemplate(std::string_view text);

    enum class UrlVerdict { Ok, NotHttp, NoHost, HasCredentials, Malformed };
    // Absolute http or https URL; credentials in it are reported separately
    // because they are a secret written inline.
    [[nodiscard]] static UrlVerdict httpUrl(std::string_view text);
};

} // namespace pc
