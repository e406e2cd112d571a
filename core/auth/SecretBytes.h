// SPDX-License-Identifier: Apache-2.0
// SecretBytes: an owned buffer for key material and secret values that is
// wiped (OPENSSL_cleanse) when it is destroyed, reassigned or moved from.
// Move-only; copies are explicit (clone()). Not thread-safe to mutate.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace pc {

class SecretBytes {
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size);
    explicit SecretBytes(std::string_view bytes);
    // Takes the bytes and wipes the source string.
    [[nodiscard]] static SecretBytes adopt(std::string& source);
    ~SecretBytes();

    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;

    [[nodiscard]] SecretBytes clone() const { return SecretBytes(view()); }
    [[nodiscard]] std::string_view view() const { return {m_data, m_size}; }
    [[nodiscard]] const unsigned char* bytes() const { return reinterpret_cast<const unsigned char*>(m_data); }
    [[nodiscard]] unsigned char* bytes() { return reinterpret_cast<unsigned char*>(m_data); }
    [[nodiscard]] char* data() { return m_data; }
    [[nodiscard]] const char* data() const { return m_data; }
    [[nodiscard]] std::span<const unsigned char> span() const { return {bytes(), m_size}; }
    // NUL-terminated for C APIs such as crypt(3); the terminator is not counted in size().
    [[nodiscard]] const char* c_str() const { return m_data != nullptr ? m_data : ""; }
    [[nodiscard]] std::size_t size() const { return m_size; }
    [[nodiscard]] bool empty() const { return m_size == 0; }
    // Shortens the buffer in place; the cut-off bytes are wiped.
    void truncate(std::size_t size);

    // Constant-time for equal lengths (CRYPTO_memcmp); lengths are not secret.
    [[nodiscard]] bool equals(std::string_view other) const;

private:
    void wipe();
    char* m_data = nullptr;
    std::size_t m_size = 0;
};

// Wipes a std::string's bytes in place (for temporaries that held a secret).
void cleanseString(std::string& s);

} // namespace pc
