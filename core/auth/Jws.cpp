// SPDX-License-Identifier: Apache-2.0
#include "auth/Jws.h"

#include "auth/Base64Url.h"
#include "auth/EcdsaSignature.h"
#include "auth/OpenSslHandles.h"

#include <openssl/crypto.h>
#include <openssl/rsa.h>

#include <algorithm>

namespace pc {
namespace {

Result<std::string> hmac(JwsAlgorithm alg, const JoseKey& key, std::string_view input)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    std::size_t outLen = 0;
    const SecretBytes& secret = key.secret();
    if (EVP_Q_mac(nullptr, "HMAC", nullptr, algorithmDigest(alg), nullptr, secret.bytes(), secret.size(),
                  reinterpret_cast<const unsigned char*>(input.data()), input.size(), out, sizeof out,
                  &outLen) == nullptr) {
        return makeError("crypto-failure", "HMAC computation failed: " + ossl::lastError() + ".");
    }
    std::string mac(reinterpret_cast<const char*>(out), outLen);
    OPENSSL_cleanse(out, sizeof out);
    return mac;
}

// Initialises a DigestSign/DigestVerify context with the padding JOSE fixes
// for each family: PKCS#1 v1.5, or PSS with MGF1 of the same hash and a salt as
// long as the hash (RFC 7518 §3.5) — set explicitly, never left to defaults.
bool initContext(EVP_MD_CTX* md, JwsAlgorithm alg, EVP_PKEY* pkey, bool signing)
{
    EVP_PKEY_CTX* pctx = nullptr;
    const char* digest = algorithmFamily(alg) == JwsFamily::EdDsa ? nullptr : algorithmDigest(alg);
    const int rc = signing ? EVP_DigestSignInit_ex(md, &pctx, digest, nullptr, nullptr, pkey, nullptr)
                           : EVP_DigestVerifyInit_ex(md, &pctx, digest, nullptr, nullptr, pkey, nullptr);
    if (rc != 1) {
        return false;
    }
    switch (algorithmFamily(alg)) {
    case JwsFamily::RsaPkcs1:
        return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) == 1;
    case JwsFamily::RsaPss:
        return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1 &&
               EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1 &&
               EVP_PKEY_CTX_set_rsa_mgf1_md_name(pctx, algorithmDigest(alg), nullptr) == 1;
    default:
        return true;
    }
}

Error mismatch(JwsAlgorithm alg, const JoseKey& key)
{
    return makeError("key-type-mismatch", key.whyNot(alg));
}

} // namespace

Result<JwsParts> Jws::split(std::string_view compact)
{
    const auto first = compact.find('.');
    const auto second = first == std::string_view::npos ? first : compact.find('.', first + 1);
    if (second == std::string_view::npos || compact.find('.', second + 1) != std::string_view::npos) {
        const auto dots = static_cast<int>(std::count(compact.begin(), compact.end(), '.'));
        return makeError("bad-format", "A compact JWS has exactly three parts separated by two dots; this token has " +
                                           std::to_string(dots) + (dots == 1 ? " dot." : " dots."));
    }
    JwsParts parts;
    parts.headerB64 = compact.substr(0, first);
    parts.payloadB64 = compact.substr(first + 1, second - first - 1);
    parts.signatureB64 = compact.substr(second + 1);
    parts.signingInput = std::string(compact.substr(0, second));
    return parts;
}

Result<std::string> Jws::sign(JwsAlgorithm alg, const JoseKey& key, std::string_view payload,
                              const nlohmann::json& extraHeader)
{
    nlohmann::json header = extraHeader.is_object() ? extraHeader : nlohmann::json::object();
    header["alg"] = algorithmName(alg);
    std::string input = Base64Url::encode(header.dump()) + '.' + Base64Url::encode(payload);
    auto sig = signature(alg, key, input);
    if (!sig) {
        return std::move(sig).takeErrors();
    }
    input += '.';
    input += Base64Url::encode(*sig);
    return input;
}

