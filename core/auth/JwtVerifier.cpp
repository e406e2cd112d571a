// SPDX-License-Identifier: Apache-2.0
#include "auth/JwtVerifier.h"

#include "auth/Base64Url.h"
#include "auth/Jws.h"
#include "auth/StrictJson.h"
#include "engine/HttpRequest.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace pc {
namespace {

using Json = nlohmann::json;

Error refuse(std::string code, std::string message)
{
    return makeError(std::move(code), std::move(message));
}

bool isNone(std::string_view alg)
{
    return equalsIgnoreCase(alg, "none");
}

// RFC 7515 §4.1.9: "typ" is a media type, compared case-insensitively, and
// the "application/" prefix may be left out.
std::string_view withoutApplication(std::string_view typ)
{
    constexpr std::string_view prefix = "application/";
    if (typ.size() > prefix.size() && equalsIgnoreCase(typ.substr(0, prefix.size()), prefix)) {
        return typ.substr(prefix.size());
    }
    return typ;
}

Result<Json> decodeJsonPart(std::string_view b64, const char* part)
{
    const auto bytes = Base64Url::decode(b64);
    if (!bytes) {
        return refuse("bad-encoding",
                      std::string("The token's ") + part + " is not canonical base64url. " + Base64Url::diagnose(b64));
    }
    auto json = StrictJson::parse(*bytes);
    if (!json) {
        Error e = json.error();
        e.message = std::string("The token's ") + part + ": " + e.message;
        return e;
    }
    if (!json->is_object()) {
        return refuse(std::string(part) == "header" ? "bad-header" : "bad-payload",
                      std::string("The token's ") + part + " is not a JSON object.");
    }
    return json;
}

// A NumericDate for a message; clamped so that absurd values cannot overflow.
std::string showTime(double t)
{
    return std::to_string(static_cast<long long>(std::clamp(t, -1e15, 1e15)));
}

double seconds(SystemTime t)
{
    return std::chrono::duration<double>(t.time_since_epoch()).count();
}

} // namespace

