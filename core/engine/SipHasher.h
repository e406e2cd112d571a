// SPDX-License-Identifier: Apache-2.0
// SipHasher: SipHash-2-4 (Aumasson & Bernstein), a keyed 64-bit hash. With a
// secret random key, nobody who can choose the input (a header value, a
// claim) can predict or provoke collisions. Incremental; one instance per
// computation, not thread-safe; the key itself may be shared.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace pc {

class SipHasher {
public:
    using Key = std::array<std::uint64_t, 2>;

    explicit SipHasher(const Key& key);

    SipHasher& update(std::string_view bytes);
    SipHasher& update(std::uint64_t value); // 8 bytes, little-endian
    [[nodiscard]] std::uint64_t finish() const;

    [[nodiscard]] static std::uint64_t hash(const Key& key, std::string_view bytes);

private:
    void compress(std::uint64_t m);

    std::uint64_t m_v0, m_v1, m_v2, m_v3;
    std::uint64_t m_tail = 0;   // pending bytes, little-endian
    std::uint64_t m_length = 0; // total bytes seen
};

} // namespace pc
