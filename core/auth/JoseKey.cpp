// SPDX-License-Identifier: Apache-2.0
#include "auth/JoseKey.h"

#include "auth/OpenSslHandles.h"

#include <openssl/core_names.h>

namespace pc {
namespace {

bool hasBnParam(EVP_PKEY* pkey, const char* name)
{
    BIGNUM* bn = nullptr;
    const bool ok = EVP_PKEY_get_bn_param(pkey, name, &bn) == 1 && bn != nullptr;
    BN_clear_free(bn);
    return ok;
}

std::optional<KeyCurve> ecCurve(EVP_PKEY* pkey)
{
    char group[64] = {};
    std::size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len) != 1) {
        return std::nullopt;
    }
    const std::string_view g(group, len);
    if (g == "prime256v1" || g == "P-256") {
        return KeyCurve::P256;
    }
    if (g == "secp384r1" || g == "P-384") {
        return KeyCurve::P384;
    }
    if (g == "secp521r1" || g == "P-521") {
        return KeyCurve::P521;
    }
    return std::nullopt;
}

} // namespace

Result<JoseKey> JoseKey::fromSecret(SecretBytes secret, std::string kid)
{
    if (secret.size() < kMinHmacBytes) {
        return makeError("weak-key",
                         "The HMAC key is " + std::to_string(secret.size()) +
                             " bytes long; JOSE requires at least 32 bytes (as long as the SHA-256 output).",
                         {}, "Generate a random secret of at least 32 bytes (for example `openssl rand -base64 48`).");
    }
    JoseKey key;
    key.m_type = KeyType::Oct;
    key.m_bits = static_cast<int>(secret.size() * 8);
    key.m_private = true;
    key.m_kid = std::move(kid);
    key.m_secret = std::make_shared<const SecretBytes>(std::move(secret));
    return key;
}

Result<JoseKey> JoseKey::fromPkey(std::shared_ptr<evp_pkey_st> pkey, std::string kid)
{
    if (!pkey) {
        return makeError("bad-key", "No key was given.");
    }
    JoseKey key;
    key.m_kid = std::move(kid);
    key.m_bits = EVP_PKEY_get_bits(pkey.get());
    switch (EVP_PKEY_get_base_id(pkey.get())) {
    case EVP_PKEY_RSA:
        key.m_type = KeyType::Rsa;
        if (key.m_bits < kMinRsaBits) {
            return makeError("weak-key",
                             "The RSA key has " + std::to_string(key.m_bits) +
                                 " bits; JOSE requires at least 2048 bits (RFC 7518 §3.3).",
                             {}, "Generate a 2048-, 3072- or 4096-bit RSA key.");
        }
        key.m_private = hasBnParam(pkey.get(), OSSL_PKEY_PARAM_RSA_D);
        break;
    case EVP_PKEY_EC: {
        key.m_type = KeyType::Ec;
        const auto curve = ecCurve(pkey.get());
        if (!curve) {
            return makeError("unsupported-key", "The EC key is on a curve JOSE signatures do not use.", {},
                             "Use P-256 (ES256), P-384 (ES384) or P-521 (ES512).");
        }
        key.m_curve = *curve;
        key.m_private = hasBnParam(pkey.get(), OSSL_PKEY_PARAM_PRIV_KEY);
        // Invalid-curve attacks feed points that are not on the curve; check once here.
        ossl::PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey.get(), nullptr));
        if (!ctx || EVP_PKEY_public_check(ctx.get()) != 1) {
            ossl::lastError();
            return makeError("bad-key", "The EC public key is not a valid point on its curve.");
        }
        break;
    }
    case EVP_PKEY_ED25519: {
        key.m_type = KeyType::Okp;
        key.m_curve = KeyCurve::Ed25519;
        std::size_t len = 0;
        key.m_private = EVP_PKEY_get_raw_private_key(pkey.get(), nullptr, &len) == 1 && len == 32;
        ossl::lastError();
        break;
    }
    case EVP_PKEY_RSA_PSS:
        return makeError("unsupported-key", "The key is an RSASSA-PSS-restricted RSA key.", {},
                         "Export it as a plain RSA key (\"BEGIN PUBLIC KEY\" with rsaEncryption); PS256/384/512 "
                         "use plain RSA keys.");
    default:
        return makeError("unsupported-key", "The key type is not one JWS uses.", {},
                         "Use an RSA (2048 bits or more), EC P-256/384/521 or Ed25519 key.");
    }
    key.m_pkey = std::move(pkey);
    return key;
}

