// SPDX-License-Identifier: Apache-2.0
// JwtVerifier and JwtIssuer: the attack corpus of tokens.md §3 (each row
// asserts its refusal code), claim rules with an injected clock, settings
// errors, and issuing tokens that the verifier accepts.
#include "auth/Base64Url.h"
#include "auth/JwkCodec.h"
#include "auth/Jws.h"
#include "auth/JwtIssuer.h"
#include "auth/JwtVerifier.h"
#include "auth/KeyGenerator.h"
#include "auth/PemCodec.h"

#include "TestSupport.h"

#include <QTest>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <map>

using namespace std::string_literals;
using pc::JwsAlgorithm;
using Json = nlohmann::json;

namespace {

constexpr long long kNow = 1'700'000'000;
const pc::SystemTime kNowTime{std::chrono::seconds(kNow)};
const std::string kSecret = "portcullis-unit-test-secret-0123456789-abcdefgh"; // 47 bytes

std::string b64(std::string_view s)
{
    return pc::Base64Url::encode(s);
}

std::string hmacSha256(std::string_view key, std::string_view data)
{
    // HMAC pads keys to the block size with zeros, so an empty key is 64 zero bytes.
    const std::string padded = key.empty() ? std::string(64, '\0') : std::string(key);
    unsigned char out[64];
    size_t len = 0;
    EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, padded.data(), padded.size(),
              reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, sizeof out, &len);
    return std::string(reinterpret_cast<const char*>(out), len);
}

// header.payload.HMAC-SHA256(key) over the exact JSON texts given.
std::string hsToken(const std::string& header, const std::string& payload, std::string_view key)
{
    const std::string input = b64(header) + "." + b64(payload);
    return input + "." + b64(hmacSha256(key, input));
}

std::string signedToken(JwsAlgorithm alg, const pc::JoseKey& key, const std::string& header, const std::string& payload)
{
    const std::string input = b64(header) + "." + b64(payload);
    return input + "." + b64(pc::Jws::signature(alg, key, input).value());
}

Json goodClaims()
{
    return {
        {"iss", "https://issuer.example"}, {"aud", "api"}, {"sub", "alice"}, {"iat", kNow - 10}, {"exp", kNow + 600}};
}

std::string claimsWith(const Json& changes)
{
    Json c = goodClaims();
    for (const auto& [k, v] : changes.items()) {
        if (v.is_null()) {
            c.erase(k);
        } else {
            c[k] = v;
        }
    }
    return c.dump();
}

pc::JwtSettings baseSettings(std::vector<std::string> algorithms)
{
    pc::JwtSettings s;
    s.algorithms = std::move(algorithms);
    s.keys = {pc::JwtKey{"", pc::SecretSource{"", "TEST_KEY", ""}}};
    s.issuer = "https://issuer.example";
    s.audience = {"api"};
    s.leeway = pc::Duration::seconds(0);
    s.requiredClaims = {"exp"};
    return s;
}

std::string withPublicHeader(const std::string& token, const std::string& newSignatureB64)
{
    return token.substr(0, token.rfind('.') + 1) + newSignatureB64;
}

} // namespace

class TestJwtVerifier final : public QObject {
    Q_OBJECT

    pc::JoseKey m_hmac = pc::JoseKey::fromSecret(pc::SecretBytes(kSecret), "hs-1").value();
    std::optional<pc::JoseKey> m_rsa, m_ec, m_attackerEc, m_ed;
    std::string m_rsaPem, m_ecPem, m_rsaDer;

    pc::JwtVerifier verifier(const std::string& scenario) const
    {
        std::vector<pc::JoseKey> keys;
        pc::JwtSettings s;
        if (scenario == "hs" || scenario == "typ") {
            s = baseSettings({"HS256"});
            keys = {m_hmac};
            if (scenario == "typ") {
                s.typ = "at+jwt";
            }
        } else if (scenario == "rs" || scenario == "rs+hs") {
            s = baseSettings(scenario == "rs" ? std::vector<std::string>{"RS256"}
                                              : std::vector<std::string>{"RS256", "HS256"});
            keys = {m_rsa->publicKey().value()};
        } else if (scenario == "es" || scenario == "es+hs") {
            s = baseSettings(scenario == "es" ? std::vector<std::string>{"ES256"}
                                              : std::vector<std::string>{"ES256", "HS256"});
            keys = {m_ec->publicKey().value()};
        }
        auto v = pc::JwtVerifier::create(s, keys);
        if (!v) {
            qFatal("verifier: %s", v.error().message.c_str());
        }
        return std::move(v.value());
    }