std::string quoteForMessage(std::string_view text, std::size_t max)
{
    std::string out;
    for (const char c : text) {
        if (out.size() >= max) {
            out += "...";
            break;
        }
        out += (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') ? c : '?';
    }
    return out;
}

Status JwtVerifier::checkSettings(const JwtSettings& settings, const std::string& pointer)
{
    std::vector<JwsAlgorithm> allowed;
    Errors errors = allowedAlgorithms(settings, pointer, allowed);
    if (!errors.empty()) {
        return errors;
    }
    return Ok{};
}

Errors JwtVerifier::allowedAlgorithms(const JwtSettings& settings, const std::string& pointer,
                                      std::vector<JwsAlgorithm>& allowed)
{
    Errors errors;
    for (std::size_t i = 0; i < settings.algorithms.size(); ++i) {
        const std::string& name = settings.algorithms[i];
        const std::string at = pointer + "/algorithms/" + std::to_string(i);
        if (isNone(name)) {
            errors.push_back(makeError("alg-none", "\"none\" cannot be allowed: unsigned tokens prove nothing.", at,
                                       "Remove it; RFC 7518 §3.6 forbids accepting unsecured JWS by default."));
        } else if (const auto alg = algorithmFromName(name)) {
            if (std::find(allowed.begin(), allowed.end(), *alg) == allowed.end()) {
                allowed.push_back(*alg);
            }
        } else {
            errors.push_back(makeError("unknown-algorithm", "\"" + quoteForMessage(name) + "\" is not a JWS algorithm.",
                                       at, "Use HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512 or EdDSA."));
        }
    }
    if (settings.algorithms.empty()) {
        errors.push_back(makeError("no-algorithm", "No algorithm is allowed, so no token could ever verify.",
                                   pointer + "/algorithms",
                                   "List the algorithm the issuer signs with, e.g. \"HS256\"."));
    }
    if (settings.keys.empty()) {
        errors.push_back(makeError("no-key", "No verification key is configured.", pointer + "/key",
                                   "Reference the key with {\"env\": ...}, {\"file\": ...} or {\"secret\": ...}."));
    }
    return errors;
}

Result<JwtVerifier> JwtVerifier::create(const JwtSettings& settings, std::vector<JoseKey> keys,
                                        const std::string& pointer)
{
    JwtVerifier v;
    v.m_settings = settings;
    Errors errors = allowedAlgorithms(settings, pointer, v.m_allowed);
    std::erase_if(errors, [](const Error& e) { return e.code == "no-key"; }); // judged on `keys` below
    if (keys.empty()) {
        errors.push_back(makeError("no-key", "No verification key is configured.", pointer + "/key",
                                   "Reference the key with {\"env\": ...}, {\"file\": ...} or {\"secret\": ...}."));
    }
    std::set<std::string> kids;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const JoseKey& key = keys[i];
        const std::string at = pointer + (keys.size() == 1 ? std::string("/key") : "/keys/" + std::to_string(i));
        if (!key.kid().empty() && !kids.insert(key.kid()).second) {
            errors.push_back(makeError("duplicate-kid", "Two keys share the kid \"" + key.kid() + "\".", at,
                                       "Give every key its own kid."));
        }
        bool fits = false;
        for (const JwsAlgorithm alg : v.m_allowed) {
            if (key.supports(alg)) {
                fits = true;
            } else if (key.type() == KeyType::Oct && algorithmKeyType(alg) == KeyType::Oct) {
                // An allowed HS* that the secret is too short for is a configuration error,
                // not a silently unusable algorithm.
                errors.push_back(makeError("weak-key", key.whyNot(alg), at,
                                           "Use a longer random secret or drop the stronger HS algorithm."));
            }
        }
        if (!fits && !v.m_allowed.empty()) {
            std::string names;
            for (const JwsAlgorithm alg : v.m_allowed) {
                names += (names.empty() ? "" : ", ") + std::string(algorithmName(alg));
            }
            errors.push_back(makeError(
                "key-type-mismatch",
                "The key is " + key.describe() + ", which fits none of the allowed algorithms (" + names + ").", at,
                "Allow an algorithm of the key's type, or configure a key of the right type."));
        }
    }
    if (!errors.empty()) {
        return errors;
    }
    v.m_keys = std::move(keys);
    return v;
}

Status JwtVerifier::checkHeader(const Json& header) const
{
    for (const char* name : {"jwk", "jku", "x5u", "x5c"}) {
        if (header.contains(name)) {
            return refuse("untrusted-header-key",
                          std::string("The token's header carries \"") + name +
                              "\"; keys named by the token itself are never trusted or fetched.");
        }
    }
    if (const auto crit = header.find("crit"); crit != header.end()) {
        if (!crit->is_array() || crit->empty() ||
            !std::all_of(crit->begin(), crit->end(), [](const Json& c) { return c.is_string(); })) {
            return refuse("bad-header", "The token's \"crit\" must be a non-empty array of names (RFC 7515 §4.1.11).");
        }
        return refuse("unknown-critical", "The token marks \"" + quoteForMessage((*crit)[0].get<std::string>()) +
                                              "\" as critical, and no critical extension is supported.");
    }
    if (const auto b64 = header.find("b64"); b64 != header.end() && *b64 != true) {
        return refuse("bad-header", "The token uses an unencoded payload (\"b64\", RFC 7797), which is not supported.");
    }
    if (!m_settings.typ.empty()) {
        const auto typ = header.find("typ");
        if (typ == header.end() || !typ->is_string()) {
            return refuse("bad-typ",
                          "The token's header has no \"typ\"; the policy expects \"" + m_settings.typ + "\".");
        }
        if (!equalsIgnoreCase(withoutApplication(typ->get_ref<const std::string&>()),
                              withoutApplication(m_settings.typ))) {
            return refuse("bad-typ", "The token's \"typ\" is \"" + quoteForMessage(typ->get<std::string>()) +
                                         "\"; the policy expects \"" + m_settings.typ + "\".");
        }
    }
    return Ok{};
}

