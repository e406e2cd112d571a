// SPDX-License-Identifier: Apache-2.0
// PasswordHasher: one password-hashing scheme behind a small interface — hash a
// password with the configured parameters and a fresh salt, verify a password
// against a stored hash of the scheme in constant time, and say whether a stored
// hash should be redone with the configured parameters (passlib's needs_update).
// Hashers are immutable after construction: every method is thread-safe.
#pragma once

#include "auth/PasswordLimits.h"
#include "common/Result.h"
#include "policy/AuthPolicy.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pc {

struct HashedPassword {
    std::string hash;                  // the storable string, e.g. "$2b$12$..."
    std::vector<std::string> warnings; // e.g. bcrypt truncated the password
};

struct PasswordMatch {
    bool matches = false;
    std::vector<std::string> warnings;
};

class PasswordHasher {
public:
    virtual ~PasswordHasher() = default;
    PasswordHasher(const PasswordHasher&) = delete;
    PasswordHasher& operator=(const PasswordHasher&) = delete;

    [[nodiscard]] virtual PasswordScheme scheme() const = 0;
    [[nodiscard]] virtual std::size_t saltSize() const = 0;

    // A new hash salted with saltSize() bytes from RAND_bytes.
    [[nodiscard]] Result<HashedPassword> hash(std::string_view password) const;

    // The same with a caller-chosen salt: for known-answer tests and cross-checks.
    [[nodiscard]] virtual Result<HashedPassword> hashWithSalt(std::string_view password,
                                                              std::span<const unsigned char> salt) const = 0;

    // An error for a malformed hash, a hash of another scheme or variant, parameters
    // beyond the limits, or a password the scheme cannot take; matches=false for a
    // wrong password. The comparison of derived bytes is constant-time.
    [[nodiscard]] virtual Result<PasswordMatch> verify(std::string_view password, std::string_view hash) const = 0;

    // nullopt when the stored hash is as strong as the configured parameters
    // ask for, else a sentence saying why it should be redone.
    [[nodiscard]] virtual Result<std::optional<std::string>> updateReason(std::string_view hash) const = 0;

    [[nodiscard]] const PasswordLimits& limits() const { return m_limits; }

protected:
    explicit PasswordHasher(const PasswordLimits& limits) : m_limits(limits) {}

    // Refuses passwords longer than limits().maxPasswordBytes.
    [[nodiscard]] Status checkPasswordLength(std::string_view password) const;

private:
    PasswordLimits m_limits;
};

// Which scheme wrote `hash`, from its prefix: "$2b$"/"$2a$"/"$2y$" bcrypt,
// "$argon2id$", "$scrypt$", "$pbkdf2-sha256$", "$pbkdf2-sha512$". Hashes of
// families we know but do not accept ("$2x$", "$argon2i$", "$7$", "$pbkdf2$",
// "$y$" ...) get an "unsupported-hash" error saying why; anything else "unknown-hash".
[[nodiscard]] Result<PasswordScheme> identifyPasswordHash(std::string_view hash);

// A hasher of `scheme` with the policy's parameters for it, checked against
// `limits`; errors point at the offending policy field.
[[nodiscard]] Result<std::unique_ptr<PasswordHasher>>
makePasswordHasher(PasswordScheme scheme, const PasswordPolicy& policy, const PasswordLimits& limits = {});

// JSON pointers of the password policy fields, for errors about them.
namespace passwordfield {
inline constexpr std::string_view kScheme = "/auth/passwords/scheme";
inline constexpr std::string_view kAccept = "/auth/passwords/accept";
inline constexpr std::string_view kBcryptRounds = "/auth/passwords/bcrypt/rounds";
inline constexpr std::string_view kBcryptMinRounds = "/auth/passwords/bcrypt/min_rounds";
inline constexpr std::string_view kBcryptMaxRounds = "/auth/passwords/bcrypt/max_rounds";
inline constexpr std::string_view kArgon2Memory = "/auth/passwords/argon2id/memory_kib";
inline constexpr std::string_view kArgon2Time = "/auth/passwords/argon2id/time_cost";
inline constexpr std::string_view kArgon2Parallelism = "/auth/passwords/argon2id/parallelism";
inline constexpr std::string_view kScryptLogN = "/auth/passwords/scrypt/log_n";
inline constexpr std::string_view kScryptR = "/auth/passwords/scrypt/r";
inline constexpr std::string_view kScryptP = "/auth/passwords/scrypt/p";
inline constexpr std::string_view kPbkdf2Sha256 = "/auth/passwords/pbkdf2_sha256/iterations";
inline constexpr std::string_view kPbkdf2Sha512 = "/auth/passwords/pbkdf2_sha512/iterations";
} // namespace passwordfield

} // namespace pc
