// SPDX-License-Identifier: Apache-2.0
#include "auth/PasswordHasher.h"

#include "auth/Argon2Hasher.h"
#include "auth/BcryptHasher.h"
#include "auth/Pbkdf2Hasher.h"
#include "auth/ScryptHasher.h"

#include <openssl/rand.h>

#include <array>

namespace pc {

namespace {

constexpr std::size_t kMaxHashLength = 4096;

struct KnownPrefix {
    std::string_view prefix;
    std::optional<PasswordScheme> scheme; // nullopt: recognised but refused
    std::string_view why;                 // for refused ones
};

// Longest prefixes first where one is a prefix of another ("$argon2id$" / "$argon2i$").
constexpr std::array<KnownPrefix, 16> kPrefixes{{
    {"$2b$", PasswordScheme::Bcrypt, {}},
    {"$2a$", PasswordScheme::Bcrypt, {}},
    {"$2y$", PasswordScheme::Bcrypt, {}},
    {"$argon2id$", PasswordScheme::Argon2id, {}},
    {"$scrypt$", PasswordScheme::Scrypt, {}},
    {"$pbkdf2-sha256$", PasswordScheme::Pbkdf2Sha256, {}},
    {"$pbkdf2-sha512$", PasswordScheme::Pbkdf2Sha512, {}},
    {"$2x$", std::nullopt, "bcrypt \"$2x$\" reproduces the 8-bit bug of crypt_blowfish 1.0.4 and earlier"},
    {"$2$", std::nullopt, "bcrypt \"$2$\" is the original format with known flaws"},
    {"$argon2i$", std::nullopt, "argon2i is not accepted; only argon2id is"},
    {"$argon2d$", std::nullopt, "argon2d is not accepted; only argon2id is"},
    {"$7$", std::nullopt, "the \"$7$\" scrypt format is not accepted; only passlib's \"$scrypt$\" is"},
    {"$pbkdf2$", std::nullopt, "PBKDF2-HMAC-SHA1 is not accepted; only SHA-256 and SHA-512 are"},
    {"$y$", std::nullopt, "yescrypt is not a scheme this policy can name"},
    {"$6$", std::nullopt, "SHA-512 crypt is not a scheme this policy can name"},
    {"$1$", std::nullopt, "MD5 crypt is broken and not accepted"},
}};

} // namespace

Result<HashedPassword> PasswordHasher::hash(std::string_view password) const
{
    std::vector<unsigned char> salt(saltSize());
    if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) {
        return makeError("random-failed", "The system's random number generator did not provide a salt.");
    }
    return hashWithSalt(password, salt);
}

Status PasswordHasher::checkPasswordLength(std::string_view password) const
{
    if (password.size() > m_limits.maxPasswordBytes) {
        return makeError("password-too-long",
                         "The password is " + std::to_string(password.size()) + " bytes long; at most " +
                             std::to_string(m_limits.maxPasswordBytes) + " bytes are accepted.",
                         {}, "no real password needs more; longer inputs would only cost CPU");
    }
    return Ok{};
}

Result<PasswordScheme> identifyPasswordHash(std::string_view hash)
{
    if (hash.size() > kMaxHashLength) {
        return makeError("malformed-hash", "The stored hash is longer than any hash this program writes or reads (" +
                                               std::to_string(kMaxHashLength) + " characters).");
    }
    for (const auto& known : kPrefixes) {
        if (hash.starts_with(known.prefix)) {
            if (known.scheme) {
                return *known.scheme;
            }
            return makeError("unsupported-hash", "The stored hash is not accepted: " + std::string(known.why) + ".", {},
                             "ask the user to reset the password so that it is hashed with the policy's scheme");
        }
    }
    return makeError("unknown-hash", "The stored hash is not in a format this program knows.", {},
                     "expected $2b$ (bcrypt), $argon2id$, $scrypt$, $pbkdf2-sha256$ or $pbkdf2-sha512$");
}

Result<std::unique_ptr<PasswordHasher>> makePasswordHasher(PasswordScheme scheme, const PasswordPolicy& policy,
                                                           const PasswordLimits& limits)
{
    auto upcast = [](auto result) -> Result<std::unique_ptr<PasswordHasher>> {
        if (!result) {
            return result.errors();
        }
        return std::unique_ptr<PasswordHasher>(std::move(result).value());
    };
    switch (scheme) {
    case PasswordScheme::Bcrypt:
        return upcast(BcryptHasher::create(policy, limits));
    case PasswordScheme::Argon2id:
        return upcast(Argon2Hasher::create(policy, limits));
    case PasswordScheme::Scrypt:
        return upcast(ScryptHasher::create(policy, limits));
    case PasswordScheme::Pbkdf2Sha256:
    case PasswordScheme::Pbkdf2Sha512:
        return upcast(Pbkdf2Hasher::create(scheme, policy, limits));
    }
    return makeError("unknown-scheme", "The password scheme is not one this program implements.",
                     std::string(passwordfield::kScheme));
}

} // namespace pc
