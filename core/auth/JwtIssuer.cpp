// SPDX-License-Identifier: Apache-2.0
#include "auth/JwtIssuer.h"

#include "auth/Base64Url.h"
#include "auth/Jws.h"
#include "auth/OpenSslHandles.h"

#include <openssl/rand.h>

namespace pc {
namespace {

using Json = nlohmann::json;

constexpr const char* kRegistered[] = {"iss", "sub", "aud", "exp", "nbf", "iat", "jti", "token_type"};

bool isRegistered(const std::string& name)
{
    for (const char* r : kRegistered) {
        if (name == r) {
            return true;
        }
    }
    return false;
}

} // namespace

Result<JwtIssuer> JwtIssuer::create(const JwtSettings& settings, JoseKey signingKey)
{
    if (!signingKey.isPrivate()) {
        return makeError("no-private-key",
                         "Issuing tokens needs the private key, but the key is " + signingKey.describe() + ".", {},
                         "Point the policy's key at the private key (PKCS#8 PEM or a private JWK).");
    }
    for (const std::string& name : settings.algorithms) {
        const auto alg = algorithmFromName(name);
        if (alg && signingKey.supports(*alg)) {
            return JwtIssuer(settings, std::move(signingKey), *alg);
        }
    }
    return makeError("key-type-mismatch",
                     "None of the allowed algorithms fits the signing key (" + signingKey.describe() + ").", {},
                     "Allow an algorithm of the key's type in auth.jwt.algorithms.");
}

Json JwtIssuer::claimsFor(TokenKind kind, SystemTime now, const Json& extraClaims) const
{
    const auto iat = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    const Duration ttl = kind == TokenKind::Access ? m_settings.accessTtl : m_settings.refreshTtl;
    Json claims = Json::object();
    if (!m_settings.issuer.empty()) {
        claims["iss"] = m_settings.issuer;
    }
    if (m_settings.audience.size() == 1) {
        claims["aud"] = m_settings.audience.front();
    } else if (!m_settings.audience.empty()) {
        claims["aud"] = m_settings.audience;
    }
    claims["iat"] = iat;
    claims["nbf"] = iat;
    claims["exp"] = iat + ttl.totalSeconds();
    claims["token_type"] = kind == TokenKind::Access ? "access" : "refresh";
    if (m_settings.claims.is_object()) {
        for (const auto& [name, value] : m_settings.claims.items()) {
            if (!isRegistered(name)) {
                claims[name] = value;
            }
        }
    }
    if (extraClaims.is_object()) {
        for (const auto& [name, value] : extraClaims.items()) {
            if (value.is_null()) {
                claims.erase(name);
            } else {
                claims[name] = value;
            }
        }
    }
    return claims;
}

Result<std::string> JwtIssuer::issue(TokenKind kind, SystemTime now, const Json& extraClaims) const
{
    Json claims = claimsFor(kind, now, extraClaims);
    const bool jtiGiven = extraClaims.is_object() && extraClaims.contains("jti");
    if (!jtiGiven) {
        unsigned char random[16];
        if (RAND_bytes(random, sizeof random) != 1) {
            return makeError("crypto-failure", "The random generator failed: " + ossl::lastError() + ".");
        }
        claims["jti"] = Base64Url::encode(std::string_view(reinterpret_cast<const char*>(random), sizeof random));
    }
    Json header = Json::object();
    header["typ"] = m_settings.typ.empty() ? std::string("JWT") : m_settings.typ;
    if (!m_key.kid().empty()) {
        header["kid"] = m_key.kid();
    }
    return Jws::sign(m_alg, m_key, claims.dump(), header);
}

} // namespace pc
