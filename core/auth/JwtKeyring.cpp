// SPDX-License-Identifier: Apache-2.0
#include "auth/JwtKeyring.h"

#include "auth/JwkCodec.h"
#include "auth/PemCodec.h"

namespace pc {
namespace {

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) {
        s.remove_prefix(1);
    }
    return s;
}

SecretKind kindOf(const SecretSource& source, std::span<const SecretRef> secrets)
{
    for (const SecretRef& ref : secrets) {
        if (!source.secret.empty() && ref.name == source.secret) {
            return ref.kind;
        }
    }
    return SecretKind::Generic;
}

} // namespace

std::string JwtKeyring::keyPointer(const JwtSettings& settings, std::size_t index, const std::string& pointer)
{
    if (settings.keys.size() == 1 && settings.keys.front().kid.empty()) {
        return pointer + "/key";
    }
    return pointer + "/keys/" + std::to_string(index);
}

Result<std::vector<JoseKey>> JwtKeyring::parse(const SecretBytes& material, SecretKind kind, const std::string& kid)
{
    const std::string_view text = trimmed(material.view());
    const bool asymmetricOnly = kind == SecretKind::PrivateKey || kind == SecretKind::PublicKey;
    Result<std::vector<JoseKey>> keys = std::vector<JoseKey>{};
    if (kind != SecretKind::HmacKey && PemCodec::looksLikePem(text)) {
        auto key = PemCodec::parse(text);
        if (!key) {
            return std::move(key).takeErrors();
        }
        keys = std::vector<JoseKey>{std::move(key.value())};
    } else if (kind != SecretKind::HmacKey && text.starts_with('{')) {
        keys = JwkCodec::parseText(text);
    } else if (asymmetricOnly) {
        return makeError("bad-key", "The key is neither PEM nor a JWK.", {},
                         "Give a \"-----BEGIN PRIVATE KEY-----\" / \"PUBLIC KEY\" block or a JWK.");
    } else {
        auto key = JoseKey::fromSecret(material.clone());
        if (!key) {
            return std::move(key).takeErrors();
        }
        keys = std::vector<JoseKey>{std::move(key.value())};
    }
    if (!keys) {
        return keys;
    }
    if (!kid.empty()) {
        if (keys->size() != 1) {
            return makeError(
                "bad-key", "A kid is configured for a reference that holds " + std::to_string(keys->size()) + " keys.",
                {}, "Remove the kid; the keys of a JWK Set carry their own.");
        }
        keys.value().front().setKid(kid);
    }
    for (JoseKey& key : keys.value()) {
        if (key.kid().empty() && key.type() != KeyType::Oct) {
            if (auto thumb = JwkCodec::thumbprint(key)) {
                key.setKid(std::move(thumb.value()));
            }
        }
    }
    return keys;
}

Result<std::vector<JoseKey>> JwtKeyring::load(const JwtSettings& settings, std::span<const SecretRef> secrets,
                                              const SecretResolver& resolver, const std::string& pointer)
{
    std::vector<JoseKey> out;
    Errors errors;
    for (std::size_t i = 0; i < settings.keys.size(); ++i) {
        const JwtKey& ref = settings.keys[i];
        const std::string at = keyPointer(settings, i, pointer);
        auto value = resolver.resolve(ref.source, secrets);
        if (!value) {
            Error e = value.error();
            e.pointer = at;
            errors.push_back(std::move(e));
            continue;
        }
        auto keys = parse(*value, kindOf(ref.source, secrets), ref.kid);
        if (!keys) {
            Error e = keys.error();
            e.message = "The key from " + SecretResolver::describe(ref.source) + " is unusable: " + e.message;
            e.pointer = at;
            errors.push_back(std::move(e));
            continue;
        }
        for (JoseKey& key : keys.value()) {
            out.push_back(std::move(key));
        }
    }
    if (!errors.empty()) {
        return errors;
    }
    return out;
}

Result<JoseKey> JwtKeyring::signingKey(const std::vector<JoseKey>& keys, const JwtSettings& settings)
{
    for (const JoseKey& key : keys) {
        if (!key.isPrivate()) {
            continue;
        }
        for (const std::string& name : settings.algorithms) {
            if (const auto alg = algorithmFromName(name); alg && key.supports(*alg)) {
                return key;
            }
        }
    }
    return makeError("no-private-key", "No configured key can sign with an allowed algorithm.", {},
                     "Issuing test tokens needs the HMAC secret or the private key (PKCS#8 PEM or a private JWK).");
}

} // namespace pc