Result<VerifiedToken> JwtVerifier::verify(std::string_view token, SystemTime now, TokenUse use) const
{
    if (token.size() > m_settings.maxTokenBytes.bytes()) {
        return refuse("too-large", "The token is " + std::to_string(token.size()) + " bytes long; the policy accepts " +
                                       std::to_string(m_settings.maxTokenBytes.bytes()) + " at most.");
    }
    auto parts = Jws::split(token);
    if (!parts) {
        return std::move(parts).takeErrors();
    }
    auto header = decodeJsonPart(parts->headerB64, "header");
    if (!header) {
        return std::move(header).takeErrors();
    }
    const auto algIt = header->find("alg");
    if (algIt == header->end() || !algIt->is_string()) {
        return refuse("bad-header", "The token's header has no \"alg\" string.");
    }
    const std::string& algName = algIt->get_ref<const std::string&>();
    if (isNone(algName)) {
        return refuse("alg-none", "The token is unsigned (\"alg\": \"" + quoteForMessage(algName) +
                                      "\"); unsigned tokens are always refused.");
    }
    if (auto ok = checkHeader(*header); !ok) {
        return std::move(ok).takeErrors();
    }
    const auto alg = algorithmFromName(algName);
    if (!alg || std::find(m_allowed.begin(), m_allowed.end(), *alg) == m_allowed.end()) {
        return refuse("alg-not-allowed", "The token is signed with \"" + quoteForMessage(algName) +
                                             "\", which the policy does not allow.");
    }

    std::vector<const JoseKey*> candidates;
    if (const auto kid = header->find("kid"); kid != header->end()) {
        if (!kid->is_string()) {
            return refuse("bad-header", "The token's \"kid\" is not a string.");
        }
        // The kid only selects among configured keys: it is compared, never used as a path or query.
        const std::string& wanted = kid->get_ref<const std::string&>();
        // An empty kid never selects a key, not even one configured without a kid.
        const auto it = wanted.empty() ? m_keys.end()
                                       : std::find_if(m_keys.begin(), m_keys.end(),
                                                      [&](const JoseKey& k) { return k.kid() == wanted; });
        if (it == m_keys.end()) {
            return refuse("unknown-kid",
                          "The token names the key \"" + quoteForMessage(wanted) + "\", which is not configured.");
        }
        candidates.push_back(&*it);
    } else {
        for (const JoseKey& k : m_keys) {
            candidates.push_back(&k);
        }
    }
    const auto fitting =
        std::count_if(candidates.begin(), candidates.end(), [&](const JoseKey* k) { return k->supports(*alg); });
    if (fitting == 0) {
        return refuse("key-type-mismatch", "The token's algorithm " + algName +
                                               " does not fit the configured key: " + candidates.front()->whyNot(*alg));
    }

    const auto signature = Base64Url::decode(parts->signatureB64);
    if (!signature) {
        return refuse("bad-encoding",
                      "The token's signature is not canonical base64url. " + Base64Url::diagnose(parts->signatureB64));
    }
    Status checked = refuse("bad-signature", "No configured key verifies the signature.");
    const JoseKey* verifiedBy = nullptr;
    for (const JoseKey* key : candidates) {
        if (!key->supports(*alg)) {
            continue;
        }
        checked = Jws::verify(*alg, *key, parts->signingInput, *signature);
        if (checked) {
            verifiedBy = key;
            break;
        }
    }
    if (verifiedBy == nullptr) {
        return std::move(checked).takeErrors();
    }

    auto claims = decodeJsonPart(parts->payloadB64, "payload");
    if (!claims) {
        return std::move(claims).takeErrors();
    }
    if (auto ok = checkClaims(*claims, now, use); !ok) {
        return std::move(ok).takeErrors();
    }
    VerifiedToken out;
    out.header = std::move(header.value());
    out.claims = std::move(claims.value());
    out.algorithm = *alg;
    out.kid = verifiedBy->kid();
    return out;
}

