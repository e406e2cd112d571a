// SPDX-License-Identifier: Apache-2.0
// PasswordSetting: one concrete parameter set of one scheme — what calibration
// tries and recommends, what the OWASP Password Storage Cheat Sheet floor is
// (tokens.md §5.1), and how a policy's fields map to it. Only the fields of
// `scheme` are meaningful. Plain value; thread-safe to share.
#pragma once

#include "policy/AuthPolicy.h"

#include <cstdint>
#include <string>

namespace pc {

struct PasswordSetting {
    PasswordScheme scheme = PasswordScheme::Argon2id;
    int bcryptCost = 12;
    std::uint32_t argon2MemoryKib = 19456;
    std::uint32_t argon2TimeCost = 2;
    std::uint32_t argon2Parallelism = 1;
    int scryptLogN = 17;
    std::uint32_t scryptR = 8;
    std::uint32_t scryptP = 1;
    std::uint32_t pbkdf2Iterations = 600'000;

    [[nodiscard]] static PasswordSetting fromPolicy(const PasswordPolicy& policy, PasswordScheme scheme);
    // The weakest setting OWASP accepts (argon2id m=19456 t=2 p=1, scrypt ln=17 r=8 p=1,
    // bcrypt cost 10, PBKDF2-SHA256 600,000, PBKDF2-SHA512 220,000).
    [[nodiscard]] static PasswordSetting owaspFloor(PasswordScheme scheme);

    // Writes this scheme's fields into `policy`, leaving the others alone.
    void applyTo(PasswordPolicy& policy) const;

    // True when the setting is at least as strong as one of OWASP's equivalent
    // options for the scheme (for argon2id and scrypt there are five each).
    [[nodiscard]] bool meetsOwaspFloor() const;

    // Parameters in the hash string's own notation: "cost=12", "m=19456,t=2,p=1",
    // "ln=17,r=8,p=1", "rounds=600000".
    [[nodiscard]] std::string describe() const;

    bool operator==(const PasswordSetting&) const = default;
};

} // namespace pc
