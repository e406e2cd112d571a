// SPDX-License-Identifier: Apache-2.0
#include "auth/JwtToolkit.h"

#include "auth/JwkCodec.h"
#include "auth/JwtKeyring.h"
#include "auth/KeyGenerator.h"
#include "auth/PemCodec.h"

namespace pc {
namespace {

Error noJwt()
{
    return makeError("jwt-missing", "The policy has no auth.jwt section.", "/auth",
                     "Add auth.jwt with the algorithms and the key reference.");
}

} // namespace

Result<GeneratedKey> JwtToolkit::keygen(std::string_view alg, int rsaBits)
{
    const auto parsed = algorithmFromName(alg);
    if (!parsed) {
        return makeError("unknown-algorithm", "\"" + quoteForMessage(alg) + "\" is not a JWS algorithm.", {},
                         "Use HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512 or EdDSA.");
    }
    auto key = KeyGenerator::forAlgorithm(*parsed, rsaBits);
    if (!key) {
        return std::move(key).takeErrors();
    }
    key.value().bindAlgorithm(*parsed);
    GeneratedKey out{key.value(), std::string(alg), {}, {}, {}, {}, nullptr};
    auto jwk = JwkCodec::privateJwkText(out.key);
    if (!jwk) {
        return std::move(jwk).takeErrors();
    }
    out.privateJwk = std::move(jwk.value());
    if (out.key.type() == KeyType::Oct) {
        out.secret = out.key.secret().clone();
        return out;
    }
    auto privatePem = PemCodec::privateKeyPem(out.key);
    auto publicPem = PemCodec::publicKeyPem(out.key);
    auto publicJwk = JwkCodec::publicJwk(out.key);
    if (!privatePem || !publicPem || !publicJwk) {
        return makeError("crypto-failure", "The generated key could not be exported.");
    }
    out.privatePem = std::move(privatePem.value());
    out.publicPem = std::move(publicPem.value());
    out.publicJwk = std::move(publicJwk.value());
    return out;
}

Result<std::string> JwtToolkit::issue(const Policy& policy, const SecretResolver& resolver, TokenKind kind,
                                      SystemTime now, const nlohmann::json& extraClaims)
{
    if (!policy.auth.jwt) {
        return noJwt();
    }
    const JwtSettings& settings = *policy.auth.jwt;
    auto keys = JwtKeyring::load(settings, policy.secrets, resolver);
    if (!keys) {
        return std::move(keys).takeErrors();
    }
    auto key = JwtKeyring::signingKey(*keys, settings);
    if (!key) {
        return std::move(key).takeErrors();
    }
    auto issuer = JwtIssuer::create(settings, std::move(key.value()));
    if (!issuer) {
        return std::move(issuer).takeErrors();
    }
    return issuer->issue(kind, now, extraClaims);
}

Result<VerifiedToken> JwtToolkit::verify(const Policy& policy, const SecretResolver& resolver, std::string_view token,
                                         SystemTime now, TokenUse use)
{
    if (!policy.auth.jwt) {
        return noJwt();
    }
    auto keys = JwtKeyring::load(*policy.auth.jwt, policy.secrets, resolver);
    if (!keys) {
        return std::move(keys).takeErrors();
    }
    auto verifier = JwtVerifier::create(*policy.auth.jwt, std::move(keys.value()));
    if (!verifier) {
        return std::move(verifier).takeErrors();
    }
    return verifier->verify(token, now, use);
}

} // namespace pc