Status JwtVerifier::checkClaims(const Json& claims, SystemTime now, TokenUse use) const
{
    for (const std::string& name : m_settings.requiredClaims) {
        if (!claims.contains(name)) {
            return refuse("missing-claim", "The token lacks the claim \"" + name + "\", which the policy requires.");
        }
    }
    if (!m_settings.issuer.empty() && !claims.contains("iss")) {
        return refuse("missing-claim", "The token lacks the claim \"iss\"; the policy expects the issuer \"" +
                                           m_settings.issuer + "\".");
    }
    if (!m_settings.audience.empty() && !claims.contains("aud")) {
        return refuse("missing-claim", "The token lacks the claim \"aud\"; the policy names its audience.");
    }
    for (const char* name : {"exp", "nbf", "iat"}) {
        const auto it = claims.find(name);
        if (it != claims.end() && (!it->is_number() || !std::isfinite(it->get<double>()))) {
            return refuse("bad-claim",
                          std::string("The claim \"") + name + "\" is not a number of seconds (NumericDate).");
        }
    }
    for (const char* name : {"iss", "sub", "jti"}) {
        const auto it = claims.find(name);
        if (it != claims.end() && !it->is_string()) {
            return refuse("bad-claim", std::string("The claim \"") + name + "\" is not a string.");
        }
    }

    const double t = seconds(now);
    const double leeway = static_cast<double>(m_settings.leeway.ms().count()) / 1000.0;
    if (const auto exp = claims.find("exp"); exp != claims.end() && t >= exp->get<double>() + leeway) {
        return refuse("expired", "The token expired at " + showTime(exp->get<double>()) + " (" +
                                     showTime(t - exp->get<double>()) + " s ago, leeway " +
                                     m_settings.leeway.toString() + ").");
    }
    if (const auto nbf = claims.find("nbf"); nbf != claims.end() && t + leeway < nbf->get<double>()) {
        return refuse("not-yet-valid", "The token is not valid before " + showTime(nbf->get<double>()) + " (in " +
                                           showTime(nbf->get<double>() - t) + " s, leeway " +
                                           m_settings.leeway.toString() + ").");
    }
    if (const auto iat = claims.find("iat"); iat != claims.end() && iat->get<double>() > t + leeway) {
        return refuse("issued-in-future",
                      "The token claims to be issued at " + showTime(iat->get<double>()) + ", which is in the future.");
    }

    if (!m_settings.issuer.empty() && claims.at("iss") != m_settings.issuer) {
        return refuse("wrong-issuer", "The token was issued by \"" +
                                          quoteForMessage(claims.at("iss").get_ref<const std::string&>()) +
                                          "\", not by \"" + m_settings.issuer + "\".");
    }
    if (const auto aud = claims.find("aud"); aud != claims.end()) {
        std::vector<std::string> audiences;
        if (aud->is_string()) {
            audiences.push_back(aud->get<std::string>());
        } else if (aud->is_array() &&
                   std::all_of(aud->begin(), aud->end(), [](const Json& a) { return a.is_string(); })) {
            audiences = aud->get<std::vector<std::string>>();
        } else {
            return refuse("bad-claim", "The claim \"aud\" is neither a string nor an array of strings.");
        }
        const bool forUs = std::any_of(audiences.begin(), audiences.end(), [&](const std::string& a) {
            return std::find(m_settings.audience.begin(), m_settings.audience.end(), a) != m_settings.audience.end();
        });
        if (!forUs) {
            return refuse("wrong-audience",
                          m_settings.audience.empty()
                              ? std::string("The token names an audience, and the policy configures none; a token "
                                            "meant for another service is refused (RFC 7519 §4.1.3).")
                              : "The token is meant for \"" +
                                    quoteForMessage(audiences.empty() ? std::string() : audiences.front()) +
                                    "\", not for this API's audience.");
        }
    }
    if (use != TokenUse::Any) {
        const auto type = claims.find("token_type");
        const bool refresh = type != claims.end() && *type == "refresh";
        if ((use == TokenUse::Access) == refresh) {
            return refuse("wrong-token-type", use == TokenUse::Access
                                                  ? "A refresh token cannot be used as an access token."
                                                  : "The token is not a refresh token.");
        }
    }
    return Ok{};
}

} // namespace pc
