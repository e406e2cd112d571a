// SPDX-License-Identifier: Apache-2.0
#include "auth/OpenSslKdf.h"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <array>
#include <memory>
#include <string>

namespace pc {

namespace {

struct KdfDeleter {
    void operator()(EVP_KDF* kdf) const { EVP_KDF_free(kdf); }
    void operator()(EVP_KDF_CTX* ctx) const { EVP_KDF_CTX_free(ctx); }
};

// OSSL_PARAM wants a non-null pointer even for an empty octet string.
void* octets(const void* data, std::size_t size)
{
    static const unsigned char empty = 0;
    return const_cast<void*>(size == 0 ? static_cast<const void*>(&empty) : data);
}

Result<SecretBytes> derive(const char* name, const OSSL_PARAM* params, std::size_t length)
{
    const std::unique_ptr<EVP_KDF, KdfDeleter> kdf(EVP_KDF_fetch(nullptr, name, nullptr));
    if (!kdf) {
        return makeError("hash-failed", std::string("OpenSSL does not provide the ") + name + " key derivation.");
    }
    const std::unique_ptr<EVP_KDF_CTX, KdfDeleter> ctx(EVP_KDF_CTX_new(kdf.get()));
    SecretBytes out(length);
    if (!ctx || EVP_KDF_derive(ctx.get(), out.bytes(), out.size(), params) != 1) {
        const unsigned long code = ERR_get_error();
        ERR_clear_error();
        std::array<char, 256> reason{};
        ERR_error_string_n(code, reason.data(), reason.size());
        return makeError("hash-failed",
                         std::string("OpenSSL's ") + name + " derivation failed: " + reason.data() + ".");
    }
    return out;
}

} // namespace

Result<SecretBytes> deriveScrypt(std::string_view password, std::span<const unsigned char> salt, int logN,
                                  std::uint32_t r, std::uint32_t p, std::size_t length)
{
    if (logN < 1 || logN > 62 || r == 0 || p == 0 || length == 0) {
        return makeError("parameters-out-of-range", "scrypt needs N >= 2, r >= 1, p >= 1 and a non-empty output.");
    }
    if (r >= (std::uint32_t(1) << 30) || (std::uint64_t(r) << logN) > (std::uint64_t(1) << 50)) {
        return makeError("parameters-too-costly", "The scrypt parameters would need more memory than any machine has.");
    }
    std::uint64_t n = std::uint64_t(1) << logN;
    // OpenSSL refuses when 128*r*(N+2) + 128*r*p exceeds maxmem; callers have bounded both.
    std::uint64_t maxmem = 128 * std::uint64_t(r) * (n + 2) + 128 * std::uint64_t(r) * p + 4096;
    std::array<OSSL_PARAM, 7> params{
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, octets(password.data(), password.size()),
                                          password.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, octets(salt.data(), salt.size()), salt.size()),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
        OSSL_PARAM_construct_end()};
    return derive(OSSL_KDF_NAME_SCRYPT, params.data(), length);
}

Result<SecretBytes> derivePbkdf2(Pbkdf2Digest digest, std::string_view password, std::span<const unsigned char> salt,
                                  std::uint64_t iterations, std::size_t length)
{
    if (iterations == 0 || length == 0) {
        return makeError("parameters-out-of-range", "PBKDF2 needs at least one iteration and a non-empty output.");
    }
    std::string digestName = digest == Pbkdf2Digest::Sha512 ? "SHA512" : "SHA256";
    int pkcs5 = 1; // turns off SP 800-132's minimum salt, iteration and key lengths
    std::array<OSSL_PARAM, 6> params{
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, octets(password.data(), password.size()),
                                          password.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, octets(salt.data(), salt.size()), salt.size()),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_ITER, &iterations),
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digestName.data(), 0),
        OSSL_PARAM_construct_int(OSSL_KDF_PARAM_PKCS5, &pkcs5),
        OSSL_PARAM_construct_end()};
    return derive(OSSL_KDF_NAME_PBKDF2, params.data(), length);
}

} // namespace pc
