// SPDX-License-Identifier: Apache-2.0
#include "policy/AuthReader.h"

#include "common/JsonPointer.h"
#include "policy/ObjectReader.h"
#include "policy/PolicyEnums.h"
#include "policy/SecretReader.h"
#include "policy/SyntaxCheck.h"

#include <algorithm>

namespace pc {
namespace {

void readAlgorithms(ObjectReader& r, std::vector<std::string>& out)
{
    std::vector<std::string> algorithms;
    if (!r.strings("algorithms", algorithms, false)) {
        return;
    }
    const auto& known = AuthReader::jwtAlgorithms();
    for (size_t i = 0; i < algorithms.size(); ++i) {
        const std::string& alg = algorithms[i];
        const std::string at = JsonPointer::join(r.at("algorithms"), i);
        if (alg == "none" || alg == "None" || alg == "NONE") {
            r.context().error("bad-value", "\"none\" turns signature checking off; it is never an accepted algorithm.",
                              at,
                              "remove it and list the algorithms your issuer signs with, e.g. \"EdDSA\" or \"ES256\"");
        } else if (std::find(known.begin(), known.end(), alg) == known.end()) {
            r.badChoice("algorithms", alg, known, static_cast<long>(i));
        }
    }
    out = std::move(algorithms);
}

void readKeys(ObjectReader& r, JwtSettings& jwt)
{
    ReadContext& ctx = r.context();
    const PolicyJson* key = r.get("key");
    const PolicyJson* keys = r.get("keys");
    if (key != nullptr && keys != nullptr) {
        ctx.error("bad-value", "The JWT settings give both \"key\" and \"keys\".", r.at("keys"),
                  "use \"key\" for one key, or \"keys\" with a \"kid\" for each of several");
        return;
    }
    if (key != nullptr) {
        JwtKey k;
        if (SecretReader::readSource(ctx, *key, r.at("key"), "the JWT key", k.source)) {
            jwt.keys.push_back(std::move(k));
        }
        return;
    }
    if (keys == nullptr) {
        return;
    }
    if (!keys->is_array()) {
        ObjectReader::wrongType(ctx, *keys, r.at("keys"), "an array of keys", "\"keys\"");
        return;
    }
    for (size_t i = 0; i < keys->size(); ++i) {
        ObjectReader kr(ctx, &(*keys)[i], JsonPointer::join(r.at("keys"), i), "the JWT key");
        if (!kr.valid()) {
            continue;
        }
        JwtKey k;
        if (keys->size() > 1) {
            kr.require("kid", "with several keys, each needs a \"kid\" so tokens can say which one signed them");
        }
        if (kr.nonEmptyString("kid", k.kid) &&
            std::any_of(jwt.keys.begin(), jwt.keys.end(), [&](const JwtKey& other) { return other.kid == k.kid; })) {
            ctx.error("duplicate-id", "Another key already has the kid \"" + k.kid + "\".", kr.at("kid"),
                      "give each key a unique kid");
        }
        if (const PolicyJson* source = kr.require("key")) {
            SecretReader::readSource(ctx, *source, kr.at("key"), "the JWT key", k.source);
        }
        kr.finish(true);
        jwt.keys.push_back(std::move(k));
    }
}

std::optional<JwtSettings> readJwt(ReadContext& ctx, const PolicyJson* value)
{
    ObjectReader r(ctx, value, "/auth/jwt", "\"jwt\"");
    if (!r.valid()) {
        return std::nullopt;
    }
    JwtSettings jwt;
    readAlgorithms(r, jwt.algorithms);
    readKeys(r, jwt);
    r.string("issuer", jwt.issuer);
    if (const PolicyJson* audience = r.get("audience"); audience != nullptr && audience->is_string()) {
        jwt.audience = {audience->get<std::string>()}; // a single audience is accepted as a string
    } else {
        r.strings("audience", jwt.audience);
    }
    const Duration oneSecond = Duration::seconds(1);
    r.duration("access_ttl", jwt.accessTtl, oneSecond);
    r.duration("refresh_ttl", jwt.refreshTtl, oneSecond);
    r.duration("leeway", jwt.leeway);
    r.strings("required_claims", jwt.requiredClaims);
    r.string("typ", jwt.typ);
    r.size("max_token_bytes", jwt.maxTokenBytes);
    if (const PolicyJson* claims = r.get("claims")) {
        if (claims->is_object()) {
            jwt.claims = nlohmann::json(*claims);
        } else {
            ObjectReader::wrongType(ctx, *claims, r.at("claims"), "an object", "\"claims\"");
        }
    }
    r.finish();
    return jwt;
}

void readBcrypt(ReadContext& ctx, ObjectReader& parent, PasswordPolicy& p)
{
    ObjectReader r(ctx, parent.get("bcrypt"), parent.at("bcrypt"), "\"bcrypt\"");
    if (!r.valid()) {
        return;
    }
    constexpr const char* kCostHint = "bcrypt's cost is log2 of its rounds, from 4 to 31; OWASP asks for 10 or more";
    r.integer("rounds", p.bcryptRounds, 4, 31, kCostHint);
    r.integer("min_rounds", p.bcryptMinRounds, 4, 31, kCostHint);
    r.integer("max_rounds", p.bcryptMaxRounds, 4, 31, kCostHint);
    r.enumeration("long_passwords", p.bcryptLongPasswords);
    if (p.bcryptMinRounds && p.bcryptMaxRounds && *p.bcryptMinRounds > *p.bcryptMaxRounds) {
        ctx.error("out-of-range", "\"min_rounds\" is greater than \"max_rounds\".", r.at("min_rounds"),
                  "make min_rounds at most max_rounds");
    }
    r.finish();
}

void readOtherSchemes(ReadContext& ctx, ObjectReader& parent, PasswordPolicy& p)
{
    if (ObjectReader r(ctx, parent.get("argon2id"), parent.at("argon2id"), "\"argon2id\""); r.valid()) {
        r.integer("memory_kib", p.argon2MemoryKib, 8, 4 * 1024 * 1024, "OWASP's floor is 19456 KiB (19 MiB)");
        r.integer("time_cost", p.argon2TimeCost, 1, 100);
        r.integer("parallelism", p.argon2Parallelism, 1, 255);
        if (p.argon2MemoryKib < 8 * p.argon2Parallelism) {
            ctx.error("out-of-range", "Argon2 needs at least 8 KiB of memory per lane.", r.at("memory_kib"),
                      "raise memory_kib or lower parallelism");
        }
        r.finish();
    }
    if (ObjectReader r(ctx, parent.get("scrypt"), parent.at("scrypt"), "\"scrypt\""); r.valid()) {
        r.integer("log_n", p.scryptLogN, 1, 30, "N is 2^log_n; OWASP's floor is log_n 17 with r 8 and p 1");
        r.integer("r", p.scryptR, 1, 1024);
        r.integer("p", p.scryptP, 1, 1024);
        r.finish();
    }
    if (ObjectReader r(ctx, parent.get("pbkdf2_sha256"), parent.at("pbkdf2_sha256"), "\"pbkdf2_sha256\""); r.valid()) {
        r.integer("iterations", p.pbkdf2Sha256Iterations, 1, 100'000'000, "OWASP asks for 600000 iterations");
        r.finish();
    }
    if (ObjectReader r(ctx, parent.get("pbkdf2_sha512"), parent.at("pbkdf2_sha512"), "\"pbkdf2_sha512\""); r.valid()) {
        r.integer("iterations", p.pbkdf2Sha512Iterations, 1, 100'000'000, "OWASP asks for 220000 iterations");
        r.finish();
    }
}

std::optional<PasswordPolicy> readPasswords(ReadContext& ctx, const PolicyJson* value)
{
    ObjectReader r(ctx, value, "/auth/passwords", "\"passwords\"");
    if (!r.valid()) {
        return std::nullopt;
    }
    PasswordPolicy p;
    r.enumeration("scheme", p.scheme);
    r.enumerations("accept", p.accept);
    readBcrypt(ctx, r, p);
    readOtherSchemes(ctx, r, p);
    r.duration("target_time", p.targetTime, Duration(std::chrono::milliseconds(1)));
    r.finish();
    return p;
}

std::optional<CookiePolicy> readCookies(ReadContext& ctx, const PolicyJson* value)
{
    ObjectReader r(ctx, value, "/auth/cookies", "\"cookies\"");
    if (!r.valid()) {
        return std::nullopt;
    }
    CookiePolicy c;
    if (r.nonEmptyString("name", c.name) && !SyntaxCheck::isToken(c.name)) {
        ctx.error("bad-value", "\"" + c.name + "\" is not a cookie name.", r.at("name"),
                  "use letters, digits and - _ . only, e.g. \"__Host-session\"");
    }
    r.boolean("secure", c.secure);
    r.boolean("http_only", c.httpOnly);
    r.enumeration("same_site", c.sameSite);
    if (r.nonEmptyString("path", c.path) && !c.path.starts_with('/')) {
        ctx.error("bad-value", "A cookie path must start with \"/\".", r.at("path"), "write e.g. \"/\"");
    }
    if (r.string("domain", c.domain) && !c.domain.empty() &&
        !SyntaxCheck::isHostName(c.domain.starts_with('.') ? c.domain.substr(1) : c.domain)) {
        ctx.error("bad-value", "\"" + c.domain + "\" is not a domain name.", r.at("domain"),
                  "write e.g. \"example.com\"");
    }
    Duration maxAge;
    if (r.duration("max_age", maxAge)) {
        c.maxAge = maxAge;
    }
    // Browsers drop cookies that break these rules, so the setting could never work.
    if (c.name.starts_with("__Host-") && (!c.secure || c.path != "/" || !c.domain.empty())) {
        ctx.error("bad-value", "Browsers accept a \"__Host-\" cookie only with secure, path \"/\" and no domain.",
                  r.at("name"), "set \"secure\": true and \"path\": \"/\", remove \"domain\", or rename the cookie");
    } else if (c.name.starts_with("__Secure-") && !c.secure) {
        ctx.error("bad-value", "Browsers accept a \"__Secure-\" cookie only with secure.", r.at("secure"),
                  "set \"secure\": true, or rename the cookie");
    }
    if (c.sameSite == SameSite::None && !c.secure) {
        ctx.error("bad-value", "Browsers reject SameSite=None on a cookie that is not secure.", r.at("same_site"),
                  "set \"secure\": true, or use \"lax\"");
    }
    r.finish();
    return c;
}

} // namespace

const std::vector<std::string_view>& AuthReader::jwtAlgorithms()
{
    static const std::vector<std::string_view> kAlgorithms{"HS256", "HS384", "HS512", "RS256", "RS384",
                                                           "RS512", "ES256", "ES384", "ES512", "PS256",
                                                           "PS384", "PS512", "EdDSA"};
    return kAlgorithms;
}

void AuthReader::read(ReadContext& ctx, const PolicyJson* value, AuthPolicy& out)
{
    ObjectReader r(ctx, value, "/auth", "\"auth\"");
    if (!r.valid()) {
        return;
    }
    out.jwt = readJwt(ctx, r.get("jwt"));
    out.passwords = readPasswords(ctx, r.get("passwords"));
    out.cookies = readCookies(ctx, r.get("cookies"));
    if (r.nonEmptyString("api_key_header", out.apiKeyHeader) && !SyntaxCheck::isToken(out.apiKeyHeader)) {
        ctx.error("bad-header", "\"" + out.apiKeyHeader + "\" is not a header name.", r.at("api_key_header"),
                  "write a single token such as \"X-API-Key\"");
    }
    r.finish();
}

} // namespace pc
