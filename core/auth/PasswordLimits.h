// SPDX-License-Identifier: Apache-2.0
// PasswordLimits: the bounds every hasher enforces before it spends CPU or
// memory, on parameters from the policy and on parameters read from a stored
// hash alike, so that neither a policy typo nor a hostile hash string can hang
// the machine. The defaults allow roughly a minute of work on a 2020s core.
// Plain data; thread-safe to share.
#pragma once

#include <cstddef>
#include <cstdint>

namespace pc {

struct PasswordLimits {
    std::size_t maxPasswordBytes = 4096;
    std::size_t maxSaltBytes = 1024;             // passlib's max_salt_size
    std::size_t maxDigestBytes = 1024;           // argon2 tags read from hash strings
    int maxBcryptCost = 20;                      // 2^20 rounds, about a minute; the format allows 31
    std::uint64_t maxMemoryKib = 2'097'152;      // 2 GiB: argon2 m, scrypt 128*r*N
    std::uint64_t maxArgon2WorkKib = 16'777'216; // m * t: 16 GiB of memory passes
    std::uint64_t maxScryptWorkKib = 16'777'216; // 128 * r * N * p / 1024
    std::uint32_t maxParallelism = 64;           // argon2 lanes, scrypt p
    std::uint32_t maxPbkdf2Iterations = 100'000'000;
};

} // namespace pc
