// SPDX-License-Identifier: Apache-2.0
#include "auth/JwsAlgorithm.h"

#include <array>

namespace pc {
namespace {

struct AlgInfo {
    JwsAlgorithm alg;
    std::string_view name;
    JwsFamily family;
    KeyType keyType;
    KeyCurve curve;
    std::size_t hashBytes;
    const char* digest;
};

constexpr std::array<AlgInfo, 13> kAlgs{{
    {JwsAlgorithm::HS256, "HS256", JwsFamily::Hmac, KeyType::Oct, KeyCurve::None, 32, "SHA256"},
    {JwsAlgorithm::HS384, "HS384", JwsFamily::Hmac, KeyType::Oct, KeyCurve::None, 48, "SHA384"},
    {JwsAlgorithm::HS512, "HS512", JwsFamily::Hmac, KeyType::Oct, KeyCurve::None, 64, "SHA512"},
    {JwsAlgorithm::RS256, "RS256", JwsFamily::RsaPkcs1, KeyType::Rsa, KeyCurve::None, 32, "SHA256"},
    {JwsAlgorithm::RS384, "RS384", JwsFamily::RsaPkcs1, KeyType::Rsa, KeyCurve::None, 48, "SHA384"},
    {JwsAlgorithm::RS512, "RS512", JwsFamily::RsaPkcs1, KeyType::Rsa, KeyCurve::None, 64, "SHA512"},
    {JwsAlgorithm::PS256, "PS256", JwsFamily::RsaPss, KeyType::Rsa, KeyCurve::None, 32, "SHA256"},
    {JwsAlgorithm::PS384, "PS384", JwsFamily::RsaPss, KeyType::Rsa, KeyCurve::None, 48, "SHA384"},
    {JwsAlgorithm::PS512, "PS512", JwsFamily::RsaPss, KeyType::Rsa, KeyCurve::None, 64, "SHA512"},
    {JwsAlgorithm::ES256, "ES256", JwsFamily::Ecdsa, KeyType::Ec, KeyCurve::P256, 32, "SHA256"},
    {JwsAlgorithm::ES384, "ES384", JwsFamily::Ecdsa, KeyType::Ec, KeyCurve::P384, 48, "SHA384"},
    {JwsAlgorithm::ES512, "ES512", JwsFamily::Ecdsa, KeyType::Ec, KeyCurve::P521, 64, "SHA512"},
    {JwsAlgorithm::EdDSA, "EdDSA", JwsFamily::EdDsa, KeyType::Okp, KeyCurve::Ed25519, 0, ""},
}};

constexpr std::array<JwsAlgorithm, 13> kAll{
    JwsAlgorithm::HS256, JwsAlgorithm::HS384, JwsAlgorithm::HS512, JwsAlgorithm::RS256, JwsAlgorithm::RS384,
    JwsAlgorithm::RS512, JwsAlgorithm::PS256, JwsAlgorithm::PS384, JwsAlgorithm::PS512, JwsAlgorithm::ES256,
    JwsAlgorithm::ES384, JwsAlgorithm::ES512, JwsAlgorithm::EdDSA};

const AlgInfo& info(JwsAlgorithm alg)
{
    return kAlgs[static_cast<std::size_t>(alg)];
}

} // namespace

std::string_view algorithmName(JwsAlgorithm alg)
{
    return info(alg).name;
}

std::optional<JwsAlgorithm> algorithmFromName(std::string_view name)
{
    for (const AlgInfo& a : kAlgs) {
        if (a.name == name) {
            return a.alg;
        }
    }
    return std::nullopt;
}

std::span<const JwsAlgorithm> allAlgorithms()
{
    return kAll;
}

JwsFamily algorithmFamily(JwsAlgorithm alg)
{
    return info(alg).family;
}

KeyType algorithmKeyType(JwsAlgorithm alg)
{
    return info(alg).keyType;
}

KeyCurve algorithmCurve(JwsAlgorithm alg)
{
    return info(alg).curve;
}

std::size_t algorithmHashBytes(JwsAlgorithm alg)
{
    return info(alg).hashBytes;
}

const char* algorithmDigest(JwsAlgorithm alg)
{
    return info(alg).digest;
}

std::string_view keyTypeName(KeyType type)
{
    switch (type) {
    case KeyType::Oct:
        return "oct";
    case KeyType::Rsa:
        return "RSA";
    case KeyType::Ec:
        return "EC";
    case KeyType::Okp:
        return "OKP";
    }
    return {};
}

std::string_view curveName(KeyCurve curve)
{
    switch (curve) {
    case KeyCurve::None:
        return {};
    case KeyCurve::P256:
        return "P-256";
    case KeyCurve::P384:
        return "P-384";
    case KeyCurve::P521:
        return "P-521";
    case KeyCurve::Ed25519:
        return "Ed25519";
    }
    return {};
}

std::optional<KeyCurve> curveFromName(std::string_view name)
{
    for (const KeyCurve c : {KeyCurve::P256, KeyCurve::P384, KeyCurve::P521, KeyCurve::Ed25519}) {
        if (curveName(c) == name) {
            return c;
        }
    }
    return std::nullopt;
}

std::size_t curveBytes(KeyCurve curve)
{
    switch (curve) {
    case KeyCurve::None:
        return 0;
    case KeyCurve::P256:
        return 32;
    case KeyCurve::P384:
        return 48;
    case KeyCurve::P521:
        return 66;
    case KeyCurve::Ed25519:
        return 32;
    }
    return 0;
}

} // namespace pc