    std::string rsToken(const std::string& payload) const
    {
        return signedToken(JwsAlgorithm::RS256, *m_rsa, R"({"alg":"RS256","typ":"JWT"})", payload);
    }
    std::string esToken(const std::string& payload) const
    {
        return signedToken(JwsAlgorithm::ES256, *m_ec, R"({"alg":"ES256"})", payload);
    }
    std::string goodHs() const { return hsToken(R"({"alg":"HS256","typ":"JWT"})", goodClaims().dump(), kSecret); }

private Q_SLOTS:
    void initTestCase()
    {
        m_rsa = pc::KeyGenerator::rsa(2048).value();
        m_ec = pc::KeyGenerator::ec(pc::KeyCurve::P256).value();
        m_attackerEc = pc::KeyGenerator::ec(pc::KeyCurve::P256).value();
        m_rsaPem = pc::PemCodec::publicKeyPem(*m_rsa).value();
        m_ecPem = pc::PemCodec::publicKeyPem(*m_ec).value();
        m_rsaDer = pc::PemCodec::publicKeyDer(*m_rsa).value();
        QVERIFY(m_rsaPem.ends_with('\n'));
    }

    void acceptsGoodTokens_data()
    {
        QTest::addColumn<std::string>("scenario");
        QTest::addColumn<std::string>("token");
        QTest::newRow("HS256") << "hs"s << goodHs();
        QTest::newRow("HS256 with kid of the key")
            << "hs"s << hsToken(R"({"alg":"HS256","kid":"hs-1"})", goodClaims().dump(), kSecret);
        QTest::newRow("RS256") << "rs"s << rsToken(goodClaims().dump());
        QTest::newRow("RS256 where HS256 is allowed too") << "rs+hs"s << rsToken(goodClaims().dump());
        QTest::newRow("ES256") << "es"s << esToken(goodClaims().dump());
        QTest::newRow("aud array with ours")
            << "hs"s << hsToken(R"({"alg":"HS256"})", claimsWith({{"aud", {"other", "api"}}}), kSecret);
        QTest::newRow("exp one second after now")
            << "hs"s << hsToken(R"({"alg":"HS256"})", claimsWith({{"exp", kNow + 1}}), kSecret);
        QTest::newRow("nbf == now") << "hs"s << hsToken(R"({"alg":"HS256"})", claimsWith({{"nbf", kNow}}), kSecret);
        QTest::newRow("fractional NumericDate")
            << "hs"s << hsToken(R"({"alg":"HS256"})", claimsWith({{"exp", kNow + 0.5}}), kSecret);
        QTest::newRow("typ at+jwt") << "typ"s
                                    << hsToken(R"({"alg":"HS256","typ":"at+jwt"})", goodClaims().dump(), kSecret);
        QTest::newRow("typ application/AT+JWT")
            << "typ"s << hsToken(R"({"alg":"HS256","typ":"application/AT+JWT"})", goodClaims().dump(), kSecret);
        QTest::newRow("unknown non-critical header parameter")
            << "hs"s << hsToken(R"({"alg":"HS256","x-note":"hello"})", goodClaims().dump(), kSecret);
    }
    void acceptsGoodTokens()
    {
        QFETCH(std::string, scenario);
        QFETCH(std::string, token);
        const auto v = verifier(scenario);
        const auto result = v.verify(token, kNowTime);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        QCOMPARE(result->claims.at("sub").get<std::string>(), "alice"s);
    }

