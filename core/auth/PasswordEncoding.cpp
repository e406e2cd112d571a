// SPDX-License-Identifier: Apache-2.0
#include "auth/PasswordEncoding.h"

namespace pc {

namespace {

constexpr std::string_view kStandard = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int decodeChar(char c, Base64Alphabet alphabet)
{
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }
    if (c == '/') {
        return 63;
    }
    if (c == '+' || (c == '.' && alphabet == Base64Alphabet::Adapted)) {
        return 62;
    }
    return -1;
}

} // namespace

std::string encodeBase64Unpadded(std::span<const unsigned char> bytes, Base64Alphabet alphabet)
{
    const char plus = alphabet == Base64Alphabet::Adapted ? '.' : '+';
    auto symbol = [&](std::uint32_t index) { return index == 62 ? plus : kStandard[index]; };
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t n = (std::uint32_t(bytes[i]) << 16) | (std::uint32_t(bytes[i + 1]) << 8) | bytes[i + 2];
        out += symbol((n >> 18) & 63);
        out += symbol((n >> 12) & 63);
        out += symbol((n >> 6) & 63);
        out += symbol(n & 63);
    }
    const std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        const std::uint32_t n = std::uint32_t(bytes[i]) << 16;
        out += symbol((n >> 18) & 63);
        out += symbol((n >> 12) & 63);
    } else if (rest == 2) {
        const std::uint32_t n = (std::uint32_t(bytes[i]) << 16) | (std::uint32_t(bytes[i + 1]) << 8);
        out += symbol((n >> 18) & 63);
        out += symbol((n >> 12) & 63);
        out += symbol((n >> 6) & 63);
    }
    return out;
}

std::optional<std::vector<unsigned char>> decodeBase64Unpadded(std::string_view text, Base64Alphabet alphabet,
                                                               std::size_t maxBytes)
{
    if (text.size() % 4 == 1 || text.size() > (maxBytes / 3 + 1) * 4) {
        return std::nullopt;
    }
    std::vector<unsigned char> out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t accumulator = 0;
    int bits = 0;
    for (const char c : text) {
        const int value = decodeChar(c, alphabet);
        if (value < 0) {
            return std::nullopt;
        }
        accumulator = (accumulator << 6) | std::uint32_t(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<unsigned char>((accumulator >> bits) & 0xFF));
        }
    }
    // Unused trailing bits must be zero: one string per byte sequence.
    if (bits > 0 && (accumulator & ((1U << bits) - 1)) != 0) {
        return std::nullopt;
    }
    if (out.size() > maxBytes) {
        return std::nullopt;
    }
    return out;
}

std::optional<std::uint64_t> parseDecimalField(std::string_view text, std::uint64_t max)
{
    if (text.empty() || text.size() > 20 || (text.size() > 1 && text.front() == '0')) {
        return std::nullopt;
    }
    std::uint64_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        const auto digit = std::uint64_t(c - '0');
        if (digit > max || value > (max - digit) / 10) {
            return std::nullopt;
        }
        value = value * 10 + digit;
    }
    return value;
}

std::vector<std::string_view> splitHashFields(std::string_view text, char separator)
{
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (true) {
        const std::size_t at = text.find(separator, start);
        if (at == std::string_view::npos) {
            fields.push_back(text.substr(start));
            return fields;
        }
        fields.push_back(text.substr(start, at - start));
        start = at + 1;
    }
}

std::optional<std::uint64_t> parseNamedDecimal(std::string_view field, std::string_view name, std::uint64_t max)
{
    if (field.size() <= name.size() + 1 || field.substr(0, name.size()) != name || field[name.size()] != '=') {
        return std::nullopt;
    }
    return parseDecimalField(field.substr(name.size() + 1), max);
}

} // namespace pc
