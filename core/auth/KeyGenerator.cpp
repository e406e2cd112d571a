// SPDX-License-Identifier: Apache-2.0
#include "auth/KeyGenerator.h"

#include "auth/Base64Url.h"
#include "auth/JwkCodec.h"
#include "auth/OpenSslHandles.h"

#include <openssl/rand.h>

namespace pc {
namespace {

Result<JoseKey> withThumbprint(EVP_PKEY* raw, const char* what)
{
    if (raw == nullptr) {
        return makeError("crypto-failure",
                         std::string("Generating the ") + what + " key failed: " + ossl::lastError() + ".");
    }
    auto key = JoseKey::fromPkey(ossl::share(ossl::PkeyPtr(raw)));
    if (!key) {
        return key;
    }
    auto kid = JwkCodec::thumbprint(*key);
    if (!kid) {
        return std::move(kid).takeErrors();
    }
    key->setKid(std::move(*kid));
    return key;
}

} // namespace

Result<JoseKey> KeyGenerator::forAlgorithm(JwsAlgorithm alg, int rsaBits)
{
    switch (algorithmKeyType(alg)) {
    case KeyType::Oct:
        return hmacSecret(algorithmHashBytes(alg));
    case KeyType::Rsa:
        return rsa(rsaBits);
    case KeyType::Ec:
        return ec(algorithmCurve(alg));
    case KeyType::Okp:
        return ed25519();
    }
    return makeError("unsupported-key", "No key type is known for this algorithm.");
}

Result<JoseKey> KeyGenerator::hmacSecret(std::size_t randomBytes)
{
    if (randomBytes < JoseKey::kMinHmacBytes || randomBytes > 1024) {
        return makeError("weak-key", "An HMAC secret needs between 32 and 1024 random bytes.");
    }
    SecretBytes random(randomBytes);
    if (RAND_bytes(random.bytes(), static_cast<int>(random.size())) != 1) {
        return makeError("crypto-failure", "The random generator failed: " + ossl::lastError() + ".");
    }
    std::string text = Base64Url::encode(random.view());
    return JoseKey::fromSecret(SecretBytes::adopt(text));
}

Result<JoseKey> KeyGenerator::rsa(int bits)
{
    if (bits != 2048 && bits != 3072 && bits != 4096) {
        return makeError("unsupported-key",
                         "RSA keys are generated with 2048, 3072 or 4096 bits, not " + std::to_string(bits) + ".");
    }
    return withThumbprint(EVP_RSA_gen(static_cast<unsigned int>(bits)), "RSA");
}

Result<JoseKey> KeyGenerator::ec(KeyCurve curve)
{
    const char* group = curve == KeyCurve::P256   ? "P-256"
                        : curve == KeyCurve::P384 ? "P-384"
                        : curve == KeyCurve::P521 ? "P-521"
                                                  : nullptr;
    if (group == nullptr) {
        return makeError("unsupported-key", "EC keys are generated on P-256, P-384 or P-521.");
    }
    return withThumbprint(EVP_EC_gen(group), "EC");
}

Result<JoseKey> KeyGenerator::ed25519()
{
    return withThumbprint(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), "Ed25519");
}

} // namespace pc
