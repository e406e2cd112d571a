// SPDX-License-Identifier: Apache-2.0
#include "auth/JwkCodec.h"

#include "auth/Base64Url.h"
#include "auth/OpenSslHandles.h"
#include "auth/StrictJson.h"

#include <openssl/core_names.h>
#include <openssl/sha.h>

#include <set>

namespace pc {
namespace {

using Json = nlohmann::json;

Error badJwk(std::string message, std::string hint = {})
{
    return makeError("bad-jwk", std::move(message), {}, std::move(hint));
}

// A required or optional base64url member, decoded into wiped memory.
Result<std::optional<SecretBytes>> member(const Json& jwk, const char* name, bool required)
{
    const auto it = jwk.find(name);
    if (it == jwk.end()) {
        if (required) {
            return badJwk(std::string("The JWK lacks its \"") + name + "\" member.");
        }
        return std::optional<SecretBytes>{};
    }
    if (!it->is_string()) {
        return badJwk(std::string("The JWK member \"") + name + "\" must be a base64url string.");
    }
    auto bytes = Base64Url::decodeSecret(it->get_ref<const std::string&>());
    if (!bytes || bytes->empty()) {
        return badJwk(std::string("The JWK member \"") + name + "\" is not canonical base64url. " +
                      Base64Url::diagnose(it->get_ref<const std::string&>()));
    }
    return std::optional<SecretBytes>(std::move(*bytes));
}

bool pushBn(OSSL_PARAM_BLD* bld, const char* key, const SecretBytes& bytes, std::vector<ossl::BnPtr>& keep)
{
    keep.emplace_back(BN_bin2bn(bytes.bytes(), static_cast<int>(bytes.size()), nullptr));
    return keep.back() && OSSL_PARAM_BLD_push_BN(bld, key, keep.back().get()) == 1;
}

Result<JoseKey> fromParams(const char* type, OSSL_PARAM_BLD* bld, bool isPrivate, bool pairwise)
{
    ossl::ParamPtr params(OSSL_PARAM_BLD_to_param(bld));
    ossl::PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY* raw = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &raw, isPrivate ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
        return badJwk("The JWK members do not form a valid key: " + ossl::lastError() + ".");
    }
    ossl::PkeyPtr pkey(raw);
    if (pairwise) {
        ossl::PkeyCtxPtr check(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey.get(), nullptr));
        if (!check || EVP_PKEY_pairwise_check(check.get()) != 1) {
            ossl::lastError();
            return badJwk("The JWK's private members do not match its public members.");
        }
    }
    return JoseKey::fromPkey(ossl::share(std::move(pkey)));
}

Result<JoseKey> parseRsa(const Json& jwk)
{
    if (jwk.contains("oth")) {
        return makeError("unsupported-key", "Multi-prime RSA keys (JWK \"oth\") are not supported.");
    }
    std::vector<ossl::BnPtr> keep;
    ossl::ParamBldPtr bld(OSSL_PARAM_BLD_new());
    static constexpr std::pair<const char*, const char*> kPublic[] = {{"n", OSSL_PKEY_PARAM_RSA_N},
                                                                      {"e", OSSL_PKEY_PARAM_RSA_E}};
    static constexpr std::pair<const char*, const char*> kPrivate[] = {
        {"d", OSSL_PKEY_PARAM_RSA_D},          {"p", OSSL_PKEY_PARAM_RSA_FACTOR1},
        {"q", OSSL_PKEY_PARAM_RSA_FACTOR2},    {"dp", OSSL_PKEY_PARAM_RSA_EXPONENT1},
        {"dq", OSSL_PKEY_PARAM_RSA_EXPONENT2}, {"qi", OSSL_PKEY_PARAM_RSA_COEFFICIENT1}};
    for (const auto& [name, param] : kPublic) {
        auto value = member(jwk, name, true);
        if (!value) {
            return std::move(value).takeErrors();
        }
        if (!pushBn(bld.get(), param, **value, keep)) {
            return badJwk("The RSA members could not be read.");
        }
    }
    int present = 0;
    for (const auto& [name, param] : kPrivate) {
        auto value = member(jwk, name, false);
        if (!value) {
            return std::move(value).takeErrors();
        }
        if (value->has_value()) {
            ++present;
            if (!pushBn(bld.get(), param, **value, keep)) {
                return badJwk("The RSA private members could not be read.");
            }
        }
    }
    const bool hasD = jwk.contains("d");
    if (present != 0 && (!hasD || (present != 1 && present != 6))) {
        return badJwk("An RSA private JWK has \"d\" and either all of \"p\", \"q\", \"dp\", \"dq\", \"qi\" or none "
                      "of them (RFC 7518 §6.3.2).");
    }
    return fromParams("RSA", bld.get(), hasD, present == 6);
}

