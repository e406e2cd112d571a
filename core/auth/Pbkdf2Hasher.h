// SPDX-License-Identifier: Apache-2.0
// Pbkdf2Hasher: PBKDF2-HMAC-SHA256 or -SHA512 through OpenSSL's EVP_KDF, in
// passlib 1.7.4's `pbkdf2_sha256` / `pbkdf2_sha512` format
// "$pbkdf2-sha256$<rounds>$<salt>$<checksum>": salt and checksum in passlib's
// adapted base64 (ab64: '.' instead of '+', no padding), a 16-byte salt and a
// checksum as long as the digest (32 or 64 bytes). Immutable; thread-safe.
#pragma once

#include "auth/OpenSslKdf.h"
#include "auth/PasswordHasher.h"

#include <cstdint>

namespace pc {

class Pbkdf2Hasher final : public PasswordHasher {
public:
    static constexpr std::size_t kSaltBytes = 16;

    // scheme is Pbkdf2Sha256 or Pbkdf2Sha512; the iterations come from the policy field of that scheme.
    [[nodiscard]] static Result<std::unique_ptr<Pbkdf2Hasher>>
    create(PasswordScheme scheme, const PasswordPolicy& policy, const PasswordLimits& limits = {});

    [[nodiscard]] PasswordScheme scheme() const override { return m_scheme; }
    [[nodiscard]] std::size_t saltSize() const override { return kSaltBytes; }
    [[nodiscard]] Result<HashedPassword> hashWithSalt(std::string_view password,
                                                      std::span<const unsigned char> salt) const override;
    [[nodiscard]] Result<PasswordMatch> verify(std::string_view password, std::string_view hash) const override;
    [[nodiscard]] Result<std::optional<std::string>> updateReason(std::string_view hash) const override;

private:
    struct Parsed {
        std::uint32_t iterations = 0;
        std::vector<unsigned char> salt;
        std::vector<unsigned char> checksum;
    };

    Pbkdf2Hasher(PasswordScheme scheme, std::uint32_t iterations, const PasswordLimits& limits);
    [[nodiscard]] Result<Parsed> parse(std::string_view hash) const;
    [[nodiscard]] Pbkdf2Digest digest() const;
    [[nodiscard]] std::size_t checksumSize() const;
    [[nodiscard]] std::string_view ident() const; // "pbkdf2-sha256"

    PasswordScheme m_scheme;
    std::uint32_t m_iterations;
};

} // namespace pc
