// SPDX-License-Identifier: Apache-2.0
// Argon2Hasher: argon2id through libargon2, as the PHC string
// "$argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<tag>" (unpadded standard
// base64) with a 16-byte salt and a 32-byte tag — the string argon2-cffi and
// passlib's argon2 handler read and write. Verification parses and bounds the
// string itself, derives with argon2id_hash_raw and compares with CRYPTO_memcmp.
// Immutable; thread-safe.
#pragma once

#include "auth/PasswordHasher.h"

#include <cstdint>

namespace pc {

class Argon2Hasher final : public PasswordHasher {
public:
    static constexpr std::size_t kSaltBytes = 16;
    static constexpr std::size_t kTagBytes = 32;

    [[nodiscard]] static Result<std::unique_ptr<Argon2Hasher>> create(const PasswordPolicy& policy,
                                                                      const PasswordLimits& limits = {});

    [[nodiscard]] PasswordScheme scheme() const override { return PasswordScheme::Argon2id; }
    [[nodiscard]] std::size_t saltSize() const override { return kSaltBytes; }
    [[nodiscard]] Result<HashedPassword> hashWithSalt(std::string_view password,
                                                      std::span<const unsigned char> salt) const override;
    [[nodiscard]] Result<PasswordMatch> verify(std::string_view password, std::string_view hash) const override;
    [[nodiscard]] Result<std::optional<std::string>> updateReason(std::string_view hash) const override;

private:
    struct Parsed {
        std::uint32_t memoryKib = 0;
        std::uint32_t timeCost = 0;
        std::uint32_t parallelism = 0;
        std::vector<unsigned char> salt;
        std::vector<unsigned char> tag;
    };

    Argon2Hasher(const PasswordPolicy& policy, const PasswordLimits& limits);
    [[nodiscard]] Result<Parsed> parse(std::string_view hash) const;

    std::uint32_t m_memoryKib;
    std::uint32_t m_timeCost;
    std::uint32_t m_parallelism;
};

} // namespace pc
