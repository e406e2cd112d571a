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

} // namespace

std::optional<IpAddress> IpAddress::parse(std::string_view text)
{
    if (text.empty() || text.size() > kMaxText || text.find('\0') != std::string_view::npos) {
        return std::nullopt;
    }
    char buffer[kMaxText + 1];
    std::memcpy(buffer, text.data(), text.size());
    buffer[text.size()] = '\0';
    if (text.find(':') == std::string_view::npos) {
        in_addr v4{};
        if (inet_pton(AF_INET, buffer, &v4) != 1) {
            return std::nullopt;
        }
        IpAddress a;
        std::memcpy(a.m_bytes.data(), &v4, 4);
        return a;
    }
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
    if (isV4()) {
        // By hand: glibc's inet_ntop formats IPv4 through sprintf, a hot-path cost.
        std::string out;
        out.reserve(15);
        for (std::size_t i = 0; i < 4; ++i) {
            if (i > 0) {
                out += '.';
            }
            const unsigned v = m_bytes[i];
            if (v >= 100) {
                out += static_cast<char>('0' + v / 100);
            }
            if (v >= 10) {
                out += static_cast<char>('0' + v / 10 % 10);
            }
            out += static_cast<char>('0' + v % 10);
        }
        return out;
    }
    char buffer[INET6_ADDRSTRLEN] = {};
    inet_ntop(AF_INET6, m_bytes.data(), buffer, sizeof buffer);
    return buffer;
}

} // namespace pc
