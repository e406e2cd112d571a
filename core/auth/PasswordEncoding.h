// SPDX-License-Identifier: Apache-2.0
// The text codecs of modular-crypt and PHC hash strings: unpadded base64 in
// the standard alphabet (PHC, passlib's scrypt "b64s") and in passlib's
// "adapted" alphabet (ab64: '.' instead of '+', used by $pbkdf2-sha256$), and
// strict decimal fields. Pure functions with size limits; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pc {

enum class Base64Alphabet {
    Standard, // A-Z a-z 0-9 + /   (passlib b64s_encode, PHC strings, libargon2)
    Adapted,  // A-Z a-z 0-9 . /   (passlib ab64_encode); decoding also accepts '+', as passlib does
};

[[nodiscard]] std::string encodeBase64Unpadded(std::span<const unsigned char> bytes, Base64Alphabet alphabet);

// Rejects padding, whitespace, characters outside the alphabet, a length of
// 4k+1, non-zero unused trailing bits, and results longer than maxBytes.
[[nodiscard]] std::optional<std::vector<unsigned char>>
decodeBase64Unpadded(std::string_view text, Base64Alphabet alphabet, std::size_t maxBytes);

// Digits only, no sign, no leading zero (passlib refuses zero-padded rounds), value <= max.
[[nodiscard]] std::optional<std::uint64_t> parseDecimalField(std::string_view text, std::uint64_t max);

// Splits on `separator`, keeping empty fields ("$a$$b" -> "", "a", "", "b").
[[nodiscard]] std::vector<std::string_view> splitHashFields(std::string_view text, char separator);

// "name=value" with the expected name, for PHC parameter lists ("m=19456").
[[nodiscard]] std::optional<std::uint64_t> parseNamedDecimal(std::string_view field, std::string_view name,
                                                             std::uint64_t max);

} // namespace pc
