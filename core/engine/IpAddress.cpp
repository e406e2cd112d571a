// SPDX-License-Identifier: Apache-2.0
#include "engine/IpAddress.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

namespace pc {
namespace {

constexpr std::size_t kMaxText = 45; // INET6_ADDRSTRLEN - 1

bool isMappedV4(const std::array<std::uint8_t, 16>& b)
{
    return std::all_of(b.begin(), b.begin() + 10, [](std::uint8_t x) { return x == 0; }) && b[10] == 0xff &&
           b[11] == 0xff;
}

// glibc's inet_pton4, by hand (it is on every request's path): exactly four decimal octets of
// 0-255 without leading zeros, separated by single dots, nothing else.
bool parseV4(std::string_view text, std::array<std::uint8_t, 16>& bytes)
{
    std::size_t octets = 0;
    unsigned value = 0;
    bool sawDigit = false;
    for (const char ch : text) {
        if (ch >= '0' && ch <= '9') {
            if (sawDigit && value == 0) {
                return false;
            }
            value = value * 10 + static_cast<unsigned>(ch - '0');
            if (value > 255) {
                return false;
            }
            if (!sawDigit) {
                if (++octets > 4) {
                    return false;
                }
                sawDigit = true;
            }
            bytes[octets - 1] = static_cast<std::uint8_t>(value);
        } else if (ch == '.' && sawDigit) {
            if (octets == 4) {
                return false;
            }
            value = 0;
            sawDigit = false;
        } else {
            return false;
        }
    }
    return octets == 4;
}

} // namespace

std::optional<IpAddress> IpAddress::parse(std::string_view text)
{
    if (text.empty() || text.size() > kMaxText) {
        return std::nullopt;
    }
    if (text.find(':') == std::string_view::npos) {
        IpAddress a;
        if (!parseV4(text, a.m_bytes)) { // rejects NUL like any other non-digit
            return std::nullopt;
        }
        return a;
    }
    if (text.find('\0') != std::string_view::npos) {
        return std::nullopt;
    }
    char buffer[kMaxText + 1];
    std::memcpy(buffer, text.data(), text.size());
    buffer[text.size()] = '\0';
    in6_addr v6{};
    if (inet_pton(AF_INET6, buffer, &v6) != 1) {
        return std::nullopt;
    }
    std::array<std::uint8_t, 16> bytes{};
    std::memcpy(bytes.data(), &v6, 16);
    return fromV6(bytes);
}

IpAddress IpAddress::fromV4(std::uint32_t hostOrder)
{
    IpAddress a;
    a.m_bytes[0] = static_cast<std::uint8_t>(hostOrder >> 24);
    a.m_bytes[1] = static_cast<std::uint8_t>(hostOrder >> 16);
    a.m_bytes[2] = static_cast<std::uint8_t>(hostOrder >> 8);
    a.m_bytes[3] = static_cast<std::uint8_t>(hostOrder);
    return a;
}

IpAddress IpAddress::fromV6(const std::array<std::uint8_t, 16>& bytes)
{
    IpAddress a;
    if (isMappedV4(bytes)) {
        std::copy(bytes.begin() + 12, bytes.end(), a.m_bytes.begin());
        return a;
    }
    a.m_bytes = bytes;
    a.m_family = Family::V6;
    return a;
}

IpAddress IpAddress::masked(int prefix) const
{
    IpAddress out = *this;
    const int bits = bitLength();
    prefix = std::clamp(prefix, 0, bits);
    for (int byte = 0; byte < bits / 8; ++byte) {
        const int keep = std::clamp(prefix - byte * 8, 0, 8);
        const auto mask = static_cast<std::uint8_t>(keep == 0 ? 0 : 0xff << (8 - keep));
        out.m_bytes[static_cast<std::size_t>(byte)] &= mask;
    }
    return out;
}

bool IpAddress::samePrefix(const IpAddress& other, int prefix) const
{
    return m_family == other.m_family && masked(prefix) == other.masked(prefix);
}

bool IpAddress::operator<(const IpAddress& other) const
{
    if (m_family != other.m_family) {
        return isV4();
    }
    return m_bytes < other.m_bytes;
}

std::string IpAddress::toString() const
{
    std::string out;
    appendTo(out);
    return out;
}

void IpAddress::appendTo(std::string& out) const
{
    if (isV4()) {
        // By hand into a buffer: glibc's inet_ntop formats IPv4 through sprintf, a hot-path cost.
        char buffer[16];
        char* p = buffer;
        for (std::size_t i = 0; i < 4; ++i) {
            if (i > 0) {
                *p++ = '.';
            }
            const unsigned v = m_bytes[i];
            if (v >= 100) {
                *p++ = static_cast<char>('0' + v / 100);
            }
            if (v >= 10) {
                *p++ = static_cast<char>('0' + v / 10 % 10);
            }
            *p++ = static_cast<char>('0' + v % 10);
        }
        out.append(buffer, p);
        return;
    }
    char buffer[INET6_ADDRSTRLEN] = {};
    inet_ntop(AF_INET6, m_bytes.data(), buffer, sizeof buffer);
    out += buffer;
}

} // namespace pc
