// SPDX-License-Identifier: Apache-2.0
#include "auth/Base64Url.h"

#include "auth/SecretBytes.h"

#include <array>
#include <cstdint>

namespace pc {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

constexpr std::array<std::int8_t, 256> makeTable()
{
    std::array<std::int8_t, 256> t{};
    for (auto& v : t) {
        v = -1;
    }
    for (std::size_t i = 0; i < kAlphabet.size(); ++i) {
        t[static_cast<unsigned char>(kAlphabet[i])] = static_cast<std::int8_t>(i);
    }
    return t;
}

constexpr std::array<std::int8_t, 256> kTable = makeTable();

// Decodes into `out` (sized by the caller); false on any non-canonical input.
bool decodeInto(std::string_view text, char* out, bool strict = true)
{
    if (text.size() % 4 == 1) {
        return false;
    }
    std::uint32_t acc = 0;
    int bits = 0;
    std::size_t o = 0;
    for (const char c : text) {
        const std::int8_t v = kTable[static_cast<unsigned char>(c)];
        if (v < 0) {
            return false;
        }
        acc = (acc << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[o++] = static_cast<char>((acc >> bits) & 0xFF);
        }
    }
    // The bits left over must be zero, or two texts would decode to the same bytes.
    return !strict || (acc & ((1U << bits) - 1U)) == 0;
}

std::size_t decodedSize(std::string_view text)
{
    return text.size() / 4 * 3 + (text.size() % 4 == 0 ? 0 : text.size() % 4 - 1);
}

} // namespace

std::string Base64Url::encode(std::string_view bytes)
{
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    std::uint32_t acc = 0;
    int bits = 0;
    for (const char c : bytes) {
        acc = (acc << 8) | static_cast<unsigned char>(c);
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += kAlphabet[(acc >> bits) & 0x3F];
        }
    }
    if (bits > 0) {
        out += kAlphabet[(acc << (6 - bits)) & 0x3F];
    }
    return out;
}

std::optional<std::string> Base64Url::decode(std::string_view text)
{
    if (text.size() % 4 == 1) {
        return std::nullopt;
    }
    std::string out(decodedSize(text), '\0');
    if (!decodeInto(text, out.data())) {
        return std::nullopt;
    }
    return out;
}

std::optional<SecretBytes> Base64Url::decodeSecret(std::string_view text)
{
    if (text.size() % 4 == 1) {
        return std::nullopt;
    }
    SecretBytes out(decodedSize(text));
    if (!decodeInto(text, out.data())) {
        return std::nullopt;
    }
    return out;
}

std::optional<std::string> Base64Url::decodeLenient(std::string_view text)
{
    std::string normal;
    normal.reserve(text.size());
    for (const char c : text) {
        if (c == '=') {
            break;
        }
        normal += c == '+' ? '-' : c == '/' ? '_' : c;
    }
    if (normal.size() % 4 == 1) {
        return std::nullopt;
    }
    std::string out(decodedSize(normal), '\0');
    if (!decodeInto(normal, out.data(), false)) {
        return std::nullopt;
    }
    return out;
}

std::string Base64Url::diagnose(std::string_view text)
{
    for (const char c : text) {
        if (c == '=') {
            return "It carries '=' padding, which base64url in JOSE must omit.";
        }
        if (c == '+' || c == '/') {
            return "It uses '+' or '/' from standard base64; base64url uses '-' and '_'.";
        }
        if (kTable[static_cast<unsigned char>(c)] < 0) {
            return "It contains a character outside the base64url alphabet.";
        }
    }
    if (text.size() % 4 == 1) {
        return "Its length cannot be produced by base64url encoding.";
    }
    if (!decode(text)) {
        return "Its last character has non-zero padding bits, so it is not the canonical encoding.";
    }
    return {};
}

} // namespace pc
