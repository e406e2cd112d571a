// SPDX-License-Identifier: Apache-2.0
// JoseKey: one signing or verification key as JOSE sees it — an HMAC secret
// (kty "oct") or an OpenSSL RSA, EC (P-256/384/521) or Ed25519 key — with its
// key id and the algorithms it may be used with. Keys too weak for JOSE (HMAC
// under 32 bytes, RSA under 2048 bits) cannot be constructed. Immutable after
// construction apart from kid/alg binding; copies share the key material, which
// is wiped when the last copy goes. Thread-safe to share once built.
#pragma once

#include "auth/JwsAlgorithm.h"
#include "auth/SecretBytes.h"
#include "common/Result.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

struct evp_pkey_st; // OpenSSL's EVP_PKEY

namespace pc {

class JoseKey {
public:
    static constexpr std::size_t kMinHmacBytes = 32; // RFC 7518 §3.2 for HS256
    static constexpr int kMinRsaBits = 2048;         // RFC 7518 §3.3

    // An HMAC key; refused ("weak-key") when shorter than 32 bytes.
    [[nodiscard]] static Result<JoseKey> fromSecret(SecretBytes secret, std::string kid = {});
    // An OpenSSL key (takes a reference). Refused: RSA under 2048 bits,
    // curves other than P-256/384/521 and Ed25519, EC points off the curve.
    [[nodiscard]] static Result<JoseKey> fromPkey(std::shared_ptr<evp_pkey_st> pkey, std::string kid = {});

    [[nodiscard]] KeyType type() const { return m_type; }
    [[nodiscard]] KeyCurve curve() const { return m_curve; }
    [[nodiscard]] int bits() const { return m_bits; }
    // True for HMAC keys and for keys that hold their private half.
    [[nodiscard]] bool isPrivate() const { return m_private; }
    [[nodiscard]] const std::string& kid() const { return m_kid; }
    void setKid(std::string kid) { m_kid = std::move(kid); }
    // A JWK "alg" member binds a key to one algorithm (RFC 7517 §4.4).
    [[nodiscard]] std::optional<JwsAlgorithm> boundAlgorithm() const { return m_bound; }
    void bindAlgorithm(std::optional<JwsAlgorithm> alg) { m_bound = alg; }

    // Whether this key may sign/verify with `alg`: key type, curve, binding,
    // and for HMAC a key at least as long as the hash output.
    [[nodiscard]] bool supports(JwsAlgorithm alg) const;
    // Why supports(alg) is false, as a sentence; empty when it is true.
    [[nodiscard]] std::string whyNot(JwsAlgorithm alg) const;
    [[nodiscard]] std::vector<JwsAlgorithm> algorithms() const;

    // The public half (same kid and binding); "no-public-key" for HMAC keys.
    [[nodiscard]] Result<JoseKey> publicKey() const;
    // "RSA 2048-bit private key", "EC P-256 public key", "HMAC key of 32 bytes".
    [[nodiscard]] std::string describe() const;

    [[nodiscard]] evp_pkey_st* pkey() const { return m_pkey.get(); }
    [[nodiscard]] const SecretBytes& secret() const;

private:
    JoseKey() = default;
    KeyType m_type = KeyType::Oct;
    KeyCurve m_curve = KeyCurve::None;
    int m_bits = 0;
    bool m_private = false;
    std::string m_kid;
    std::optional<JwsAlgorithm> m_bound;
    std::shared_ptr<evp_pkey_st> m_pkey;
    std::shared_ptr<const SecretBytes> m_secret;
};

} // namespace pc
