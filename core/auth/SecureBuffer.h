// SPDX-License-Identifier: Apache-2.0
// SecureBuffer: a fixed-size byte buffer for passwords and the bytes derived
// from them; it wipes itself (OPENSSL_cleanse) when destroyed or reassigned.
// Move-only, never resized after construction (a reallocation would leave an
// unwiped copy behind). Not thread-safe to mutate concurrently.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace pc {

class SecureBuffer {
public:
    SecureBuffer() = default;
    explicit SecureBuffer(std::size_t size) : m_bytes(size, 0) {}
    // Copies `text` and appends one NUL byte that size() does not count, for C APIs.
    static SecureBuffer fromText(std::string_view text);

    ~SecureBuffer() { wipe(); }
    SecureBuffer(SecureBuffer&& other) noexcept;
    SecureBuffer& operator=(SecureBuffer&& other) noexcept;
    SecureBuffer(const SecureBuffer&) = delete;
    SecureBuffer& operator=(const SecureBuffer&) = delete;

    [[nodiscard]] unsigned char* data() { return m_bytes.data(); }
    [[nodiscard]] const unsigned char* data() const { return m_bytes.data(); }
    [[nodiscard]] std::size_t size() const { return m_bytes.size() - m_terminator; }
    [[nodiscard]] std::span<const unsigned char> bytes() const { return {m_bytes.data(), size()}; }
    [[nodiscard]] const char* c_str() const; // only for buffers made by fromText()

    void wipe();

private:
    std::vector<unsigned char> m_bytes;
    std::size_t m_terminator = 0; // 1 when a trailing NUL was added by fromText()
};

} // namespace pc
