// SPDX-License-Identifier: Apache-2.0
#include "auth/BcryptHasher.h"

#include "auth/SecretBytes.h"

#include <crypt.h>
#include <openssl/crypto.h>

#include <cstring>

namespace pc {

namespace {

constexpr std::size_t kHashLength = 60; // "$2b$12$" + 22 salt + 31 checksum
constexpr std::string_view kBcrypt64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

// Holds crypt_rn's 32 KiB working area off the stack and wipes it afterwards:
// it contains the expanded key schedule of the password.
class CryptArea {
public:
    CryptArea() : m_data(std::make_unique<crypt_data>()) { std::memset(m_data.get(), 0, sizeof(crypt_data)); }
    ~CryptArea() { OPENSSL_cleanse(m_data.get(), sizeof(crypt_data)); }
    CryptArea(const CryptArea&) = delete;
    CryptArea& operator=(const CryptArea&) = delete;
    crypt_data* get() { return m_data.get(); }

private:
    std::unique_ptr<crypt_data> m_data;
};

Status checkCost(int cost, std::string_view pointer, const PasswordLimits& limits)
{
    if (cost < BcryptHasher::kMinCost || cost > BcryptHasher::kMaxCost) {
        return makeError("parameters-out-of-range",
                         "The bcrypt cost " + std::to_string(cost) + " is outside bcrypt's range of 4 to 31.",
                         std::string(pointer), "use a cost of at least 10 (OWASP), typically 12");
    }
    if (cost > limits.maxBcryptCost) {
        return makeError("parameters-too-costly",
                         "The bcrypt cost " + std::to_string(cost) +
                             " would take too long: this build allows at most " + std::to_string(limits.maxBcryptCost) +
                             ".",
                         std::string(pointer), "each step doubles the time; calibrate to find a cost near 250 ms");
    }
    return Ok{};
}

} // namespace

BcryptHasher::BcryptHasher(const PasswordPolicy& policy, const PasswordLimits& limits)
    : PasswordHasher(limits), m_cost(policy.bcryptRounds), m_minCost(policy.bcryptMinRounds.value_or(m_cost)),
      m_maxCost(policy.bcryptMaxRounds), m_longPasswords(policy.bcryptLongPasswords)
{
}

Result<std::unique_ptr<BcryptHasher>> BcryptHasher::create(const PasswordPolicy& policy, const PasswordLimits& limits)
{
    if (auto s = checkCost(policy.bcryptRounds, passwordfield::kBcryptRounds, limits); !s) {
        return s.error();
    }
    for (const auto& [bound, pointer] : {std::pair{policy.bcryptMinRounds, passwordfield::kBcryptMinRounds},
                                         std::pair{policy.bcryptMaxRounds, passwordfield::kBcryptMaxRounds}}) {
        if (bound && (*bound < kMinCost || *bound > kMaxCost)) {
            return makeError("parameters-out-of-range",
                             "The bcrypt round bound " + std::to_string(*bound) +
                                 " is outside bcrypt's range of 4 to 31.",
                             std::string(pointer));
        }
    }
    const int minCost = policy.bcryptMinRounds.value_or(policy.bcryptRounds);
    if (minCost > policy.bcryptRounds || (policy.bcryptMaxRounds && *policy.bcryptMaxRounds < policy.bcryptRounds)) {
        return makeError("parameters-out-of-range",
                         "The bcrypt cost " + std::to_string(policy.bcryptRounds) +
                             " lies outside its own minimum and maximum, so every new hash would need an update.",
                         std::string(passwordfield::kBcryptRounds),
                         "make bcrypt_min_rounds <= bcrypt_rounds <= bcrypt_max_rounds");
    }
    return std::unique_ptr<BcryptHasher>(new BcryptHasher(policy, limits));
}

Status BcryptHasher::preparePassword(std::string_view password, std::string_view* used,
                                     std::vector<std::string>* warnings) const
{
    if (auto s = checkPasswordLength(password); !s) {
        return s;
    }
    if (password.find('\0') != std::string_view::npos) {
        return makeError(
            "password-has-nul",
            "The password contains a NUL byte, which bcrypt cannot hash: it would ignore everything after it.", {},
            "use argon2id, scrypt or PBKDF2 to accept any bytes");
    }
    *used = password;
    if (password.size() > kMaxPasswordBytes) {
        if (m_longPasswords == LongPasswordPolicy::Refuse) {
            return makeError("password-too-long",
                             "The password is " + std::to_string(password.size()) +
                                 " bytes long; bcrypt uses only the first 72 and this policy refuses longer passwords.",
                             {}, "use a shorter password, or a scheme without the limit (argon2id)");
        }
        *used = password.substr(0, kMaxPasswordBytes);
        warnings->push_back("The password is " + std::to_string(password.size()) +
                            " bytes long; bcrypt used only its first 72 bytes.");
    }
    return Ok{};
}

Result<HashedPassword> BcryptHasher::hashWithSalt(std::string_view password, std::span<const unsigned char> salt) const
{
    HashedPassword out;
    std::string_view used;
    if (auto s = preparePassword(password, &used, &out.warnings); !s) {
        return s.error();
    }
    if (salt.size() != kSaltBytes) {
        return makeError("bad-salt", "A bcrypt salt is exactly 16 bytes.");
    }
    char setting[CRYPT_GENSALT_OUTPUT_SIZE] = {};
    // Never an empty prefix: libxcrypt would pick DES.
    if (crypt_gensalt_rn("$2b$", static_cast<unsigned long>(m_cost), reinterpret_cast<const char*>(salt.data()),
                         static_cast<int>(salt.size()), setting, sizeof setting) == nullptr) {
        return makeError("hash-failed",
                         "libxcrypt could not make a bcrypt setting for cost " + std::to_string(m_cost) + ".");
    }
    const SecretBytes phrase = SecretBytes(used);
    CryptArea area;
    const char* result = crypt_rn(phrase.c_str(), setting, area.get(), sizeof(crypt_data));
    if (result == nullptr || std::strlen(result) != kHashLength || std::strncmp(result, "$2b$", 4) != 0) {
        return makeError("hash-failed", "libxcrypt could not compute the bcrypt hash.");
    }
    out.hash.assign(result, kHashLength);
    return out;
}

Result<BcryptHasher::Parsed> BcryptHasher::parse(std::string_view hash) const
{
    auto malformed = [] {
        return makeError("malformed-hash", "The bcrypt hash is malformed: it must look like \"$2b$12$\" followed by 53 "
                                           "characters of bcrypt's base64.");
    };
    if (hash.starts_with("$2x$") || hash.starts_with("$2$")) {
        return makeError("unsupported-hash",
                         "The bcrypt variant \"" + std::string(hash.substr(0, hash.find('$', 1) + 1)) +
                             "\" reproduces an old bug and is not accepted.",
                         {}, "reset the password so that it is stored as \"$2b$\"");
    }
    if (hash.size() != kHashLength || hash.substr(0, 2) != "$2" || hash[3] != '$' || hash[6] != '$') {
        return malformed();
    }
    Parsed parsed;
    parsed.ident = hash[2];
    if (parsed.ident != 'a' && parsed.ident != 'b' && parsed.ident != 'y') {
        return malformed();
    }
    if (hash[4] < '0' || hash[4] > '9' || hash[5] < '0' || hash[5] > '9') {
        return malformed();
    }
    for (const char c : hash.substr(7)) {
        if (kBcrypt64.find(c) == std::string_view::npos) {
            return malformed();
        }
    }
    parsed.cost = (hash[4] - '0') * 10 + (hash[5] - '0');
    if (auto s = checkCost(parsed.cost, {}, limits()); !s) {
        return s.error();
    }
    return parsed;
}

Result<PasswordMatch> BcryptHasher::verify(std::string_view password, std::string_view hash) const
{
    auto parsed = parse(hash);
    if (!parsed) {
        return parsed.errors();
    }
    PasswordMatch out;
    std::string_view used;
    if (auto s = preparePassword(password, &used, &out.warnings); !s) {
        return s.error();
    }
    const SecretBytes phrase = SecretBytes(used);
    const std::string setting(hash);
    CryptArea area;
    const char* result = crypt_rn(phrase.c_str(), setting.c_str(), area.get(), sizeof(crypt_data));
    if (result == nullptr) {
        return makeError("hash-failed", "libxcrypt could not compute the bcrypt hash to compare.");
    }
    out.matches = std::strlen(result) == hash.size() && CRYPTO_memcmp(result, hash.data(), hash.size()) == 0;
    return out;
}

Result<std::optional<std::string>> BcryptHasher::updateReason(std::string_view hash) const
{
    auto parsed = parse(hash);
    if (!parsed) {
        return parsed.errors();
    }
    // passlib issue 25: "$2a$" salts whose last character has padding bits set
    // hash differently across implementations.
    if (parsed->ident == 'a' && std::string_view(".Oeu").find(hash[28]) == std::string_view::npos) {
        return std::optional<std::string>("The $2a$ hash has a salt with padding bits set, which implementations "
                                          "read differently.");
    }
    if (parsed->cost < m_minCost) {
        return std::optional<std::string>("The bcrypt cost " + std::to_string(parsed->cost) +
                                          " is below the policy's minimum of " + std::to_string(m_minCost) + ".");
    }
    if (m_maxCost && parsed->cost > *m_maxCost) {
        return std::optional<std::string>("The bcrypt cost " + std::to_string(parsed->cost) +
                                          " is above the policy's maximum of " + std::to_string(*m_maxCost) + ".");
    }
    return std::optional<std::string>();
}

} // namespace pc
