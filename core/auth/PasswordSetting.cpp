// SPDX-License-Identifier: Apache-2.0
#include "auth/PasswordSetting.h"

#include <array>

namespace pc {

namespace {

struct Argon2Option {
    std::uint32_t memoryKib;
    std::uint32_t timeCost;
};
// OWASP: "m=47104 (46 MiB), t=1, p=1" ... "m=7168 (7 MiB), t=5, p=1".
constexpr std::array<Argon2Option, 5> kArgon2Floors{{{47104, 1}, {19456, 2}, {12288, 3}, {9216, 4}, {7168, 5}}};

struct ScryptOption {
    int logN;
    std::uint32_t p;
};
// OWASP: N=2^17 r=8 p=1 ... N=2^13 r=8 p=10.
constexpr std::array<ScryptOption, 5> kScryptFloors{{{17, 1}, {16, 2}, {15, 3}, {14, 5}, {13, 10}}};
constexpr std::uint32_t kScryptFloorR = 8;

constexpr int kBcryptFloor = 10;
constexpr std::uint32_t kPbkdf2Sha256Floor = 600'000;
constexpr std::uint32_t kPbkdf2Sha512Floor = 220'000;

} // namespace

PasswordSetting PasswordSetting::fromPolicy(const PasswordPolicy& policy, PasswordScheme scheme)
{
    PasswordSetting s;
    s.scheme = scheme;
    s.bcryptCost = policy.bcryptRounds;
    s.argon2MemoryKib = policy.argon2MemoryKib;
    s.argon2TimeCost = policy.argon2TimeCost;
    s.argon2Parallelism = policy.argon2Parallelism;
    s.scryptLogN = policy.scryptLogN;
    s.scryptR = policy.scryptR;
    s.scryptP = policy.scryptP;
    s.pbkdf2Iterations =
        scheme == PasswordScheme::Pbkdf2Sha512 ? policy.pbkdf2Sha512Iterations : policy.pbkdf2Sha256Iterations;
    return s;
}

PasswordSetting PasswordSetting::owaspFloor(PasswordScheme scheme)
{
    PasswordSetting s;
    s.scheme = scheme;
    s.bcryptCost = kBcryptFloor;
    s.argon2MemoryKib = kArgon2Floors[1].memoryKib;
    s.argon2TimeCost = kArgon2Floors[1].timeCost;
    s.argon2Parallelism = 1;
    s.scryptLogN = kScryptFloors[0].logN;
    s.scryptR = kScryptFloorR;
    s.scryptP = kScryptFloors[0].p;
    s.pbkdf2Iterations = scheme == PasswordScheme::Pbkdf2Sha512 ? kPbkdf2Sha512Floor : kPbkdf2Sha256Floor;
    return s;
}

void PasswordSetting::applyTo(PasswordPolicy& policy) const
{
    switch (scheme) {
    case PasswordScheme::Bcrypt:
        policy.bcryptRounds = bcryptCost;
        break;
    case PasswordScheme::Argon2id:
        policy.argon2MemoryKib = argon2MemoryKib;
        policy.argon2TimeCost = argon2TimeCost;
        policy.argon2Parallelism = argon2Parallelism;
        break;
    case PasswordScheme::Scrypt:
        policy.scryptLogN = scryptLogN;
        policy.scryptR = scryptR;
        policy.scryptP = scryptP;
        break;
    case PasswordScheme::Pbkdf2Sha256:
        policy.pbkdf2Sha256Iterations = pbkdf2Iterations;
        break;
    case PasswordScheme::Pbkdf2Sha512:
        policy.pbkdf2Sha512Iterations = pbkdf2Iterations;
        break;
    }
}

bool PasswordSetting::meetsOwaspFloor() const
{
    switch (scheme) {
    case PasswordScheme::Bcrypt:
        return bcryptCost >= kBcryptFloor;
    case PasswordScheme::Argon2id:
        if (argon2Parallelism < 1) {
            return false;
        }
        for (const auto& option : kArgon2Floors) {
            if (argon2MemoryKib >= option.memoryKib && argon2TimeCost >= option.timeCost) {
                return true;
            }
        }
        return false;
    case PasswordScheme::Scrypt:
        // OWASP lists r=8; a larger r with a smaller N uses the same memory
        // and work, so compare r*N against 8*2^logN.
        if (scryptLogN < 1 || scryptLogN > 62 || scryptR < 1) {
            return false;
        }
        for (const auto& option : kScryptFloors) {
            const auto have = (std::uint64_t(1) << scryptLogN) * scryptR;
            const auto need = (std::uint64_t(1) << option.logN) * kScryptFloorR;
            if (have >= need && scryptP >= option.p) {
                return true;
            }
        }
        return false;
    case PasswordScheme::Pbkdf2Sha256:
        return pbkdf2Iterations >= kPbkdf2Sha256Floor;
    case PasswordScheme::Pbkdf2Sha512:
        return pbkdf2Iterations >= kPbkdf2Sha512Floor;
    }
    return false;
}

std::string PasswordSetting::describe() const
{
    switch (scheme) {
    case PasswordScheme::Bcrypt:
        return "cost=" + std::to_string(bcryptCost);
    case PasswordScheme::Argon2id:
        return "m=" + std::to_string(argon2MemoryKib) + ",t=" + std::to_string(argon2TimeCost) +
               ",p=" + std::to_string(argon2Parallelism);
    case PasswordScheme::Scrypt:
        return "ln=" + std::to_string(scryptLogN) + ",r=" + std::to_string(scryptR) + ",p=" + std::to_string(scryptP);
    case PasswordScheme::Pbkdf2Sha256:
    case PasswordScheme::Pbkdf2Sha512:
        return "rounds=" + std::to_string(pbkdf2Iterations);
    }
    return {};
}

} // namespace pc