Result<JoseKey> parseEc(const Json& jwk, KeyCurve curve)
{
    const std::size_t n = curveBytes(curve);
    auto x = member(jwk, "x", true);
    auto y = member(jwk, "y", true);
    auto d = member(jwk, "d", false);
    for (auto* r : {&x, &y, &d}) {
        if (!*r) {
            return std::move(*r).takeErrors();
        }
    }
    if ((*x)->size() != n || (*y)->size() != n || (d->has_value() && (*d)->size() != n)) {
        return badJwk("The " + std::string(curveName(curve)) + " JWK's \"x\", \"y\" and \"d\" must each be exactly " +
                      std::to_string(n) + " bytes (RFC 7518 §6.2.1.2).");
    }
    SecretBytes point(1 + 2 * n);
    point.bytes()[0] = 0x04; // uncompressed SEC1 point
    std::copy((*x)->bytes(), (*x)->bytes() + n, point.bytes() + 1);
    std::copy((*y)->bytes(), (*y)->bytes() + n, point.bytes() + 1 + n);
    std::vector<ossl::BnPtr> keep;
    ossl::ParamBldPtr bld(OSSL_PARAM_BLD_new());
    const std::string group(curveName(curve));
    if (!bld || OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, group.c_str(), 0) != 1 ||
        OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.bytes(), point.size()) != 1 ||
        (d->has_value() && !pushBn(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, **d, keep))) {
        return badJwk("The EC members could not be read.");
    }
    return fromParams("EC", bld.get(), d->has_value(), d->has_value());
}

Result<JoseKey> parseOkp(const Json& jwk)
{
    auto x = member(jwk, "x", true);
    auto d = member(jwk, "d", false);
    if (!x || !d) {
        return !x ? std::move(x).takeErrors() : std::move(d).takeErrors();
    }
    if ((*x)->size() != 32 || (d->has_value() && (*d)->size() != 32)) {
        return badJwk("An Ed25519 JWK's \"x\" and \"d\" must each be exactly 32 bytes.");
    }
    EVP_PKEY* raw = d->has_value() ? EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, (*d)->bytes(), 32)
                                   : EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, (*x)->bytes(), 32);
    if (raw == nullptr) {
        return badJwk("The Ed25519 members do not form a key: " + ossl::lastError() + ".");
    }
    ossl::PkeyPtr pkey(raw);
    if (d->has_value()) {
        unsigned char pub[32];
        std::size_t len = sizeof pub;
        if (EVP_PKEY_get_raw_public_key(pkey.get(), pub, &len) != 1 || len != 32 ||
            !(*x)->equals(std::string_view(reinterpret_cast<const char*>(pub), 32))) {
            return badJwk("The Ed25519 JWK's \"x\" is not the public key of its \"d\".");
        }
    }
    return JoseKey::fromPkey(ossl::share(std::move(pkey)));
}

std::string bnMember(EVP_PKEY* pkey, const char* param, std::size_t pad = 0)
{
    BIGNUM* bn = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, param, &bn) != 1 || bn == nullptr) {
        return {};
    }
    const int len = pad != 0 ? static_cast<int>(pad) : BN_num_bytes(bn);
    SecretBytes bytes(static_cast<std::size_t>(len));
    BN_bn2binpad(bn, bytes.bytes(), len);
    BN_clear_free(bn);
    return Base64Url::encode(bytes.view());
}

std::string rawMember(EVP_PKEY* pkey, bool priv)
{
    SecretBytes bytes(32);
    std::size_t len = 32;
    const int rc = priv ? EVP_PKEY_get_raw_private_key(pkey, bytes.bytes(), &len)
                        : EVP_PKEY_get_raw_public_key(pkey, bytes.bytes(), &len);
    return rc == 1 && len == 32 ? Base64Url::encode(bytes.view()) : std::string();
}

