// SPDX-License-Identifier: Apache-2.0
#include "auth/EcdsaSignature.h"

#include "auth/OpenSslHandles.h"

namespace pc {

std::optional<std::string> EcdsaSignature::derToJose(std::string_view der, std::size_t coordinateBytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    ossl::EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())));
    if (!sig || p != reinterpret_cast<const unsigned char*>(der.data()) + der.size()) {
        return std::nullopt;
    }
    const BIGNUM* r = ECDSA_SIG_get0_r(sig.get());
    const BIGNUM* s = ECDSA_SIG_get0_s(sig.get());
    std::string out(2 * coordinateBytes, '\0');
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    const int n = static_cast<int>(coordinateBytes);
    if (BN_bn2binpad(r, o, n) != n || BN_bn2binpad(s, o + coordinateBytes, n) != n) {
        return std::nullopt;
    }
    return out;
}

std::optional<std::string> EcdsaSignature::joseToDer(std::string_view jose, std::size_t coordinateBytes)
{
    if (coordinateBytes == 0 || jose.size() != 2 * coordinateBytes) {
        return std::nullopt;
    }
    const auto* in = reinterpret_cast<const unsigned char*>(jose.data());
    const int n = static_cast<int>(coordinateBytes);
    ossl::BnPtr r(BN_bin2bn(in, n, nullptr));
    ossl::BnPtr s(BN_bin2bn(in + coordinateBytes, n, nullptr));
    // The psychic signature (CVE-2022-21449): r = s = 0 must never reach a verifier.
    if (!r || !s || BN_is_zero(r.get()) || BN_is_zero(s.get())) {
        return std::nullopt;
    }
    ossl::EcdsaSigPtr sig(ECDSA_SIG_new());
    if (!sig || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1) {
        return std::nullopt;
    }
    r.release();
    s.release();
    unsigned char* der = nullptr;
    const int len = i2d_ECDSA_SIG(sig.get(), &der);
    if (len <= 0) {
        return std::nullopt;
    }
    std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(len));
    OPENSSL_free(der);
    return out;
}

} // namespace pc
