// SPDX-License-Identifier: Apache-2.0
#include "auth/ScryptHasher.h"

#include "auth/OpenSslKdf.h"
#include "auth/PasswordEncoding.h"

#include <openssl/crypto.h>

namespace pc {

namespace {

struct Pointers {
    std::string_view logN, r, p;
};

Status checkParameters(std::uint64_t logN, std::uint64_t r, std::uint64_t p, const PasswordLimits& limits,
                       const Pointers& at)
{
    auto outOfRange = [](std::string message, std::string_view pointer) {
        return makeError("parameters-out-of-range", std::move(message), std::string(pointer),
                         "OWASP's floor is ln=17 (N=2^17), r=8, p=1");
    };
    auto tooCostly = [](std::string message, std::string_view pointer) {
        return makeError("parameters-too-costly", std::move(message), std::string(pointer),
                         "OWASP's floor is ln=17 (N=2^17), r=8, p=1; calibrate to find a setting near 250 ms");
    };
    // passlib's range for ln is 1..31; RFC 7914 also needs r*p < 2^30.
    if (logN < 1 || logN > 31) {
        return outOfRange("The scrypt cost ln=" + std::to_string(logN) + " is outside 1 to 31.", at.logN);
    }
    if (r < 1 || r >= (std::uint64_t(1) << 30)) {
        return outOfRange("The scrypt block size r=" + std::to_string(r) + " is not a valid block size.", at.r);
    }
    if (p < 1 || r * p >= (std::uint64_t(1) << 30)) {
        return outOfRange("The scrypt parallelism p=" + std::to_string(p) +
                              " is not valid with r=" + std::to_string(r) + " (r*p must stay below 2^30).",
                          at.p);
    }
    if (p > limits.maxParallelism) {
        return tooCostly("The scrypt parallelism p=" + std::to_string(p) + " exceeds this build's limit of " +
                             std::to_string(limits.maxParallelism) + ".",
                         at.p);
    }
    // Memory is 128*r*N bytes, r*N/8 KiB; r < 2^30 and N <= 2^31 cannot overflow.
    const std::uint64_t memoryKib = (r << logN) / 8;
    if (memoryKib > limits.maxMemoryKib) {
        return tooCostly("The scrypt setting ln=" + std::to_string(logN) + ", r=" + std::to_string(r) +
                             " needs more memory than this build's limit of " + std::to_string(limits.maxMemoryKib) +
                             " KiB.",
                         at.logN);
    }
    if (p > limits.maxScryptWorkKib / (memoryKib == 0 ? 1 : memoryKib)) {
        return tooCostly("The scrypt setting ln=" + std::to_string(logN) + ", r=" + std::to_string(r) +
                             ", p=" + std::to_string(p) + " would take more work than this build allows.",
                         at.p);
    }
    return Ok{};
}

std::string render(int logN, std::uint32_t r, std::uint32_t p, std::span<const unsigned char> salt,
                   std::span<const unsigned char> checksum)
{
    return "$scrypt$ln=" + std::to_string(logN) + ",r=" + std::to_string(r) + ",p=" + std::to_string(p) + "$" +
           encodeBase64Unpadded(salt, Base64Alphabet::Standard) + "$" +
           encodeBase64Unpadded(checksum, Base64Alphabet::Standard);
}

} // namespace

ScryptHasher::ScryptHasher(const PasswordPolicy& policy, const PasswordLimits& limits)
    : PasswordHasher(limits), m_logN(policy.scryptLogN), m_r(policy.scryptR), m_p(policy.scryptP)
{
}

Result<std::unique_ptr<ScryptHasher>> ScryptHasher::create(const PasswordPolicy& policy, const PasswordLimits& limits)
{
    const Pointers at{passwordfield::kScryptLogN, passwordfield::kScryptR, passwordfield::kScryptP};
    if (policy.scryptLogN < 1) {
        return makeError("parameters-out-of-range", "The scrypt cost ln must be at least 1.",
                         std::string(passwordfield::kScryptLogN), "OWASP's floor is ln=17 (N=2^17), r=8, p=1");
    }
    if (auto s = checkParameters(std::uint64_t(policy.scryptLogN), policy.scryptR, policy.scryptP, limits, at); !s) {
        return s.error();
    }
    return std::unique_ptr<ScryptHasher>(new ScryptHasher(policy, limits));
}

Result<HashedPassword> ScryptHasher::hashWithSalt(std::string_view password, std::span<const unsigned char> salt) const
{
    if (auto s = checkPasswordLength(password); !s) {
        return s.error();
    }
    if (salt.size() > limits().maxSaltBytes) {
        return makeError("bad-salt",
                         "The scrypt salt is longer than " + std::to_string(limits().maxSaltBytes) + " bytes.");
    }
    auto derived = deriveScrypt(password, salt, m_logN, m_r, m_p, kChecksumBytes);
    if (!derived) {
        return derived.errors();
    }
    return HashedPassword{render(m_logN, m_r, m_p, salt, derived->span()), {}};
}

Result<ScryptHasher::Parsed> ScryptHasher::parse(std::string_view hash) const
{
    auto malformed = [](std::string detail) {
        return makeError("malformed-hash", "The scrypt hash is malformed: " + std::move(detail) + ".", {},
                         "expected \"$scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<checksum>\"");
    };
    if (hash.starts_with("$7$")) {
        return makeError("unsupported-hash",
                         "The \"$7$\" scrypt format is not accepted; only passlib's \"$scrypt$\" is.");
    }
    const auto fields = splitHashFields(hash, '$');
    if (fields.size() < 2 || !fields[0].empty() || fields[1] != "scrypt") {
        return makeError("hash-scheme-mismatch", "The hash is not a $scrypt$ hash.");
    }
    if (fields.size() != 5) {
        return malformed("it needs five '$'-separated fields");
    }
    const auto params = splitHashFields(fields[2], ',');
    if (params.size() != 3) {
        return malformed("the parameters must be exactly \"ln=...,r=...,p=...\"");
    }
    const auto logN = parseNamedDecimal(params[0], "ln", 0xFFFFFFFF);
    const auto r = parseNamedDecimal(params[1], "r", 0xFFFFFFFF);
    const auto p = parseNamedDecimal(params[2], "p", 0xFFFFFFFF);
    if (!logN || !r || !p) {
        return malformed("the parameters must be exactly \"ln=...,r=...,p=...\" with decimal numbers");
    }
    if (auto s = checkParameters(*logN, *r, *p, limits(), {}); !s) {
        return s.error();
    }
    auto salt = decodeBase64Unpadded(fields[3], Base64Alphabet::Standard, limits().maxSaltBytes);
    auto checksum = decodeBase64Unpadded(fields[4], Base64Alphabet::Standard, kChecksumBytes);
    if (!salt) {
        return malformed("the salt is not unpadded base64 of at most " + std::to_string(limits().maxSaltBytes) +
                         " bytes");
    }
    if (!checksum || checksum->size() != kChecksumBytes) {
        return malformed("the checksum is not unpadded base64 of 32 bytes");
    }
    return Parsed{static_cast<int>(*logN), static_cast<std::uint32_t>(*r), static_cast<std::uint32_t>(*p),
                  std::move(*salt), std::move(*checksum)};
}

Result<PasswordMatch> ScryptHasher::verify(std::string_view password, std::string_view hash) const
{
    auto parsed = parse(hash);
    if (!parsed) {
        return parsed.errors();
    }
    if (auto s = checkPasswordLength(password); !s) {
        return s.error();
    }
    auto derived = deriveScrypt(password, parsed->salt, parsed->logN, parsed->r, parsed->p, kChecksumBytes);
    if (!derived) {
        return derived.errors();
    }
    return PasswordMatch{CRYPTO_memcmp(derived->data(), parsed->checksum.data(), kChecksumBytes) == 0, {}};
}

Result<std::optional<std::string>> ScryptHasher::updateReason(std::string_view hash) const
{
    auto parsed = parse(hash);
    if (!parsed) {
        return parsed.errors();
    }
    auto below = [](std::string what, auto have, auto want) {
        return std::optional<std::string>("The scrypt " + std::move(what) + " " + std::to_string(have) +
                                          " is below the policy's " + std::to_string(want) + ".");
    };
    if (parsed->logN < m_logN) {
        return below("cost ln", parsed->logN, m_logN);
    }
    if (parsed->r < m_r) {
        return below("block size r", parsed->r, m_r);
    }
    if (parsed->p < m_p) {
        return below("parallelism p", parsed->p, m_p);
    }
    if (parsed->salt.size() < kSaltBytes) {
        return std::optional<std::string>("The scrypt salt has " + std::to_string(parsed->salt.size()) +
                                          " bytes; new hashes have 16.");
    }
    return std::optional<std::string>();
}

} // namespace pc