    // tokens.md §3: every row is an attack or a broken token; each must be
    // refused with its stable code.
    void attackCorpus_data()
    {
        QTest::addColumn<std::string>("scenario");
        QTest::addColumn<std::string>("token");
        QTest::addColumn<std::string>("code");
        const std::string good = goodClaims().dump();
        const std::string goodB64 = b64(good);
        const std::string hsHeader = R"({"alg":"HS256","typ":"JWT"})";

        // alg none, every casing; V5 shape (trailing dot kept)
        for (const char* none : {"none", "None", "NONE", "nOnE"}) {
            QTest::addRow("alg %s", none) << "hs"s << b64(Json{{"alg", none}}.dump()) + "." + goodB64 + "."
                                          << "alg-none"s;
        }
        QTest::newRow("alg none with a valid HMAC appended")
            << "hs"s << hsToken(R"({"alg":"none"})", good, kSecret) << "alg-none"s;
        QTest::newRow("RFC 7515 A.5 unsecured JWS")
            << "hs"s
            << "eyJhbGciOiJub25lIn0."
               "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290"
               "Ijp0cnVlfQ."s
            << "alg-none"s;

        // signatures
        const std::string hs = goodHs();
        QTest::newRow("empty signature, original alg") << "hs"s << withPublicHeader(hs, "") << "empty-signature"s;
        const std::string sig = *pc::Base64Url::decode(hs.substr(hs.rfind('.') + 1));
        QTest::newRow("signature 3 bytes short")
            << "hs"s << withPublicHeader(hs, b64(sig.substr(0, sig.size() - 3))) << "bad-signature-length"s;
        QTest::newRow("RS256 signature 1 byte short")
            << "rs"s
            << withPublicHeader(
                   rsToken(good),
                   b64(pc::Base64Url::decode(rsToken(good).substr(rsToken(good).rfind('.') + 1))->substr(1)))
            << "bad-signature-length"s;
        QTest::newRow("empty HMAC key (CVE-2019-20933)") << "hs"s << hsToken(hsHeader, good, "") << "bad-signature"s;
        QTest::newRow("weak HMAC secret 'secret'") << "hs"s << hsToken(hsHeader, good, "secret") << "bad-signature"s;
        QTest::newRow("signature of another payload")
            << "hs"s
            << hsToken(hsHeader, claimsWith({{"sub", "mallory"}}), kSecret).substr(0, hs.rfind('.')) +
                   hs.substr(hs.rfind('.'))
            << "bad-signature"s;

        // RS/ES -> HS key confusion with the public key as HMAC secret
        const std::string rsPemNoNewline = m_rsaPem.substr(0, m_rsaPem.size() - 1);
        QTest::newRow("RS->HS confusion, PEM, HS256 not allowed")
            << "rs"s << hsToken(R"({"alg":"HS256"})", good, m_rsaPem) << "alg-not-allowed"s;
        QTest::newRow("RS->HS confusion, PEM with newline")
            << "rs+hs"s << hsToken(R"({"alg":"HS256"})", good, m_rsaPem) << "key-type-mismatch"s;
        QTest::newRow("RS->HS confusion, PEM without final newline")
            << "rs+hs"s << hsToken(R"({"alg":"HS256"})", good, rsPemNoNewline) << "key-type-mismatch"s;
        QTest::newRow("RS->HS confusion, DER")
            << "rs+hs"s << hsToken(R"({"alg":"HS256"})", good, m_rsaDer) << "key-type-mismatch"s;
        QTest::newRow("RS->HS confusion, kid of the RSA key")
            << "rs+hs"s << hsToken(Json{{"alg", "HS256"}, {"kid", m_rsa->kid()}}.dump(), good, m_rsaPem)
            << "key-type-mismatch"s;
        QTest::newRow("ES->HS confusion, PEM")
            << "es+hs"s << hsToken(R"({"alg":"HS256"})", good, m_ecPem) << "key-type-mismatch"s;
        QTest::newRow("ES->HS confusion, HS256 not allowed")
            << "es"s << hsToken(R"({"alg":"HS256"})", good, m_ecPem) << "alg-not-allowed"s;

        // ECDSA encodings
        const std::string es = esToken(good);
        QTest::newRow("psychic signature, 64 zero bytes (CVE-2022-21449)")
            << "es"s << withPublicHeader(es, std::string(86, 'A')) << "bad-signature"s;
        QTest::newRow("psychic signature, DER MAYCAQACAQA")
            << "es"s << withPublicHeader(es, "MAYCAQACAQA") << "bad-signature-length"s;
        const std::string esSig = *pc::Base64Url::decode(es.substr(es.rfind('.') + 1));
        const std::string padded66 = '\0' + esSig.substr(0, 32) + '\0' + esSig.substr(32);
        QTest::newRow("ES256 signature zero-padded to 66 bytes")
            << "es"s << withPublicHeader(es, b64(padded66)) << "bad-signature-length"s;
        QTest::newRow("ES256 signature in DER")
            << "es"s << withPublicHeader(es, b64(derOf(esSig))) << "bad-signature-length"s;

        // keys and URLs named by the token
        const Json attackerJwk = pc::JwkCodec::publicJwk(*m_attackerEc).value();
        QTest::newRow("embedded jwk signed by the attacker (CVE-2018-0114)")
            << "es"s
            << signedToken(JwsAlgorithm::ES256, *m_attackerEc, Json{{"alg", "ES256"}, {"jwk", attackerJwk}}.dump(),
                           good)
            << "untrusted-header-key"s;
        QTest::newRow("jku pointing at an attacker's JWKS")
            << "hs"s
            << hsToken(Json{{"alg", "HS256"}, {"jku", "https://attacker.example/jwks.json"}}.dump(), good, kSecret)
            << "untrusted-header-key"s;
        QTest::newRow("x5u") << "hs"s
                             << hsToken(Json{{"alg", "HS256"}, {"x5u", "https://attacker.example/c.pem"}}.dump(), good,
                                        kSecret)
                             << "untrusted-header-key"s;
        QTest::newRow("x5c") << "hs"s << hsToken(R"({"alg":"HS256","x5c":["MIIB"]})", good, kSecret)
                             << "untrusted-header-key"s;

        // kid injection (jwt_tool playbook): compared only, never opened or queried
        for (const char* kid : {"", "../../../../../../dev/null", "/dev/null", "/invalid_path", "|sleep 10"}) {
            QTest::addRow("kid injection \"%s\" with empty key", kid)
                << "hs"s << hsToken(Json{{"alg", "HS256"}, {"kid", kid}}.dump(), good, "") << "unknown-kid"s;
        }
        QTest::newRow("kid SQL injection signed with '1'")
            << "hs"s << hsToken(Json{{"alg", "HS256"}, {"kid", "x' UNION SELECT '1';--"}}.dump(), good, "1")
            << "unknown-kid"s;
        QTest::newRow("kid not a string")
            << "hs"s << hsToken(R"({"alg":"HS256","kid":7})", good, kSecret) << "bad-header"s;

        // time claims (leeway 0 here)
        QTest::newRow("exp == now") << "hs"s << hsToken(hsHeader, claimsWith({{"exp", kNow}}), kSecret) << "expired"s;
        QTest::newRow("exp in the past") << "hs"s << hsToken(hsHeader, claimsWith({{"exp", kNow - 3600}}), kSecret)
                                         << "expired"s;
        QTest::newRow("nbf in the future")
            << "hs"s << hsToken(hsHeader, claimsWith({{"nbf", kNow + 60}}), kSecret) << "not-yet-valid"s;
        QTest::newRow("iat in the future")
            << "hs"s << hsToken(hsHeader, claimsWith({{"iat", kNow + 60}}), kSecret) << "issued-in-future"s;
        QTest::newRow("exp as a string") << "hs"s
                                         << hsToken(hsHeader, claimsWith({{"exp", std::to_string(kNow + 600)}}),
                                                    kSecret)
                                         << "bad-claim"s;

        // who the token is for and from
        QTest::newRow("wrong audience") << "hs"s << hsToken(hsHeader, claimsWith({{"aud", "billing"}}), kSecret)
                                        << "wrong-audience"s;
        QTest::newRow("audience array without ours")
            << "hs"s << hsToken(hsHeader, claimsWith({{"aud", {"billing", "admin"}}}), kSecret) << "wrong-audience"s;
        QTest::newRow("aud of the wrong type")
            << "hs"s << hsToken(hsHeader, claimsWith({{"aud", 42}}), kSecret) << "bad-claim"s;
        QTest::newRow("wrong issuer") << "hs"s
                                      << hsToken(hsHeader, claimsWith({{"iss", "https://evil.example"}}), kSecret)
                                      << "wrong-issuer"s;
        QTest::newRow("missing required exp")
            << "hs"s << hsToken(hsHeader, claimsWith({{"exp", nullptr}}), kSecret) << "missing-claim"s;
        QTest::newRow("missing aud while one is configured")
            << "hs"s << hsToken(hsHeader, claimsWith({{"aud", nullptr}}), kSecret) << "missing-claim"s;
        QTest::newRow("missing iss while one is configured")
            << "hs"s << hsToken(hsHeader, claimsWith({{"iss", nullptr}}), kSecret) << "missing-claim"s;

        // parser differentials and encodings
        QTest::newRow("duplicate alg: none then HS256")
            << "hs"s << hsToken(R"({"alg":"none","alg":"HS256"})", good, kSecret) << "duplicate-key"s;
        QTest::newRow("duplicate claim in a signed payload")
            << "hs"s << hsToken(hsHeader, R"({"sub":"alice","sub":"admin","exp":1700000600})", kSecret)
            << "duplicate-key"s;
        QTest::newRow("header with base64 padding") << "hs"s << b64(hsHeader) + "=." + goodB64 + ".AAAA"
                                                    << "bad-encoding"s;
        QTest::newRow("signature with padding") << "hs"s << hs + "="
                                                << "bad-encoding"s;
        QTest::newRow("signature in standard base64") << "hs"s << standardAlphabet(hs) << "bad-encoding"s;
        QTest::newRow("signature with non-zero pad bits") << "hs"s << nonZeroPadBits(hs) << "bad-encoding"s;
        QTest::newRow("payload not JSON") << "hs"s << hsToken(hsHeader, "not json", kSecret) << "bad-json"s;
        QTest::newRow("payload a JSON array") << "hs"s << hsToken(hsHeader, "[1,2]", kSecret) << "bad-payload"s;
        QTest::newRow("header without alg") << "hs"s << hsToken(R"({"typ":"JWT"})", good, kSecret) << "bad-header"s;
        QTest::newRow("JWE-shaped five parts") << "hs"s << hs + ".a.b"
                                               << "bad-format"s;

        // header semantics
        QTest::newRow("unknown critical parameter")
            << "hs"s << hsToken(R"({"alg":"HS256","crit":["exp"],"exp":1})", good, kSecret) << "unknown-critical"s;
        QTest::newRow("crit not an array")
            << "hs"s << hsToken(R"({"alg":"HS256","crit":"x"})", good, kSecret) << "bad-header"s;
        QTest::newRow("unencoded payload b64 false")
            << "hs"s << hsToken(R"({"alg":"HS256","b64":false})", good, kSecret) << "bad-header"s;
        QTest::newRow("HS512 not allowed") << "hs"s << b64(R"({"alg":"HS512"})") + "." + goodB64 + ".AAAA"
                                           << "alg-not-allowed"s;
        QTest::newRow("alg in lower case")
            << "hs"s << hsToken(R"({"alg":"hs256"})", good, kSecret) << "alg-not-allowed"s;
        QTest::newRow("wrong typ") << "typ"s << hsToken(R"({"alg":"HS256","typ":"JWT"})", good, kSecret) << "bad-typ"s;
        QTest::newRow("missing typ") << "typ"s << hsToken(R"({"alg":"HS256"})", good, kSecret) << "bad-typ"s;
        QTest::newRow("oversize token") << "hs"s
                                        << hsToken(hsHeader, claimsWith({{"pad", std::string(9000, 'x')}}), kSecret)
                                        << "too-large"s;
    }
    void attackCorpus()
    {
        QFETCH(std::string, scenario);
        QFETCH(std::string, token);
        QFETCH(std::string, code);
        const auto result = verifier(scenario).verify(token, kNowTime);
        QVERIFY2(!result.ok(), "the token was accepted");
        QCOMPARE(result.error().code, code);
        QVERIFY(!result.error().message.empty());
        QVERIFY(result.error().message.ends_with('.') || result.error().message.ends_with(')'));
    }

