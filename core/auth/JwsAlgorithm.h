// SPDX-License-Identifier: Apache-2.0
// JwsAlgorithm: the JWS "alg" values Portcullis signs and verifies (RFC 7518
// §3, RFC 8037 §3.1) and what each one demands of a key. "none" is not one of
// them and cannot be represented. Stateless tables, thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace pc {

enum class JwsAlgorithm { HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA };

enum class KeyType { Oct, Rsa, Ec, Okp }; // JWK "kty"
enum class KeyCurve { None, P256, P384, P521, Ed25519 };

enum class JwsFamily { Hmac, RsaPkcs1, RsaPss, Ecdsa, EdDsa };

[[nodiscard]] std::string_view algorithmName(JwsAlgorithm alg);
// Exact, case-sensitive match (RFC 7515 §4.1.1); nullopt for unknown names and "none".
[[nodiscard]] std::optional<JwsAlgorithm> algorithmFromName(std::string_view name);
[[nodiscard]] std::span<const JwsAlgorithm> allAlgorithms();

[[nodiscard]] JwsFamily algorithmFamily(JwsAlgorithm alg);
[[nodiscard]] KeyType algorithmKeyType(JwsAlgorithm alg);
// The curve an ES*/EdDSA algorithm is bound to; KeyCurve::None for the others.
[[nodiscard]] KeyCurve algorithmCurve(JwsAlgorithm alg);
// SHA-2 output size in bytes (the minimum HMAC key size); 0 for EdDSA.
[[nodiscard]] std::size_t algorithmHashBytes(JwsAlgorithm alg);
// OpenSSL digest name ("SHA256"); empty for EdDSA.
[[nodiscard]] const char* algorithmDigest(JwsAlgorithm alg);

[[nodiscard]] std::string_view keyTypeName(KeyType type); // "oct", "RSA", "EC", "OKP"
[[nodiscard]] std::string_view curveName(KeyCurve curve); // "P-256" ... "Ed25519"; empty for None
[[nodiscard]] std::optional<KeyCurve> curveFromName(std::string_view name);
// Coordinate / scalar size in bytes: 32, 48, 66, 32; 0 for None.
[[nodiscard]] std::size_t curveBytes(KeyCurve curve);

} // namespace pc
