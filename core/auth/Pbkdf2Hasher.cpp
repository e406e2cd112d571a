// SPDX-License-Identifier: Apache-2.0
#include "auth/Pbkdf2Hasher.h"

#include "auth/PasswordEncoding.h"

#include <openssl/crypto.h>

namespace pc {

namespace {

Status checkIterations(std::uint64_t iterations, const PasswordLimits& limits, std::string_view pointer)
{
    if (iterations < 1) {
        return makeError("parameters-out-of-range", "PBKDF2 needs at least one iteration.", std::string(pointer),
                         "OWASP's floor is 600,000 for SHA-256 and 220,000 for SHA-512");
    }
    if (iterations > limits.maxPbkdf2Iterations) {
        return makeError("parameters-too-costly",
                         "PBKDF2 with " + std::to_string(iterations) +
                             " iterations would take too long: this build "
                             "allows at most " +
                             std::to_string(limits.maxPbkdf2Iterations) + ".",
                         std::string(pointer), "calibrate to find a count near 250 ms");
    }
    return Ok{};
}

} // namespace

Pbkdf2Hasher::Pbkdf2Hasher(PasswordScheme scheme, std::uint32_t iterations, const PasswordLimits& limits)
    : PasswordHasher(limits), m_scheme(scheme), m_iterations(iterations)
{
}

Result<std::unique_ptr<Pbkdf2Hasher>> Pbkdf2Hasher::create(PasswordScheme scheme, const PasswordPolicy& policy,
                                                           const PasswordLimits& limits)
{
    if (scheme != PasswordScheme::Pbkdf2Sha256 && scheme != PasswordScheme::Pbkdf2Sha512) {
        return makeError("parameters-out-of-range", "A PBKDF2 hasher is either pbkdf2_sha256 or pbkdf2_sha512.");
    }
    const bool sha512 = scheme == PasswordScheme::Pbkdf2Sha512;
    const std::uint32_t iterations = sha512 ? policy.pbkdf2Sha512Iterations : policy.pbkdf2Sha256Iterations;
    if (auto s =
            checkIterations(iterations, limits, sha512 ? passwordfield::kPbkdf2Sha512 : passwordfield::kPbkdf2Sha256);
        !s) {
        return s.error();
    }
    return std::unique_ptr<Pbkdf2Hasher>(new Pbkdf2Hasher(scheme, iterations, limits));
}

Pbkdf2Digest Pbkdf2Hasher::digest() const
{
    return m_scheme == PasswordScheme::Pbkdf2Sha512 ? Pbkdf2Digest::Sha512 : Pbkdf2Digest::Sha256;
}

std::size_t Pbkdf2Hasher::checksumSize() const
{
    return m_scheme == PasswordScheme::Pbkdf2Sha512 ? 64 : 32;
}

std::string_view Pbkdf2Hasher::ident() const
{
    return m_scheme == PasswordScheme::Pbkdf2Sha512 ? "pbkdf2-sha512" : "pbkdf2-sha256";
}

Result<HashedPassword> Pbkdf2Hasher::hashWithSalt(std::string_view password, std::span<const unsigned char> salt) const
{
    if (auto s = checkPasswordLength(password); !s) {
        return s.error();
    }
    if (salt.size() > limits().maxSaltBytes) {
        return makeError("bad-salt",
                         "The PBKDF2 salt is longer than " + std::to_string(limits().maxSaltBytes) + " bytes.");
    }
    auto derived = derivePbkdf2(digest(), password, salt, m_iterations, checksumSize());
    if (!derived) {
        return derived.errors();
    }
    std::string hash = "$" + std::string(ident()) + "$" + std::to_string(m_iterations) + "$" +
                       encodeBase64Unpadded(salt, Base64Alphabet::Adapted) + "$" +
                       encodeBase64Unpadded(derived->span(), Base64Alphabet::Adapted);
    return HashedPassword{std::move(hash), {}};
}

Result<Pbkdf2Hasher::Parsed> Pbkdf2Hasher::parse(std::string_view hash) const
{
    auto malformed = [this](std::string detail) {
        return makeError("malformed-hash",
                         "The " + std::string(ident()) + " hash is malformed: " + std::move(detail) + ".", {},
                         "expected \"$" + std::string(ident()) + "$<rounds>$<salt>$<checksum>\"");
    };
    const auto fields = splitHashFields(hash, '$');
    if (fields.size() < 2 || !fields[0].empty() || fields[1] != ident()) {
        return makeError("hash-scheme-mismatch", "The hash is not a $" + std::string(ident()) + "$ hash.");
    }
    if (fields.size() != 5) {
        return malformed("it needs five '$'-separated fields");
    }
    const auto iterations = parseDecimalField(fields[2], 0xFFFFFFFF);
    if (!iterations) {
        return malformed("the rounds are not a decimal number without leading zeros");
    }
    if (auto s = checkIterations(*iterations, limits(), {}); !s) {
        return s.error();
    }
    auto salt = decodeBase64Unpadded(fields[3], Base64Alphabet::Adapted, limits().maxSaltBytes);
    auto checksum = decodeBase64Unpadded(fields[4], Base64Alphabet::Adapted, checksumSize());
    if (!salt) {
        return malformed("the salt is not adapted base64 of at most " + std::to_string(limits().maxSaltBytes) +
                         " bytes");
    }
    if (!checksum || checksum->size() != checksumSize()) {
        return malformed("the checksum is not adapted base64 of " + std::to_string(checksumSize()) + " bytes");
    }
    return Parsed{static_cast<std::uint32_t>(*iterations), std::move(*salt), std::move(*checksum)};
}

Result<PasswordMatch> Pbkdf2Hasher::verify(std::string_view password, std::string_view hash) const
{
    auto parsed = parse(hash);
    if (!parsed) {
        return parsed.errors();
    }
    if (auto s = checkPasswordLength(password); !s) {
        return s.error();
    }
    auto derived = derivePbkdf2(digest(), password, parsed->salt, parsed->iterations, checksumSize());
    if (!derived) {
        return derived.errors();
    }
    return PasswordMatch{CRYPTO_memcmp(derived->data(), parsed->checksum.data(), checksumSize()) == 0, {}};
}

Result<std::optional<std::string>> Pbkdf2Hasher::updateReason(std::string_view hash) const
{
    auto parsed = parse(hash);
    if (!parsed) {
        return parsed.errors();
    }
    if (parsed->iterations < m_iterations) {
        return std::optional<std::string>("The " + std::string(ident()) + " rounds " +
                                          std::to_string(parsed->iterations) + " are below the policy's " +
                                          std::to_string(m_iterations) + ".");
    }
    if (parsed->salt.size() < kSaltBytes) {
        return std::optional<std::string>("The " + std::string(ident()) + " salt has " +
                                          std::to_string(parsed->salt.size()) + " bytes; new hashes have 16.");
    }
    return std::optional<std::string>();
}

} // namespace pc