// The members RFC 7638 §3.2 lists for each key type: the public key, nothing else.
Json requiredMembers(const JoseKey& key)
{
    Json j = Json::object();
    j["kty"] = keyTypeName(key.type());
    switch (key.type()) {
    case KeyType::Oct:
        j["k"] = Base64Url::encode(key.secret().view());
        break;
    case KeyType::Rsa:
        j["n"] = bnMember(key.pkey(), OSSL_PKEY_PARAM_RSA_N);
        j["e"] = bnMember(key.pkey(), OSSL_PKEY_PARAM_RSA_E);
        break;
    case KeyType::Ec:
        j["crv"] = curveName(key.curve());
        j["x"] = bnMember(key.pkey(), OSSL_PKEY_PARAM_EC_PUB_X, curveBytes(key.curve()));
        j["y"] = bnMember(key.pkey(), OSSL_PKEY_PARAM_EC_PUB_Y, curveBytes(key.curve()));
        break;
    case KeyType::Okp:
        j["crv"] = curveName(key.curve());
        j["x"] = rawMember(key.pkey(), false);
        break;
    }
    return j;
}

void addMetadata(Json& j, const JoseKey& key)
{
    if (!key.kid().empty()) {
        j["kid"] = key.kid();
    }
    j["use"] = "sig";
    if (key.boundAlgorithm()) {
        j["alg"] = algorithmName(*key.boundAlgorithm());
    }
}

void wipeStrings(Json& j)
{
    if (j.is_string()) {
        cleanseString(j.get_ref<std::string&>());
    } else if (j.is_structured()) {
        for (auto& item : j) {
            wipeStrings(item);
        }
    }
}

} // namespace

Result<JoseKey> JwkCodec::parse(const Json& jwk)
{
    if (!jwk.is_object()) {
        return badJwk("A JWK must be a JSON object.");
    }
    const auto kty = jwk.find("kty");
    if (kty == jwk.end() || !kty->is_string()) {
        return badJwk("The JWK lacks a \"kty\" string.");
    }
    if (const auto use = jwk.find("use"); use != jwk.end() && *use != "sig") {
        return badJwk("The JWK's \"use\" is not \"sig\"; an encryption key must not verify signatures.");
    }
    if (const auto ops = jwk.find("key_ops"); ops != jwk.end()) {
        if (!ops->is_array() ||
            std::none_of(ops->begin(), ops->end(), [](const Json& op) { return op == "sign" || op == "verify"; })) {
            return badJwk("The JWK's \"key_ops\" allow neither \"sign\" nor \"verify\".");
        }
    }
    std::optional<JwsAlgorithm> bound;
    if (const auto alg = jwk.find("alg"); alg != jwk.end()) {
        if (!alg->is_string() || !(bound = algorithmFromName(alg->get_ref<const std::string&>()))) {
            return makeError("unsupported-key", "The JWK's \"alg\" is not a JWS algorithm Portcullis supports.");
        }
    }
    std::string kid;
    if (const auto k = jwk.find("kid"); k != jwk.end()) {
        if (!k->is_string()) {
            return badJwk("The JWK's \"kid\" must be a string.");
        }
        kid = k->get<std::string>();
    }

    const std::string& type = kty->get_ref<const std::string&>();
    Result<JoseKey> key = badJwk("The JWK's \"kty\" \"" + type.substr(0, 16) + "\" is not oct, RSA, EC or OKP.");
    if (type == "oct") {
        auto k = member(jwk, "k", true);
        if (!k) {
            return std::move(k).takeErrors();
        }
        key = JoseKey::fromSecret(std::move(*k.value()));
    } else if (type == "RSA") {
        key = parseRsa(jwk);
    } else if (type == "EC" || type == "OKP") {
        const auto crv = jwk.find("crv");
        const auto curve =
            crv != jwk.end() && crv->is_string() ? curveFromName(crv->get_ref<const std::string&>()) : std::nullopt;
        if (!curve || (type == "EC") == (*curve == KeyCurve::Ed25519)) {
            return makeError("unsupported-key", "The JWK's \"crv\" is not one of P-256, P-384, P-521 (EC) or "
                                                "Ed25519 (OKP).");
        }
        key = type == "EC" ? parseEc(jwk, *curve) : parseOkp(jwk);
    }
    if (!key) {
        return key;
    }
    key->setKid(std::move(kid));
    if (bound && !key->supports(*bound)) {
        return makeError("key-type-mismatch", "The JWK's \"alg\" does not fit the key: " + key->whyNot(*bound));
    }
    key->bindAlgorithm(bound);
    return key;
}

