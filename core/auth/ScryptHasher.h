// SPDX-License-Identifier: Apache-2.0
// ScryptHasher: scrypt through OpenSSL's EVP_KDF, in passlib 1.7.4's `scrypt`
// format "$scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<checksum>": salt and 32-byte
// checksum in unpadded *standard* base64 (passlib's b64s_encode — not the
// adapted alphabet of its pbkdf2 hashes), a 16-byte salt. passlib's "$7$"
// variant is refused. Immutable; thread-safe.
#pragma once

#include "auth/PasswordHasher.h"

#include <cstdint>

namespace pc {

class ScryptHasher final : public PasswordHasher {
public:
    static constexpr std::size_t kSaltBytes = 16;
    static constexpr std::size_t kChecksumBytes = 32;

    [[nodiscard]] static Result<std::unique_ptr<ScryptHasher>> create(const PasswordPolicy& policy,
                                                                      const PasswordLimits& limits = {});

    [[nodiscard]] PasswordScheme scheme() const override { return PasswordScheme::Scrypt; }
    [[nodiscard]] std::size_t saltSize() const override { return kSaltBytes; }
    [[nodiscard]] Result<HashedPassword> hashWithSalt(std::string_view password,
                                                      std::span<const unsigned char> salt) const override;
    [[nodiscard]] Result<PasswordMatch> verify(std::string_view password, std::string_view hash) const override;
    [[nodiscard]] Result<std::optional<std::string>> updateReason(std::string_view hash) const override;

private:
    struct Parsed {
        int logN = 0;
        std::uint32_t r = 0;
        std::uint32_t p = 0;
        std::vector<unsigned char> salt;
        std::vector<unsigned char> checksum;
    };

    ScryptHasher(const PasswordPolicy& policy, const PasswordLimits& limits);
    [[nodiscard]] Result<Parsed> parse(std::string_view hash) const;

    int m_logN;
    std::uint32_t m_r;
    std::uint32_t m_p;
};

} // namespace pc