bool JoseKey::supports(JwsAlgorithm alg) const
{
    return whyNot(alg).empty();
}

std::string JoseKey::whyNot(JwsAlgorithm alg) const
{
    const std::string name(algorithmName(alg));
    if (m_bound && *m_bound != alg) {
        return "The key is bound to " + std::string(algorithmName(*m_bound)) + " by its \"alg\" member, not " + name +
               ".";
    }
    if (algorithmKeyType(alg) != m_type) {
        return name + " needs " +
               (algorithmKeyType(alg) == KeyType::Oct
                    ? std::string("an HMAC secret")
                    : "a key of type " + std::string(keyTypeName(algorithmKeyType(alg)))) +
               ", but the key is " + describe() + ".";
    }
    if (algorithmCurve(alg) != KeyCurve::None && algorithmCurve(alg) != m_curve) {
        return name + " needs a " + std::string(curveName(algorithmCurve(alg))) + " key, but the key is " + describe() +
               ".";
    }
    if (m_type == KeyType::Oct && m_secret->size() < algorithmHashBytes(alg)) {
        return name + " needs an HMAC key of at least " + std::to_string(algorithmHashBytes(alg)) +
               " bytes (RFC 7518 §3.2), but the key has " + std::to_string(m_secret->size()) + ".";
    }
    return {};
}

std::vector<JwsAlgorithm> JoseKey::algorithms() const
{
    std::vector<JwsAlgorithm> out;
    for (const JwsAlgorithm alg : allAlgorithms()) {
        if (supports(alg)) {
            out.push_back(alg);
        }
    }
    return out;
}

Result<JoseKey> JoseKey::publicKey() const
{
    if (m_type == KeyType::Oct) {
        return makeError("no-public-key", "An HMAC key has no public half; the verifier needs the secret itself.");
    }
    if (!m_private) {
        return *this;
    }
    unsigned char* der = nullptr;
    const int len = i2d_PUBKEY(m_pkey.get(), &der);
    if (len <= 0) {
        return makeError("bad-key", "The public key could not be extracted: " + ossl::lastError() + ".");
    }
    const unsigned char* p = der;
    ossl::PkeyPtr pub(d2i_PUBKEY(nullptr, &p, len));
    OPENSSL_free(der);
    if (!pub) {
        return makeError("bad-key", "The public key could not be extracted: " + ossl::lastError() + ".");
    }
    JoseKey out = *this;
    out.m_pkey = ossl::share(std::move(pub));
    out.m_private = false;
    return out;
}

std::string JoseKey::describe() const
{
    const std::string half = m_private ? "private key" : "public key";
    switch (m_type) {
    case KeyType::Oct:
        return "an HMAC key of " + std::to_string(m_secret->size()) + " bytes";
    case KeyType::Rsa:
        return "an RSA " + std::to_string(m_bits) + "-bit " + half;
    case KeyType::Ec:
        return "an EC " + std::string(curveName(m_curve)) + " " + half;
    case KeyType::Okp:
        return "an " + std::string(curveName(m_curve)) + " " + half;
    }
    return {};
}

const SecretBytes& JoseKey::secret() const
{
    static const SecretBytes empty;
    return m_secret ? *m_secret : empty;
}

} // namespace pc
