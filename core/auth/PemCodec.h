// SPDX-License-Identifier: Apache-2.0
// PemCodec: reads and writes keys as PEM — PKCS#8 "PRIVATE KEY", the
// traditional "RSA/EC PRIVATE KEY", SPKI "PUBLIC KEY", PKCS#1 "RSA PUBLIC KEY",
// and the public key of a "CERTIFICATE". Encrypted private keys are refused
// with a hint (no passphrase prompts in a policy tool). Stateless, thread-safe.
#pragma once

#include "auth/JoseKey.h"
#include "auth/SecretBytes.h"
#include "common/Result.h"

#include <string>
#include <string_view>

namespace pc {

class PemCodec {
public:
    static constexpr std::size_t kMaxPemBytes = 64 * 1024;

    [[nodiscard]] static bool looksLikePem(std::string_view text);
    // Error codes: "bad-pem", "encrypted-key", "weak-key", "unsupported-key", "too-large".
    [[nodiscard]] static Result<JoseKey> parse(std::string_view pem, std::string kid = {});

    // PKCS#8, unencrypted, in wiped memory. "no-private-key" for public keys.
    [[nodiscard]] static Result<SecretBytes> privateKeyPem(const JoseKey& key);
    // SPKI ("BEGIN PUBLIC KEY"), for private keys too. "no-public-key" for HMAC.
    [[nodiscard]] static Result<std::string> publicKeyPem(const JoseKey& key);
    // The same SPKI as DER bytes.
    [[nodiscard]] static Result<std::string> publicKeyDer(const JoseKey& key);
};

} // namespace pc
