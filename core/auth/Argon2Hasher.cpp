// SPDX-License-Identifier: Apache-2.0
#include "auth/Argon2Hasher.h"

#include "auth/PasswordEncoding.h"
#include "auth/SecretBytes.h"

#include <argon2.h>
#include <openssl/crypto.h>

namespace pc {

namespace {

constexpr std::size_t kMinSaltBytes = 8; // ARGON2_MIN_SALT_LENGTH
constexpr std::size_t kMinTagBytes = 4;  // ARGON2_MIN_OUTLEN
constexpr std::uint64_t kMaxLanes = 0xFFFFFF;

struct Pointers {
    std::string_view memory, time, parallelism;
};

Status checkParameters(std::uint64_t m, std::uint64_t t, std::uint64_t p, const PasswordLimits& limits,
                       const Pointers& at)
{
    auto outOfRange = [](std::string message, std::string_view pointer, std::string hint) {
        return makeError("parameters-out-of-range", std::move(message), std::string(pointer), std::move(hint));
    };
    auto tooCostly = [](std::string message, std::string_view pointer) {
        return makeError("parameters-too-costly", std::move(message), std::string(pointer),
                         "OWASP's floor is m=19456 KiB, t=2, p=1; calibrate to find a setting near 250 ms");
    };
    if (p < 1 || p > kMaxLanes) {
        return outOfRange("The argon2 parallelism " + std::to_string(p) + " is not a lane count argon2 accepts.",
                          at.parallelism, "use 1 to 4 lanes");
    }
    if (t < 1) {
        return outOfRange("The argon2 time cost must be at least 1.", at.time, "OWASP's floor is t=2 with m=19456 KiB");
    }
    if (m < 8 * p) {
        return outOfRange("The argon2 memory of " + std::to_string(m) +
                              " KiB is below argon2's minimum of 8 KiB per lane.",
                          at.memory, "OWASP's floor is m=19456 KiB");
    }
    if (p > limits.maxParallelism) {
        return tooCostly("The argon2 parallelism " + std::to_string(p) + " exceeds this build's limit of " +
                             std::to_string(limits.maxParallelism) + " lanes.",
                         at.parallelism);
    }
    if (m > limits.maxMemoryKib) {
        return tooCostly("The argon2 memory of " + std::to_string(m) + " KiB exceeds this build's limit of " +
                             std::to_string(limits.maxMemoryKib) + " KiB.",
                         at.memory);
    }
    if (t > limits.maxArgon2WorkKib / m) {
        return tooCostly("The argon2 setting m=" + std::to_string(m) + " KiB, t=" + std::to_string(t) +
                             " would pass over more memory than this build allows (" +
                             std::to_string(limits.maxArgon2WorkKib) + " KiB in all).",
                         at.time);
    }
    return Ok{};
}

Error argon2Failure(int code)
{
    return makeError("hash-failed", std::string("libargon2 failed: ") + argon2_error_message(code) + ".");
}

} // namespace

Argon2Hasher::Argon2Hasher(const PasswordPolicy& policy, const PasswordLimits& limits)
    : PasswordHasher(limits), m_memoryKib(policy.argon2MemoryKib), m_timeCost(policy.argon2TimeCost),
      m_parallelism(policy.argon2Parallelism)
{
}

Result<std::unique_ptr<Argon2Hasher>> Argon2Hasher::create(const PasswordPolicy& policy, const PasswordLimits& limits)
{
    const Pointers at{passwordfield::kArgon2Memory, passwordfield::kArgon2Time, passwordfield::kArgon2Parallelism};
    if (auto s = checkParameters(policy.argon2MemoryKib, policy.argon2TimeCost, policy.argon2Parallelism, limits, at);
        !s) {
        return s.error();
    }
    return std::unique_ptr<Argon2Hasher>(new Argon2Hasher(policy, limits));
}

Result<HashedPassword> Argon2Hasher::hashWithSalt(std::string_view password, std::span<const unsigned char> salt) const
{
    if (auto s = checkPasswordLength(password); !s) {
        return s.error();
    }
    if (salt.size() < kMinSaltBytes || salt.size() > limits().maxSaltBytes) {
        return makeError("bad-salt", "An argon2 salt has at least 8 bytes.");
    }
    const std::size_t length = argon2_encodedlen(m_timeCost, m_memoryKib, m_parallelism,
                                                 static_cast<std::uint32_t>(salt.size()), kTagBytes, Argon2_id);
    std::string encoded(length + 1, '\0');
    const int rc = argon2id_hash_encoded(m_timeCost, m_memoryKib, m_parallelism, password.data(), password.size(),
                                         salt.data(), salt.size(), kTagBytes, encoded.data(), encoded.size());
    if (rc != ARGON2_OK) {
        return argon2Failure(rc);
    }
    encoded.resize(encoded.find('\0'));
    return HashedPassword{std::move(encoded), {}};
}

Result<Argon2Hasher::Parsed> Argon2Hasher::parse(std::string_view hash) const
{
    auto malformed = [](std::string detail) {
        return makeError("malformed-hash", "The argon2id hash is malformed: " + std::move(detail) + ".", {},
                         "expected \"$argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<tag>\"");
    };
    const auto fields = splitHashFields(hash, '$');
    if (fields.size() < 2 || !fields[0].empty() || fields[1] != "argon2id") {
        return makeError("hash-scheme-mismatch", "The hash is not an argon2id hash.");
    }
    if (fields.size() == 5 && !fields[2].starts_with("v=")) {
        return makeError("unsupported-hash", "The argon2id hash has no version field, so it is argon2 1.0, which is "
                                             "not accepted; only version 19 (1.3) is.");
    }
    if (fields.size() != 6) {
        return malformed("it needs six '$'-separated fields");
    }
    const auto version = parseNamedDecimal(fields[2], "v", 0xFF);
    if (!version) {
        return malformed("the version field is not \"v=<number>\"");
    }
    if (*version != ARGON2_VERSION_13) {
        return makeError("unsupported-hash", "The argon2id hash has version " + std::to_string(*version) +
                                                 "; only version 19 (argon2 1.3) is accepted.");
    }
    const auto params = splitHashFields(fields[3], ',');
    if (params.size() != 3) {
        return malformed("the parameters must be exactly \"m=...,t=...,p=...\"");
    }
    const auto m = parseNamedDecimal(params[0], "m", 0xFFFFFFFF);
    const auto t = parseNamedDecimal(params[1], "t", 0xFFFFFFFF);
    const auto p = parseNamedDecimal(params[2], "p", 0xFFFFFFFF);
    if (!m || !t || !p) {
        return malformed("the parameters must be exactly \"m=...,t=...,p=...\" with decimal numbers");
    }
    if (auto s = checkParameters(*m, *t, *p, limits(), {}); !s) {
        return s.error();
    }
    Parsed parsed;
    parsed.memoryKib = static_cast<std::uint32_t>(*m);
    parsed.timeCost = static_cast<std::uint32_t>(*t);
    parsed.parallelism = static_cast<std::uint32_t>(*p);
    auto salt = decodeBase64Unpadded(fields[4], Base64Alphabet::Standard, limits().maxSaltBytes);
    auto tag = decodeBase64Unpadded(fields[5], Base64Alphabet::Standard, limits().maxDigestBytes);
    if (!salt || salt->size() < kMinSaltBytes) {
        return malformed("the salt is not unpadded base64 of 8 to " + std::to_string(limits().maxSaltBytes) + " bytes");
    }
    if (!tag || tag->size() < kMinTagBytes) {
        return malformed("the tag is not unpadded base64 of 4 to " + std::to_string(limits().maxDigestBytes) +
                         " bytes");
    }
    parsed.salt = std::move(*salt);
    parsed.tag = std::move(*tag);
    return parsed;
}

Result<PasswordMatch> Argon2Hasher::verify(std::string_view password, std::string_view hash) const
{
    auto parsed = parse(hash);
    if (!parsed) {
        return parsed.errors();
    }
    if (auto s = checkPasswordLength(password); !s) {
        return s.error();
    }
    SecretBytes derived(parsed->tag.size());
    const int rc =
        argon2id_hash_raw(parsed->timeCost, parsed->memoryKib, parsed->parallelism, password.data(), password.size(),
                          parsed->salt.data(), parsed->salt.size(), derived.data(), derived.size());
    if (rc != ARGON2_OK) {
        return argon2Failure(rc);
    }
    return PasswordMatch{CRYPTO_memcmp(derived.data(), parsed->tag.data(), derived.size()) == 0, {}};
}

Result<std::optional<std::string>> Argon2Hasher::updateReason(std::string_view hash) const
{
    auto parsed = parse(hash);
    if (!parsed) {
        return parsed.errors();
    }
    if (parsed->memoryKib < m_memoryKib) {
        return std::optional<std::string>("The argon2id memory of " + std::to_string(parsed->memoryKib) +
                                          " KiB is below the policy's " + std::to_string(m_memoryKib) + " KiB.");
    }
    if (parsed->timeCost < m_timeCost) {
        return std::optional<std::string>("The argon2id time cost " + std::to_string(parsed->timeCost) +
                                          " is below the policy's " + std::to_string(m_timeCost) + ".");
    }
    if (parsed->tag.size() < kTagBytes) {
        return std::optional<std::string>("The argon2id tag has " + std::to_string(parsed->tag.size()) +
                                          " bytes; new hashes have 32.");
    }
    if (parsed->salt.size() < kSaltBytes) {
        return std::optional<std::string>("The argon2id salt has " + std::to_string(parsed->salt.size()) +
                                          " bytes; new hashes have 16.");
    }
    return std::optional<std::string>();
}

} // namespace pc
