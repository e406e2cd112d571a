// SPDX-License-Identifier: Apache-2.0
#include "engine/CidrBlock.h"

#include <algorithm>
#include <charconv>

namespace pc {

CidrBlock::CidrBlock(IpAddress network, int prefixLength)
    : m_network(network.masked(prefixLength)), m_prefix(std::clamp(prefixLength, 0, network.bitLength()))
{
}

std::optional<CidrBlock> CidrBlock::parse(std::string_view text)
{
    const std::size_t slash = text.find('/');
    const bool mappedText = text.find(':') != std::string_view::npos;
    auto address = IpAddress::parse(text.substr(0, slash));
    if (!address) {
        return std::nullopt;
    }
    if (slash == std::string_view::npos) {
        return CidrBlock(*address, address->bitLength());
    }
    const std::string_view digits = text.substr(slash + 1);
    int prefix = -1;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
    if (digits.empty() || digits.size() > 3 || ec != std::errc() || end != digits.data() + digits.size()) {
        return std::nullopt;
    }
    // An IPv6-spelled block that parsed as IPv4 was ::ffff:a.b.c.d/n: its prefix counts 96 mapped bits.
    const int textBits = mappedText ? 128 : 32;
    if (prefix < 0 || prefix > textBits) {
        return std::nullopt;
    }
    if (mappedText && address->isV4()) {
        if (prefix < 96) {
            return std::nullopt; // wider than the mapped range: not expressible as one IPv4 block
        }
        prefix -= 96;
    }
    return CidrBlock(*address, prefix);
}

bool CidrBlock::contains(const IpAddress& address) const
{
    return m_network.samePrefix(address, m_prefix);
}

std::string CidrBlock::toString() const
{
    return m_network.toString() + "/" + std::to_string(m_prefix);
}

bool CidrBlock::anyContains(const std::vector<CidrBlock>& blocks, const IpAddress& address)
{
    return std::any_of(blocks.begin(), blocks.end(), [&](const CidrBlock& b) { return b.contains(address); });
}

} // namespace pc
