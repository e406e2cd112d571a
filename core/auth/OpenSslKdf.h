// SPDX-License-Identifier: Apache-2.0
// The raw key-derivation calls behind the scrypt and PBKDF2 hashers, through
// OpenSSL 3's EVP_KDF ("SCRYPT", "PBKDF2"). Exposed so that the RFC 7914
// known-answer vectors run through exactly the calls the hashers make. The
// caller bounds the parameters (PasswordLimits); the output wipes itself.
// Stateless; thread-safe.
#pragma once

#include "auth/SecretBytes.h"
#include "common/Result.h"

#include <cstdint>
#include <span>
#include <string_view>

namespace pc {

enum class Pbkdf2Digest { Sha256, Sha512 };

// scrypt(P, S, N = 2^logN, r, p, dkLen). maxmem is set to exactly what these
// parameters need, so OpenSSL's own 1 GiB default never refuses a valid call.
[[nodiscard]] Result<SecretBytes> deriveScrypt(std::string_view password, std::span<const unsigned char> salt,
                                                int logN, std::uint32_t r, std::uint32_t p, std::size_t length);

// PBKDF2-HMAC-SHA256/512 with SP 800-132's lower-bound checks off (passlib
// hashes may have short salts; the policy sets the floors, not OpenSSL).
[[nodiscard]] Result<SecretBytes> derivePbkdf2(Pbkdf2Digest digest, std::string_view password,
                                                std::span<const unsigned char> salt, std::uint64_t iterations,
                                                std::size_t length);

} // namespace pc