Result<std::vector<JoseKey>> JwkCodec::parseSet(const Json& jwks)
{
    const auto keys = jwks.is_object() ? jwks.find("keys") : jwks.end();
    if (keys == jwks.end() || !keys->is_array()) {
        return badJwk("A JWK Set is an object with a \"keys\" array.");
    }
    if (keys->size() > kMaxKeysInSet) {
        return badJwk("The JWK Set has more than " + std::to_string(kMaxKeysInSet) + " keys.");
    }
    std::vector<JoseKey> out;
    std::set<std::string> kids;
    for (std::size_t i = 0; i < keys->size(); ++i) {
        auto key = parse((*keys)[i]);
        if (!key) {
            Error e = key.error();
            e.message = "Key " + std::to_string(i) + " of the set: " + e.message;
            return e;
        }
        if (!key->kid().empty() && !kids.insert(key->kid()).second) {
            return badJwk("Two keys of the JWK Set share the kid \"" + key->kid() + "\".");
        }
        out.push_back(std::move(*key));
    }
    return out;
}

Result<std::vector<JoseKey>> JwkCodec::parseText(std::string_view text)
{
    auto json = StrictJson::parse(text);
    if (!json) {
        return badJwk("The JWK text is not usable JSON: " + json.error().message);
    }
    Result<std::vector<JoseKey>> out = std::vector<JoseKey>{};
    if (json->is_object() && json->contains("keys")) {
        out = parseSet(*json);
    } else {
        auto key = parse(*json);
        out = key ? Result<std::vector<JoseKey>>(std::vector<JoseKey>{std::move(*key)})
                  : Result<std::vector<JoseKey>>(std::move(key).takeErrors());
    }
    wipeStrings(json.value());
    return out;
}

Result<Json> JwkCodec::publicJwk(const JoseKey& key)
{
    if (key.type() == KeyType::Oct) {
        return makeError("no-public-key", "An HMAC key has no public JWK; its \"k\" is the secret itself.");
    }
    Json j = requiredMembers(key);
    addMetadata(j, key);
    return j;
}

Result<SecretBytes> JwkCodec::privateJwkText(const JoseKey& key)
{
    if (!key.isPrivate()) {
        return makeError("no-private-key", "The key is " + key.describe() + "; it has no private members to export.");
    }
    Json j = requiredMembers(key);
    addMetadata(j, key);
    switch (key.type()) {
    case KeyType::Oct:
        break;
    case KeyType::Rsa:
        j["d"] = bnMember(key.pkey(), OSSL_PKEY_PARAM_RSA_D);
        if (std::string p = bnMember(key.pkey(), OSSL_PKEY_PARAM_RSA_FACTOR1); !p.empty()) {
            j["p"] = std::move(p);
            j["q"] = bnMember(key.pkey(), OSSL_PKEY_PARAM_RSA_FACTOR2);
            j["dp"] = bnMember(key.pkey(), OSSL_PKEY_PARAM_RSA_EXPONENT1);
            j["dq"] = bnMember(key.pkey(), OSSL_PKEY_PARAM_RSA_EXPONENT2);
            j["qi"] = bnMember(key.pkey(), OSSL_PKEY_PARAM_RSA_COEFFICIENT1);
        }
        break;
    case KeyType::Ec:
        j["d"] = bnMember(key.pkey(), OSSL_PKEY_PARAM_PRIV_KEY, curveBytes(key.curve()));
        break;
    case KeyType::Okp:
        j["d"] = rawMember(key.pkey(), true);
        break;
    }
    std::string text = j.dump();
    wipeStrings(j);
    return SecretBytes::adopt(text);
}

Json JwkCodec::publicJwks(const std::vector<JoseKey>& keys)
{
    Json set = Json::array();
    for (const JoseKey& key : keys) {
        if (auto j = publicJwk(key)) {
            set.push_back(std::move(*j));
        }
    }
    return Json{{"keys", std::move(set)}};
}

Result<std::string> JwkCodec::thumbprint(const JoseKey& key)
{
    // nlohmann's object keeps members sorted and dump() adds no whitespace:
    // exactly the canonical form RFC 7638 §3.3 asks for.
    Json members = requiredMembers(key);
    std::string canonical = members.dump();
    wipeStrings(members);
    unsigned char digest[SHA256_DIGEST_LENGTH];
    if (EVP_Digest(canonical.data(), canonical.size(), digest, nullptr, EVP_sha256(), nullptr) != 1) {
        cleanseString(canonical);
        return makeError("crypto-failure", "The thumbprint could not be computed: " + ossl::lastError() + ".");
    }
    cleanseString(canonical);
    return Base64Url::encode(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

} // namespace pc
