// SPDX-License-Identifier: Apache-2.0
// BcryptHasher: bcrypt through libxcrypt (crypt_gensalt_rn with "$2b$",
// crypt_rn with a zeroed struct crypt_data). Writes "$2b$"; verifies "$2b$",
// "$2a$" and "$2y$"; refuses the buggy "$2x$" and the ancient "$2$". Passwords
// over 72 bytes are refused or truncated with a warning, as the policy says;
// NUL bytes are refused (crypt_rn would stop at them). Immutable; thread-safe.
#pragma once

#include "auth/PasswordHasher.h"

namespace pc {

class BcryptHasher final : public PasswordHasher {
public:
    static constexpr int kMinCost = 4;
    static constexpr int kMaxCost = 31;
    static constexpr std::size_t kMaxPasswordBytes = 72;
    static constexpr std::size_t kSaltBytes = 16;

    // Cost, min/max and the long-password rule come from the policy.
    [[nodiscard]] static Result<std::unique_ptr<BcryptHasher>> create(const PasswordPolicy& policy,
                                                                      const PasswordLimits& limits = {});

    [[nodiscard]] PasswordScheme scheme() const override { return PasswordScheme::Bcrypt; }
    [[nodiscard]] std::size_t saltSize() const override { return kSaltBytes; }
    [[nodiscard]] Result<HashedPassword> hashWithSalt(std::string_view password,
                                                      std::span<const unsigned char> salt) const override;
    [[nodiscard]] Result<PasswordMatch> verify(std::string_view password, std::string_view hash) const override;
    [[nodiscard]] Result<std::optional<std::string>> updateReason(std::string_view hash) const override;

private:
    struct Parsed {
        char ident = 'b'; // the letter after "$2"
        int cost = 0;
    };

    BcryptHasher(const PasswordPolicy& policy, const PasswordLimits& limits);
    [[nodiscard]] Result<Parsed> parse(std::string_view hash) const;
    // The password as crypt_rn takes it (NUL-terminated, at most 72 bytes), or why not.
    [[nodiscard]] Status preparePassword(std::string_view password, std::string_view* used,
                                         std::vector<std::string>* warnings) const;

    int m_cost;
    int m_minCost; // policy min, or the cost itself: weaker hashes are upgraded
    std::optional<int> m_maxCost;
    LongPasswordPolicy m_longPasswords;
};

} // namespace pc
