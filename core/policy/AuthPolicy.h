// SPDX-License-Identifier: Apache-2.0
// Authentication settings: JWT verification and issuing (tokens.md), password
// hashing with OWASP-floor defaults and passlib's needs_update semantics, and
// the attributes of the session cookie. Plain data; core/auth acts on it.
#pragma once

#include "common/ByteSize.h"
#include "common/Duration.h"
#include "policy/SecretRef.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pc {

struct JwtKey {
    std::string kid; // selects among configured keys; never a path or query
    SecretSource source;
    bool operator==(const JwtKey&) const = default;
};

struct JwtSettings {
    std::vector<std::string> algorithms{"HS256"}; // allow-list, bound to the key type
    std::vector<JwtKey> keys;                     // written as "key" when there is one key without a kid
    std::string issuer;
    std::vector<std::string> audience;
    Duration accessTtl = Duration(std::chrono::minutes(15));
    Duration refreshTtl = Duration(std::chrono::hours(24 * 7));
    Duration leeway = Duration::seconds(30);
    std::vector<std::string> requiredClaims{"exp"};
    std::string typ; // expected "typ" header when set ("JWT", "at+jwt")
    ByteSize maxTokenBytes = ByteSize(8192);
    nlohmann::json claims = nlohmann::json::object(); // extra claims put in issued tokens
    bool operator==(const JwtSettings&) const = default;
};

enum class PasswordScheme { Bcrypt, Argon2id, Scrypt, Pbkdf2Sha256, Pbkdf2Sha512 };
enum class LongPasswordPolicy { Refuse, Truncate }; // bcrypt's 72-byte limit

struct PasswordPolicy {
    PasswordScheme scheme = PasswordScheme::Argon2id;
    std::vector<PasswordScheme> accept; // verified too, but need an update (passlib "deprecated")

    int bcryptRounds = 12;              // cost, log2 rounds
    std::optional<int> bcryptMinRounds; // passlib min_rounds: weaker hashes need an update
    std::optional<int> bcryptMaxRounds; // passlib max_rounds
    LongPasswordPolicy bcryptLongPasswords = LongPasswordPolicy::Refuse;

    std::uint32_t argon2MemoryKib = 19456; // OWASP minimum: m=19 MiB, t=2, p=1
    std::uint32_t argon2TimeCost = 2;
    std::uint32_t argon2Parallelism = 1;

    int scryptLogN = 17; // OWASP: N=2^17, r=8, p=1
    std::uint32_t scryptR = 8;
    std::uint32_t scryptP = 1;

    std::uint32_t pbkdf2Sha256Iterations = 600'000;
    std::uint32_t pbkdf2Sha512Iterations = 220'000;

    Duration targetTime = Duration(std::chrono::milliseconds(250)); // for calibration
    bool operator==(const PasswordPolicy&) const = default;
};

enum class SameSite { Lax, Strict, None };

struct CookiePolicy {
    std::string name = "__Host-session";
    bool secure = true;
    bool httpOnly = true;
    SameSite sameSite = SameSite::Lax;
    std::string path = "/";
    std::string domain;
    std::optional<Duration> maxAge;
    bool operator==(const CookiePolicy&) const = default;
};

struct AuthPolicy {
    std::optional<JwtSettings> jwt;
    std::optional<PasswordPolicy> passwords;
    std::optional<CookiePolicy> cookies;
    std::string apiKeyHeader = "X-API-Key";
    bool operator==(const AuthPolicy&) const = default;
};

} // namespace pc
