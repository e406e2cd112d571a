// SPDX-License-Identifier: Apache-2.0
// Jws: the JWS compact serialisation (RFC 7515 §7.1) — splitting a token into
// its parts, signing and checking signatures with OpenSSL 3 EVP. It checks the
// cryptography only; what a token must contain is JwtVerifier's business.
// ECDSA signatures are JOSE's fixed-length R‖S (RFC 7518 §3.4), converted to and
// from DER for OpenSSL. Stateless, thread-safe.
#pragma once

#include "auth/JoseKey.h"
#include "auth/JwsAlgorithm.h"
#include "common/Result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace pc {

// The three parts of a compact JWS, still encoded, plus the decoded signature.
struct JwsParts {
    std::string_view headerB64;
    std::string_view payloadB64;
    std::string_view signatureB64;
    std::string signingInput; // headerB64 + '.' + payloadB64, exactly as received
};

// ECDSA malleability: a signature (r, s) and its twin (r, n - s) both verify,
// and both are accepted, as RFC 7518 and PyJWT/jwt-cpp do; refusing high s
// would reject about half of the tokens other issuers produce. What JOSE fixes
// is refused: lengths other than exactly twice the curve size, DER, and r = 0
// or s = 0. Tokens must be identified by jti, never by a hash of their text.
class Jws {
public:
    // Splits at the two dots; "bad-format" when there are not exactly three parts.
    [[nodiscard]] static Result<JwsParts> split(std::string_view compact);

    // Signs `payload` under a header of {"alg": ...} plus `extraHeader`'s members
    // (kid, typ ...). The header is serialised compactly with sorted members.
    [[nodiscard]] static Result<std::string> sign(JwsAlgorithm alg, const JoseKey& key, std::string_view payload,
                                                  const nlohmann::json& extraHeader = nlohmann::json::object());
    // The raw signature (JOSE form) over an exact signing input.
    [[nodiscard]] static Result<std::string> signature(JwsAlgorithm alg, const JoseKey& key,
                                                       std::string_view signingInput);
    // Checks a raw JOSE signature. Error codes: "key-type-mismatch", "empty-signature",
    // "bad-signature-length", "bad-signature".
    [[nodiscard]] static Status verify(JwsAlgorithm alg, const JoseKey& key, std::string_view signingInput,
                                       std::string_view signature);
};

} // namespace pc