    void leewayApplies()
    {
        pc::JwtSettings s = baseSettings({"HS256"});
        s.leeway = pc::Duration::seconds(30);
        const auto v = pc::JwtVerifier::create(s, {m_hmac}).value();
        const auto at = [&](const Json& c) {
            return v.verify(hsToken(R"({"alg":"HS256"})", claimsWith(c), kSecret), kNowTime);
        };
        QVERIFY(at({{"exp", kNow}}).ok());
        QVERIFY(at({{"exp", kNow - 29}}).ok());
        QCOMPARE(at({{"exp", kNow - 30}}).error().code, "expired"s);
        QVERIFY(at({{"nbf", kNow + 30}}).ok());
        QCOMPARE(at({{"nbf", kNow + 31}}).error().code, "not-yet-valid"s);
        QVERIFY(at({{"iat", kNow + 30}}).ok());
        QCOMPARE(at({{"iat", kNow + 31}}).error().code, "issued-in-future"s);
    }

    void audienceNotConfiguredRefusesAud()
    {
        pc::JwtSettings s = baseSettings({"HS256"});
        s.audience.clear();
        const auto v = pc::JwtVerifier::create(s, {m_hmac}).value();
        QCOMPARE(v.verify(goodHs(), kNowTime).error().code, "wrong-audience"s);
        QVERIFY(v.verify(hsToken(R"({"alg":"HS256"})", claimsWith({{"aud", nullptr}}), kSecret), kNowTime).ok());
    }

