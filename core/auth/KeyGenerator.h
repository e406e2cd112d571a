// SPDX-License-Identifier: Apache-2.0
// KeyGenerator: fresh keys from OpenSSL's CSPRNG — HMAC secrets, RSA 2048/
// 3072/4096, EC P-256/384/521 and Ed25519. Asymmetric keys get their RFC 7638
// thumbprint as kid. Stateless, thread-safe.
#pragma once

#include "auth/JoseKey.h"
#include "common/Result.h"

namespace pc {

class KeyGenerator {
public:
    // The key a `keygen <alg>` wants: HS* an HMAC secret with as many random
    // bytes as the hash output, RS*/PS* an RSA key of rsaBits, ES* its curve,
    // EdDSA Ed25519.
    [[nodiscard]] static Result<JoseKey> forAlgorithm(JwsAlgorithm alg, int rsaBits = 2048);

    // An HMAC secret whose bytes are the base64url text of `randomBytes` random
    // bytes — printable, so it fits an environment variable or a .env line the
    // way FastAPI's SECRET_KEY does, and carries 8 * randomBytes bits of entropy.
    [[nodiscard]] static Result<JoseKey> hmacSecret(std::size_t randomBytes = 32);
    [[nodiscard]] static Result<JoseKey> rsa(int bits);      // 2048, 3072 or 4096
    [[nodiscard]] static Result<JoseKey> ec(KeyCurve curve); // P-256, P-384, P-521
    [[nodiscard]] static Result<JoseKey> ed25519();
};

} // namespace pc
