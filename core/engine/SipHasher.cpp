// SPDX-License-Identifier: Apache-2.0
#include "engine/SipHasher.h"

#include <bit>
#include <cstring>

namespace pc {
namespace {

inline void round(std::uint64_t& v0, std::uint64_t& v1, std::uint64_t& v2, std::uint64_t& v3)
{
    v0 += v1;
    v1 = std::rotl(v1, 13);
    v1 ^= v0;
    v0 = std::rotl(v0, 32);
    v2 += v3;
    v3 = std::rotl(v3, 16);
    v3 ^= v2;
    v0 += v3;
    v3 = std::rotl(v3, 21);
    v3 ^= v0;
    v2 += v1;
    v1 = std::rotl(v1, 17);
    v1 ^= v2;
    v2 = std::rotl(v2, 32);
}

} // namespace

SipHasher::SipHasher(const Key& key)
    : m_v0(key[0] ^ 0x736f6d6570736575ULL), m_v1(key[1] ^ 0x646f72616e646f6dULL), m_v2(key[0] ^ 0x6c7967656e657261ULL),
      m_v3(key[1] ^ 0x7465646279746573ULL)
{
}

void SipHasher::compress(std::uint64_t m)
{
    m_v3 ^= m;
    round(m_v0, m_v1, m_v2, m_v3);
    round(m_v0, m_v1, m_v2, m_v3);
    m_v0 ^= m;
}

SipHasher& SipHasher::update(std::string_view bytes)
{
    std::size_t i = 0;
    auto takeByte = [&] {
        const unsigned shift = static_cast<unsigned>(m_length % 8) * 8;
        m_tail |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i++])) << shift;
        if (++m_length % 8 == 0) {
            compress(m_tail);
            m_tail = 0;
        }
    };
    while (i < bytes.size() && m_length % 8 != 0) {
        takeByte();
    }
    if constexpr (std::endian::native == std::endian::little) {
        for (; bytes.size() - i >= 8; i += 8, m_length += 8) {
            std::uint64_t word;
            std::memcpy(&word, bytes.data() + i, 8);
            compress(word);
        }
    }
    while (i < bytes.size()) {
        takeByte();
    }
    return *this;
}

SipHasher& SipHasher::update(std::uint64_t value)
{
    if (m_length % 8 == 0) {
        compress(value);
        m_length += 8;
        return *this;
    }
    char bytes[8];
    for (int i = 0; i < 8; ++i) {
        bytes[i] = static_cast<char>(value >> (8 * i));
    }
    return update(std::string_view(bytes, 8));
}

std::uint64_t SipHasher::finish() const
{
    std::uint64_t v0 = m_v0, v1 = m_v1, v2 = m_v2, v3 = m_v3;
    const std::uint64_t b = (m_length << 56) | m_tail;
    v3 ^= b;
    round(v0, v1, v2, v3);
    round(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    for (int i = 0; i < 4; ++i) {
        round(v0, v1, v2, v3);
    }
    return v0 ^ v1 ^ v2 ^ v3;
}

std::uint64_t SipHasher::hash(const Key& key, std::string_view bytes)
{
    return SipHasher(key).update(bytes).finish();
}

} // namespace pc