    void kidSelectsAmongKeys()
    {
        const auto other = pc::JoseKey::fromSecret(pc::SecretBytes(std::string(40, 'k')), "hs-2").value();
        const auto v = pc::JwtVerifier::create(baseSettings({"HS256"}), {m_hmac, other}).value();
        const auto viaKid =
            v.verify(hsToken(R"({"alg":"HS256","kid":"hs-2"})", goodClaims().dump(), std::string(40, 'k')), kNowTime);
        QVERIFY(viaKid.ok());
        QCOMPARE(viaKid->kid, "hs-2"s);
        // Without a kid every fitting key is tried.
        const auto noKid = v.verify(hsToken(R"({"alg":"HS256"})", goodClaims().dump(), std::string(40, 'k')), kNowTime);
        QVERIFY(noKid.ok());
        // The kid of one key with the other key's signature fails.
        QCOMPARE(
            v.verify(hsToken(R"({"alg":"HS256","kid":"hs-1"})", goodClaims().dump(), std::string(40, 'k')), kNowTime)
                .error()
                .code,
            "bad-signature"s);
    }

    // Decision (documented in auth/Jws.h): ECDSA signatures with a high s are
    // accepted, as RFC 7518 and PyJWT do; tokens are identified by jti, never by
    // a hash of their bytes, so malleability gains an attacker nothing.
    void highSIsAccepted()
    {
        const std::string es = esToken(goodClaims().dump());
        const std::string sig = *pc::Base64Url::decode(es.substr(es.rfind('.') + 1));
        BIGNUM* order = BN_new();
        BN_hex2bn(&order, "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
        BIGNUM* s = BN_bin2bn(reinterpret_cast<const unsigned char*>(sig.data()) + 32, 32, nullptr);
        BN_sub(s, order, s);
        std::string flipped = sig;
        BN_bn2binpad(s, reinterpret_cast<unsigned char*>(flipped.data()) + 32, 32);
        BN_free(order);
        BN_free(s);
        QVERIFY(flipped != sig);
        QVERIFY(verifier("es").verify(withPublicHeader(es, b64(flipped)), kNowTime).ok());
    }

    void refreshTokenIsNotAnAccessToken()
    {
        const auto v = verifier("hs");
        const std::string refresh = hsToken(R"({"alg":"HS256"})", claimsWith({{"token_type", "refresh"}}), kSecret);
        QVERIFY(v.verify(refresh, kNowTime).ok());
        QCOMPARE(v.verify(refresh, kNowTime, pc::TokenUse::Access).error().code, "wrong-token-type"s);
        QVERIFY(v.verify(refresh, kNowTime, pc::TokenUse::Refresh).ok());
        QCOMPARE(v.verify(goodHs(), kNowTime, pc::TokenUse::Refresh).error().code, "wrong-token-type"s);
    }

    void createRefusesBadSettings_data()
    {
        QTest::addColumn<std::vector<std::string>>("algorithms");
        QTest::addColumn<int>("keyBytes"); // 0 = the RSA key
        QTest::addColumn<std::string>("code");
        QTest::newRow("none allowed") << std::vector<std::string>{"HS256", "none"} << 47 << "alg-none"s;
        QTest::newRow("None allowed") << std::vector<std::string>{"None"} << 47 << "alg-none"s;
        QTest::newRow("unknown algorithm") << std::vector<std::string>{"HS257"} << 47 << "unknown-algorithm"s;
        QTest::newRow("empty allow-list") << std::vector<std::string>{} << 47 << "no-algorithm"s;
        QTest::newRow("HS512 with a 47-byte secret") << std::vector<std::string>{"HS256", "HS512"} << 47 << "weak-key"s;
        QTest::newRow("RSA key with HS256 only") << std::vector<std::string>{"HS256"} << 0 << "key-type-mismatch"s;
        QTest::newRow("HMAC key with RS256 only") << std::vector<std::string>{"RS256"} << 47 << "key-type-mismatch"s;
    }
    void createRefusesBadSettings()
    {
        QFETCH(std::vector<std::string>, algorithms);
        QFETCH(int, keyBytes);
        QFETCH(std::string, code);
        const pc::JoseKey key = keyBytes == 0 ? *m_rsa : m_hmac;
        const auto v = pc::JwtVerifier::create(baseSettings(algorithms), {key});
        QVERIFY(!v.ok());
        QCOMPARE(v.error().code, code);
        QVERIFY(v.error().pointer.starts_with("/auth/jwt/"));
    }

    void createRefusesDuplicateKidsAndNoKeys()
    {
        QCOMPARE(pc::JwtVerifier::create(baseSettings({"HS256"}), {m_hmac, m_hmac}).error().code, "duplicate-kid"s);
        QCOMPARE(pc::JwtVerifier::create(baseSettings({"HS256"}), {}).error().code, "no-key"s);
    }

    void weakKeysCannotBeLoaded()
    {
        QCOMPARE(pc::JoseKey::fromSecret(pc::SecretBytes(std::string(31, 'x'))).error().code, "weak-key"s);
        QCOMPARE(pc::JoseKey::fromSecret(pc::SecretBytes()).error().code, "weak-key"s);
        EVP_PKEY* small = EVP_RSA_gen(1024);
        QVERIFY(small != nullptr);
        const auto rsa1024 = pc::JoseKey::fromPkey(std::shared_ptr<EVP_PKEY>(small, EVP_PKEY_free));
        QCOMPARE(rsa1024.error().code, "weak-key"s);
    }

    void issuerMintsVerifiableTokens()
    {
        pc::JwtSettings s = baseSettings({"RS256", "ES256"});
        s.claims = {{"scope", "read"}, {"iss", "ignored-by-issuer"}};
        s.typ = "at+jwt";
        const auto issuer = pc::JwtIssuer::create(s, *m_ec);
        QVERIFY(issuer.ok());
        QVERIFY(issuer->algorithm() == JwsAlgorithm::ES256); // first allowed algorithm that fits the key
        const auto token = issuer->issue(pc::TokenKind::Access, kNowTime, {{"sub", "alice"}});
        QVERIFY(token.ok());
        const auto v = pc::JwtVerifier::create(s, {m_ec->publicKey().value()}).value();
        const auto verified = v.verify(*token, kNowTime, pc::TokenUse::Access);
        QVERIFY2(verified.ok(), verified.ok() ? "" : verified.error().message.c_str());
        const Json& c = verified->claims;
        QCOMPARE(c.at("iss").get<std::string>(), "https://issuer.example"s);
        QCOMPARE(c.at("aud").get<std::string>(), "api"s);
        QCOMPARE(c.at("scope").get<std::string>(), "read"s);
        QCOMPARE(c.at("iat").get<long long>(), kNow);
        QCOMPARE(c.at("nbf").get<long long>(), kNow);
        QCOMPARE(c.at("exp").get<long long>(), kNow + 15 * 60);
        QCOMPARE(c.at("token_type").get<std::string>(), "access"s);
        QCOMPARE(c.at("jti").get<std::string>().size(), size_t(22));
        QCOMPARE(verified->header.at("typ").get<std::string>(), "at+jwt"s);
        QCOMPARE(verified->header.at("kid").get<std::string>(), m_ec->kid());
        // Expires after access_ttl.
        QCOMPARE(v.verify(*token, kNowTime + std::chrono::minutes(15)).error().code, "expired"s);

        const auto refresh = issuer->issue(pc::TokenKind::Refresh, kNowTime);
        const auto r = v.verify(refresh.value(), kNowTime, pc::TokenUse::Refresh);
        QVERIFY(r.ok());
        QCOMPARE(r->claims.at("exp").get<long long>(), kNow + 7 * 24 * 3600);
        QCOMPARE(v.verify(refresh.value(), kNowTime, pc::TokenUse::Access).error().code, "wrong-token-type"s);

        // jti comes from the CSPRNG: two tokens differ.
        QVERIFY(issuer->issue(pc::TokenKind::Access, kNowTime).value() !=
                issuer->issue(pc::TokenKind::Access, kNowTime).value());
        // Extra claims override registered ones, null removes them.
        const auto broken = issuer->issue(pc::TokenKind::Access, kNowTime, {{"exp", nullptr}, {"aud", "other"}});
        QCOMPARE(v.verify(broken.value(), kNowTime).error().code, "missing-claim"s);
    }

    void issuerNeedsPrivateKeyThatFits()
    {
        QCOMPARE(pc::JwtIssuer::create(baseSettings({"ES256"}), m_ec->publicKey().value()).error().code,
                 "no-private-key"s);
        QCOMPARE(pc::JwtIssuer::create(baseSettings({"RS256"}), *m_ec).error().code, "key-type-mismatch"s);
        const auto hs = pc::JwtIssuer::create(baseSettings({"HS256"}), m_hmac);
        QVERIFY(hs.ok());
        const auto token = hs->issue(pc::TokenKind::Access, kNowTime);
        QVERIFY(verifier("hs").verify(token.value(), kNowTime).ok());
    }

private:
    static std::string derOf(const std::string& joseSig)
    {
        ECDSA_SIG* s = ECDSA_SIG_new();
        ECDSA_SIG_set0(s, BN_bin2bn(reinterpret_cast<const unsigned char*>(joseSig.data()), 32, nullptr),
                       BN_bin2bn(reinterpret_cast<const unsigned char*>(joseSig.data()) + 32, 32, nullptr));
        unsigned char* der = nullptr;
        const int len = i2d_ECDSA_SIG(s, &der);
        std::string out(reinterpret_cast<const char*>(der), static_cast<size_t>(len));
        OPENSSL_free(der);
        ECDSA_SIG_free(s);
        return out;
    }
    // Re-signs with a "n" claim until the signature has '-' or '_', then maps them
    // to standard base64's '+' and '/'.
    std::string standardAlphabet(const std::string&) const
    {
        for (int n = 0; n < 1000; ++n) {
            std::string t = hsToken(R"({"alg":"HS256"})", claimsWith({{"n", n}}), kSecret);
            const auto dot = t.rfind('.');
            if (t.find_first_of("-_", dot) != std::string::npos) {
                for (size_t i = dot; i < t.size(); ++i) {
                    t[i] = t[i] == '-' ? '+' : t[i] == '_' ? '/' : t[i];
                }
                return t;
            }
        }
        return {};
    }
    // A 32-byte signature is 43 characters; the last one carries 2 pad bits.
    static std::string nonZeroPadBits(std::string token)
    {
        constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char& last = token.back();
        last = alphabet[alphabet.find(last) | 1];
        return token;
    }
};

QTEST_GUILESS_MAIN(TestJwtVerifier)
#include "TestJwtVerifier.moc"
