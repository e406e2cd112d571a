// SPDX-License-Identifier: Apache-2.0
#include "auth/SecretBytes.h"

#include <openssl/crypto.h>

#include <cstring>
#include <utility>

namespace pc {

// A plain new[] buffer instead of std::string or std::vector: neither may be
// allowed to reallocate behind our back and leave an unwiped copy on the heap.
// One extra zero byte keeps the content NUL-terminated for c_str().
SecretBytes::SecretBytes(std::size_t size) : m_data(size ? new char[size + 1]() : nullptr), m_size(size)
{
}

SecretBytes::SecretBytes(std::string_view bytes) : SecretBytes(bytes.size())
{
    if (!bytes.empty()) {
        std::memcpy(m_data, bytes.data(), bytes.size());
    }
}

SecretBytes SecretBytes::adopt(std::string& source)
{
    SecretBytes out(source);
    cleanseString(source);
    source.clear();
    return out;
}

SecretBytes::~SecretBytes()
{
    wipe();
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0))
{
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept
{
    if (this != &other) {
        wipe();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

void SecretBytes::truncate(std::size_t size)
{
    if (size < m_size) {
        OPENSSL_cleanse(m_data + size, m_size - size);
        m_size = size;
    }
}

bool SecretBytes::equals(std::string_view other) const
{
    if (other.size() != m_size) {
        return false;
    }
    return m_size == 0 || CRYPTO_memcmp(m_data, other.data(), m_size) == 0;
}

void SecretBytes::wipe()
{
    if (m_data != nullptr) {
        // truncate() may have shortened m_size; the allocation is wiped up to
        // the logical size and the tail was wiped when it was cut off.
        OPENSSL_cleanse(m_data, m_size);
        delete[] m_data;
        m_data = nullptr;
    }
    m_size = 0;
}

void cleanseString(std::string& s)
{
    if (!s.empty()) {
        OPENSSL_cleanse(s.data(), s.size());
    }
}

} // namespace pc
