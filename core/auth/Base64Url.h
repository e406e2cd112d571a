// SPDX-License-Identifier: Apache-2.0
// Base64Url: RFC 4648 §5 base64url without padding, as JOSE uses it (RFC 7515
// §2). Decoding is strict so that every byte string has exactly one accepted
// text: no '=', no '+' or '/', no whitespace, zero pad bits. Stateless.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pc {

class SecretBytes;

class Base64Url {
public:
    [[nodiscard]] static std::string encode(std::string_view bytes);
    // nullopt for any non-canonical or malformed input.
    [[nodiscard]] static std::optional<std::string> decode(std::string_view text);
    // Decodes into wiped-on-destruction memory (JWK "k", "d" and friends).
    [[nodiscard]] static std::optional<SecretBytes> decodeSecret(std::string_view text);
    // For display only (the token debugger): also takes padding, '+', '/' and
    // non-zero pad bits. Never use it on a path that accepts a token.
    [[nodiscard]] static std::optional<std::string> decodeLenient(std::string_view text);
    // Why `text` is not canonical base64url, as a sentence; empty when it is.
    [[nodiscard]] static std::string diagnose(std::string_view text);
};

} // namespace pc
