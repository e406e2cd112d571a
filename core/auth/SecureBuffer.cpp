// SPDX-License-Identifier: Apache-2.0
#include "auth/SecureBuffer.h"

#include <openssl/crypto.h>

#include <cassert>
#include <cstring>

namespace pc {

SecureBuffer SecureBuffer::fromText(std::string_view text)
{
    SecureBuffer buffer(text.size() + 1);
    if (!text.empty()) {
        std::memcpy(buffer.m_bytes.data(), text.data(), text.size());
    }
    buffer.m_terminator = 1;
    return buffer;
}

SecureBuffer::SecureBuffer(SecureBuffer&& other) noexcept
    : m_bytes(std::move(other.m_bytes)), m_terminator(other.m_terminator)
{
    other.m_bytes.clear();
    other.m_terminator = 0;
}

SecureBuffer& SecureBuffer::operator=(SecureBuffer&& other) noexcept
{
    if (this != &other) {
        wipe();
        m_bytes = std::move(other.m_bytes);
        m_terminator = other.m_terminator;
        other.m_bytes.clear();
        other.m_terminator = 0;
    }
    return *this;
}

const char* SecureBuffer::c_str() const
{
    assert(m_terminator == 1);
    return reinterpret_cast<const char*>(m_bytes.data());
}

void SecureBuffer::wipe()
{
    if (!m_bytes.empty()) {
        OPENSSL_cleanse(m_bytes.data(), m_bytes.size());
    }
}

} // namespace pc