Result<std::string> Jws::signature(JwsAlgorithm alg, const JoseKey& key, std::string_view signingInput)
{
    if (!key.supports(alg)) {
        return mismatch(alg, key);
    }
    if (algorithmFamily(alg) == JwsFamily::Hmac) {
        return hmac(alg, key, signingInput);
    }
    if (!key.isPrivate()) {
        return makeError("no-private-key", "Signing needs a private key, but the key is " + key.describe() + ".");
    }
    ossl::MdCtxPtr md(EVP_MD_CTX_new());
    const auto* tbs = reinterpret_cast<const unsigned char*>(signingInput.data());
    std::size_t len = 0;
    if (!md || !initContext(md.get(), alg, key.pkey(), true) ||
        EVP_DigestSign(md.get(), nullptr, &len, tbs, signingInput.size()) != 1) {
        return makeError("crypto-failure", "Signing failed: " + ossl::lastError() + ".");
    }
    std::string sig(len, '\0');
    if (EVP_DigestSign(md.get(), reinterpret_cast<unsigned char*>(sig.data()), &len, tbs, signingInput.size()) != 1) {
        return makeError("crypto-failure", "Signing failed: " + ossl::lastError() + ".");
    }
    sig.resize(len);
    if (algorithmFamily(alg) == JwsFamily::Ecdsa) {
        auto jose = EcdsaSignature::derToJose(sig, curveBytes(key.curve()));
        if (!jose) {
            return makeError("crypto-failure", "OpenSSL produced an ECDSA signature that does not fit the curve.");
        }
        return *jose;
    }
    return sig;
}

Status Jws::verify(JwsAlgorithm alg, const JoseKey& key, std::string_view signingInput, std::string_view signature)
{
    if (!key.supports(alg)) {
        return mismatch(alg, key);
    }
    const std::string name(algorithmName(alg));
    if (signature.empty()) {
        return makeError("empty-signature", "The token has an empty signature; " + name + " tokens must be signed.");
    }
    const auto wrongLength = [&](std::size_t expected) {
        return makeError("bad-signature-length", "The " + name + " signature is " + std::to_string(signature.size()) +
                                                     " bytes long; it must be exactly " + std::to_string(expected) +
                                                     " bytes.");
    };
    const auto bad = [&] { return makeError("bad-signature", "The " + name + " signature does not match the token."); };

    if (algorithmFamily(alg) == JwsFamily::Hmac) {
        if (signature.size() != algorithmHashBytes(alg)) {
            return wrongLength(algorithmHashBytes(alg));
        }
        auto mac = hmac(alg, key, signingInput);
        if (!mac) {
            return std::move(mac).takeErrors();
        }
        const bool same = CRYPTO_memcmp(mac->data(), signature.data(), signature.size()) == 0;
        cleanseString(mac.value());
        return same ? Status(Ok{}) : Status(bad());
    }

    std::string der;
    std::string_view toCheck = signature;
    switch (algorithmFamily(alg)) {
    case JwsFamily::Ecdsa: {
        const std::size_t n = curveBytes(key.curve());
        if (signature.size() != 2 * n) {
            return wrongLength(2 * n);
        }
        auto converted = EcdsaSignature::joseToDer(signature, n);
        if (!converted) {
            return makeError("bad-signature", "The " + name +
                                                  " signature has r or s equal to zero, which no valid "
                                                  "ECDSA signature has.");
        }
        der = std::move(*converted);
        toCheck = der;
        break;
    }
    case JwsFamily::EdDsa:
        if (signature.size() != 64) {
            return wrongLength(64);
        }
        break;
    default: {
        const auto size = static_cast<std::size_t>(EVP_PKEY_get_size(key.pkey()));
        if (signature.size() != size) {
            return wrongLength(size);
        }
        break;
    }
    }

    ossl::MdCtxPtr md(EVP_MD_CTX_new());
    if (!md || !initContext(md.get(), alg, key.pkey(), false)) {
        return makeError("crypto-failure", "Verification could not start: " + ossl::lastError() + ".");
    }
    const int rc = EVP_DigestVerify(md.get(), reinterpret_cast<const unsigned char*>(toCheck.data()), toCheck.size(),
                                    reinterpret_cast<const unsigned char*>(signingInput.data()), signingInput.size());
    ossl::lastError(); // a refused signature leaves reasons on the queue; do not leak them into the next call
    return rc == 1 ? Status(Ok{}) : Status(bad());
}

} // namespace pc
