// SPDX-License-Identifier: Apache-2.0
// CidrBlock: an address block such as "10.0.0.0/8" or "2001:db8::/32"; a bare
// address is a block of one (/32 or /128). Host bits after the prefix are
// cleared. IPv4-mapped IPv6 blocks (::ffff:0:0/96 and longer) become IPv4
// blocks, matching IpAddress's normalisation. Value type, thread-safe to share.
#pragma once

#include "engine/IpAddress.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pc {

class CidrBlock {
public:
    CidrBlock() = default; // 0.0.0.0/32
    CidrBlock(IpAddress network, int prefixLength);

    [[nodiscard]] static std::optional<CidrBlock> parse(std::string_view text);
    static constexpr std::string_view grammarHint =
        "write an address (\"203.0.113.7\", \"2001:db8::1\") or a CIDR block (\"10.0.0.0/8\", \"2001:db8::/32\")";

    [[nodiscard]] bool contains(const IpAddress& address) const;
    [[nodiscard]] const IpAddress& network() const { return m_network; }
    [[nodiscard]] int prefixLength() const { return m_prefix; }
    [[nodiscard]] std::string toString() const; // "10.0.0.0/8"

    // True when any block of the list contains the address.
    [[nodiscard]] static bool anyContains(const std::vector<CidrBlock>& blocks, const IpAddress& address);

    bool operator==(const CidrBlock&) const = default;

private:
    IpAddress m_network;
    int m_prefix = 32;
};

} // namespace pc
