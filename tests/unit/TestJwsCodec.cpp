// SPDX-License-Identifier: Apache-2.0
// JWS codec: strict base64url, duplicate-refusing JSON, ECDSA R||S <-> DER, and
// the RFC known-answer vectors (tokens.md §1.2), byte-exact where deterministic.
#include "auth/Base64Url.h"
#include "auth/EcdsaSignature.h"
#include "auth/JwkCodec.h"
#include "auth/Jws.h"
#include "auth/KeyGenerator.h"
#include "auth/StrictJson.h"

#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;
using pc::JwsAlgorithm;

namespace {

const std::string kPayloadB64 =
    "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";

const std::string kRsaN =
    "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-"
    "pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-"
    "KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-"
    "DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ";

// RFC 7515 Appendix A.2.1 private key.
nlohmann::json rfc7515RsaJwk()
{
    return {
        {"kty", "RSA"},
        {"n", kRsaN},
        {"e", "AQAB"},
        {"d", "Eq5xpGnNCivDflJsRQBXHx1hdR1k6Ulwe2JZD50LpXyWPEAeP88vLNO97IjlA7_GQ5sLKMgvfTeXZx9SE-7YwVol2NXOoAJe46sui3"
              "95IW_GO-pWJ1O0BkTGoVEn2bKVRUCgu-GjBVaYLU6f3l9kJfFNS3E0QbVdxzubSu3Mkqzjkn439X0M_V51gfpRLI9JYanrC4D4qAdGco"
              "pV_0ZHHzQlBjudU2QvXt4ehNYTCBr6XCLQUShb1juUO1ZdiYoFaFQT5Tw8bGUl_x_jTj3ccPDVZFD9pIuhLhBOneufuBiB4cS98l2SR_"
              "RQyGWSeWjnczT0QU91p1DhOVRuOopznQ"},
        {"p", "4BzEEOtIpmVdVEZNCqS7baC4crd0pqnRH_5IB3jw3bcxGn6QLvnEtfdUdiYrqBdss1l58BQ3KhooKeQTa9AB0Hw_Py5PJdTJNPY8cQ"
              "n7ouZ2KKDcmnPGBY5t7yLc1QlQ5xHdwW1VhvKn-nXqhJTBgIPgtldC-KDV5z-y2XDwGUc"},
        {"q", "uQPEfgmVtjL0Uyyx88GZFF1fOunH3-7cepKmtH4pxhtCoHqpWmT8YAmZxaewHgHAjLYsp1ZSe7zFYHj7C6ul7TjeLQeZD_YwD66t62"
              "wDmpe_HlB-TnBA-njbglfIsRLtXlnDzQkv5dTltRJ11BKBBypeeF6689rjcJIDEz9RWdc"},
        {"dp", "BwKfV3Akq5_MFZDFZCnW-wzl-CCo83WoZvnLQwCTeDv8uzluRSnm71I3QCLdhrqE2e9YkxvuxdBfpT_PI7Yz-FOKnu1R6HsJeDCjn1"
               "2Sk3vmAktV2zb34MCdy7cpdTh_YVr7tss2u6vneTwrA86rZtu5Mbr1C1XsmvkxHQAdYo0"},
        {"dq", "h_96-mK1R_7glhsum81dZxjTnYynPbZpHziZjeeHcXYsXaaMwkOlODsWa7I9xXDoRwbKgB719rrmI2oKr6N3Do9U0ajaHF-NKJnwgj"
               "Md2w9cjz3_-kyNlxAr2v4IKhGNpmM5iIgOS1VZnOZ68m6_pbLBSp3nssTdlqvd0tIiTHU"},
        {"qi", "IYd7DHOhrWvxkwPQsRM2tOgrjbcrfvtQJipd-DlcxyVuuM9sQLdgjVk2oy26F0EmpScGLq2MowX7fhd_QJQ3ydy5cY7YIBi87w93IK"
               "LEdfnbJtoOPLUW0ITrJReOgo1cq9SbsxYawBgfp_gh6A5603k2-ZQwVK0JKSHuLFkuQ3U"},
    };
}

pc::JoseKey jwk(const nlohmann::json& j)
{
    auto key = pc::JwkCodec::parse(j);
    if (!key) {
        qFatal("JWK did not parse: %s", key.error().message.c_str());
    }
    return key.value();
}

std::string b64(std::string_view s)
{
    return pc::Base64Url::encode(s);
}

} // namespace

class TestJwsCodec final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void base64urlRoundTrips_data()
    {
        QTest::addColumn<std::string>("bytes");
        QTest::newRow("empty") << ""s;
        QTest::newRow("one byte") << "f"s;
        QTest::newRow("two bytes") << "fo"s;
        QTest::newRow("three bytes") << "foo"s;
        QTest::newRow("high bytes") << "\xff\xfe\xfd\x00\x01"s;
    }
    void base64urlRoundTrips()
    {
        QFETCH(std::string, bytes);
        const std::string text = pc::Base64Url::encode(bytes);
        QVERIFY(text.find('=') == std::string::npos);
        QCOMPARE(pc::Base64Url::decode(text).value_or("<refused>"), bytes);
        QVERIFY(pc::Base64Url::diagnose(text).empty());
    }

    void base64urlRefusesNonCanonical_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::newRow("padding") << "Zm8="s;
        QTest::newRow("double padding") << "Zg=="s;
        QTest::newRow("standard alphabet plus") << "a+b_"s;
        QTest::newRow("standard alphabet slash") << "a/b-"s;
        QTest::newRow("non-zero pad bits, 2 chars") << "Zh"s;  // "Zg" is canonical for "f"
        QTest::newRow("non-zero pad bits, 3 chars") << "Zm9"s; // "Zm8" is canonical for "fo"
        QTest::newRow("impossible length") << "Zm9vY"s;
        QTest::newRow("whitespace") << "Zm 8"s;
        QTest::newRow("NUL") << "Zm\0"
                                "8"s;
    }
    void base64urlRefusesNonCanonical()
    {
        QFETCH(std::string, text);
        QVERIFY(!pc::Base64Url::decode(text).has_value());
        QVERIFY(!pc::Base64Url::decodeSecret(text).has_value());
        QVERIFY(!pc::Base64Url::diagnose(text).empty());
    }

    void strictJson_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<std::string>("code"); // "" = accepted
        QTest::newRow("plain object") << R"({"alg":"HS256","typ":"JWT"})"s
                                      << ""s;
        QTest::newRow("duplicate alg") << R"({"alg":"none","alg":"HS256"})"s
                                       << "duplicate-key"s;
        QTest::newRow("duplicate via escape") << R"({"alg":"none","\u0061lg":"HS256"})"s
                                              << "duplicate-key"s;
        QTest::newRow("duplicate nested") << R"({"a":{"b":1,"b":2}})"s
                                          << "duplicate-key"s;
        QTest::newRow("same name in sibling objects") << R"({"a":{"b":1},"c":{"b":2}})"s
                                                      << ""s;
        QTest::newRow("same name in array objects") << R"([{"b":1},{"b":2}])"s
                                                    << ""s;
        QTest::newRow("trailing garbage") << R"({"a":1} x)"s
                                          << "bad-json"s;
        QTest::newRow("invalid UTF-8") << "{\"a\":\"\xff\"}"s
                                       << "bad-json"s;
        QTest::newRow("too deep") << std::string(40, '[') + std::string(40, ']') << "too-deep"s;
    }
    void strictJson()
    {
        QFETCH(std::string, text);
        QFETCH(std::string, code);
        const auto parsed = pc::StrictJson::parse(text);
        QCOMPARE(parsed.ok() ? ""s : parsed.error().code, code);
    }

    void ecdsaConversion()
    {
        // 64 bytes of R||S with leading zeros survive DER and back.
        std::string jose(64, '\0');
        jose[1] = '\x7f';
        jose[31] = '\x01';
        jose[63] = '\x02';
        const auto der = pc::EcdsaSignature::joseToDer(jose, 32);
        QVERIFY(der.has_value());
        QCOMPARE(pc::EcdsaSignature::derToJose(*der, 32).value_or(""), jose);
        QVERIFY(!pc::EcdsaSignature::joseToDer(std::string(64, '\0'), 32)); // r = s = 0
        QVERIFY(!pc::EcdsaSignature::joseToDer(jose + '\0', 32));           // wrong length
        QVERIFY(!pc::EcdsaSignature::joseToDer(jose, 0));
        QVERIFY(!pc::EcdsaSignature::derToJose(*der + "x", 32)); // trailing bytes after the DER
    }

    // V1 — RFC 7515 A.1: HS256, byte-exact sign and verify over the CRLF header.
    void rfc7515A1Hs256()
    {
        const auto key =
            jwk({{"kty", "oct"},
                 {"k", "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}});
        const std::string input = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9." + kPayloadB64;
        const auto sig = pc::Jws::signature(JwsAlgorithm::HS256, key, input);
        QVERIFY(sig.ok());
        QCOMPARE(b64(*sig), "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"s);
        QVERIFY(pc::Jws::verify(JwsAlgorithm::HS256, key, input, *sig).ok());
        QCOMPARE(pc::Jws::verify(JwsAlgorithm::HS256, key, input + "x", *sig).error().code, "bad-signature"s);
    }

    // V2 — RFC 7515 A.2: RS256 (PKCS#1 v1.5 is deterministic): byte-exact sign.
    void rfc7515A2Rs256()
    {
        const auto key = jwk(rfc7515RsaJwk());
        QVERIFY(key.isPrivate());
        QCOMPARE(key.bits(), 2048);
        const std::string input = "eyJhbGciOiJSUzI1NiJ9." + kPayloadB64;
        const std::string expected =
            "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_"
            "O8W2Fp5jujGbds9uJdbF9CUAr"
            "7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_"
            "dO--"
            "xi12jzDwusC-"
            "eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_"
            "IoypGlUPQGe77Rw";
        const auto sig = pc::Jws::signature(JwsAlgorithm::RS256, key, input);
        QVERIFY(sig.ok());
        QCOMPARE(b64(*sig), expected);
        const auto pub = key.publicKey();
        QVERIFY(pub.ok() && !pub->isPrivate());
        QVERIFY(pc::Jws::verify(JwsAlgorithm::RS256, *pub, input, *sig).ok());
        // The same key verifies as public-only JWK (n, e) too.
        const auto publicOnly = jwk({{"kty", "RSA"}, {"n", kRsaN}, {"e", "AQAB"}});
        QVERIFY(pc::Jws::verify(JwsAlgorithm::RS256, publicOnly, input, *sig).ok());
        // PS256 with the same key does not accept a PKCS#1 v1.5 signature.
        QCOMPARE(pc::Jws::verify(JwsAlgorithm::PS256, publicOnly, input, *sig).error().code, "bad-signature"s);
    }

    // V3 — RFC 7515 A.3: ES256 verify only (ECDSA is randomised), then sign+verify.
    void rfc7515A3Es256()
    {
        const nlohmann::json pub = {{"kty", "EC"},
                                    {"crv", "P-256"},
                                    {"x", "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"},
                                    {"y", "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}};
        nlohmann::json priv = pub;
        priv["d"] = "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI";
        const std::string input = "eyJhbGciOiJFUzI1NiJ9." + kPayloadB64;
        const auto sig = pc::Base64Url::decode(
            "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q");
        QVERIFY(sig.has_value());
        QCOMPARE(sig->size(), size_t(64));
        QVERIFY(pc::Jws::verify(JwsAlgorithm::ES256, jwk(pub), input, *sig).ok());
        const auto mine = pc::Jws::signature(JwsAlgorithm::ES256, jwk(priv), input);
        QVERIFY(mine.ok());
        QCOMPARE(mine->size(), size_t(64));
        QVERIFY(pc::Jws::verify(JwsAlgorithm::ES256, jwk(pub), input, *mine).ok());
        QCOMPARE(pc::Jws::verify(JwsAlgorithm::ES256, jwk(pub), input + "x", *sig).error().code, "bad-signature"s);
    }

    // V6 — RFC 7520 §4.4: HS256 with kid and a non-ASCII payload, byte-exact.
    void rfc7520HmacWithKid()
    {
        const auto key = jwk({{"kty", "oct"},
                              {"kid", "018c0ae5-4d9b-471b-bfd6-eef314bc7037"},
                              {"use", "sig"},
                              {"alg", "HS256"},
                              {"k", "hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg"}});
        QCOMPARE(key.kid(), "018c0ae5-4d9b-471b-bfd6-eef314bc7037"s);
        QVERIFY(key.boundAlgorithm() == JwsAlgorithm::HS256);
        QVERIFY(!key.supports(JwsAlgorithm::HS384)); // bound by "alg", and too short anyway
        const std::string payload =
            "It\u2019s a dangerous business, Frodo, going out your door. You step onto the road, and if you don't keep "
            "your feet, there\u2019s no knowing where you might be swept off to.";
        const std::string payloadB64 =
            "SXTigJlzIGEgZGFuZ2Vyb3VzIGJ1c2luZXNzLCBGcm9kbywgZ29pbmcgb3V0IHlvdXIgZG9vci4gWW91IHN0ZXAgb250byB0aGUgcm9h"
            "ZCwgYW5kIGlmIHlvdSBkb24ndCBrZWVwIHlvdXIgZmVldCwgdGhlcmXigJlzIG5vIGtub3dpbmcgd2hlcmUgeW91IG1pZ2h0IGJlIHN3ZX"
            "B0IG9mZiB0by4";
        QCOMPARE(b64(payload), payloadB64);
        const std::string header = "eyJhbGciOiJIUzI1NiIsImtpZCI6IjAxOGMwYWU1LTRkOWItNDcxYi1iZmQ2LWVlZjMxNGJjNzAzNyJ9";
        const auto sig = pc::Jws::signature(JwsAlgorithm::HS256, key, header + "." + payloadB64);
        QVERIFY(sig.ok());
        QCOMPARE(b64(*sig), "s0h6KThzkfBBBkLspW1h84VsJZFTsPPqMDA7g1Md7p0"s);
        // Our own serialisation of that header happens to be identical (sorted members).
        const auto token =
            pc::Jws::sign(JwsAlgorithm::HS256, key, payload, {{"kid", "018c0ae5-4d9b-471b-bfd6-eef314bc7037"}});
        QVERIFY(token.ok());
        QCOMPARE(*token, header + "." + payloadB64 + ".s0h6KThzkfBBBkLspW1h84VsJZFTsPPqMDA7g1Md7p0");
    }

    // V7 — RFC 8037 A.4: Ed25519 is deterministic, so the whole token is byte-exact.
    void rfc8037Ed25519()
    {
        const nlohmann::json priv = {{"kty", "OKP"},
                                     {"crv", "Ed25519"},
                                     {"d", "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"},
                                     {"x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}};
        const auto key = jwk(priv);
        const std::string expected =
            "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-"
            "09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
        const auto token = pc::Jws::sign(JwsAlgorithm::EdDSA, key, "Example of Ed25519 signing");
        QVERIFY(token.ok());
        QCOMPARE(*token, expected);
        const auto parts = pc::Jws::split(expected);
        QVERIFY(parts.ok());
        const auto pub = key.publicKey();
        QVERIFY(
            pc::Jws::verify(JwsAlgorithm::EdDSA, *pub, parts->signingInput, *pc::Base64Url::decode(parts->signatureB64))
                .ok());
        // RFC 8037 A.3 thumbprint of the same key.
        QCOMPARE(pc::JwkCodec::thumbprint(key).value(), "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"s);
        // A d that does not belong to x is refused.
        nlohmann::json mismatched = priv;
        mismatched["x"] = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
        QCOMPARE(pc::JwkCodec::parse(mismatched).error().code, "bad-jwk"s);
    }

    // RFC 7638 §3.1: the thumbprint ignores kid/alg/use and hashes the canonical members.
    void rfc7638Thumbprint()
    {
        const auto key =
            jwk({{"kty", "RSA"},
                 {"n", "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_"
                       "BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-"
                       "65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNL"
                       "yrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-"
                       "kEgU8awapJzKnqDKgw"},
                 {"e", "AQAB"},
                 {"alg", "RS256"},
                 {"kid", "2011-04-29"}});
        QCOMPARE(pc::JwkCodec::thumbprint(key).value(), "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"s);
    }

    // Every algorithm signs and verifies its own tokens, and refuses a flipped bit.
    void signVerifyEveryAlgorithm_data()
    {
        QTest::addColumn<std::string>("alg");
        QTest::addColumn<int>("signatureBytes");
        for (const auto& [name, size] : std::initializer_list<std::pair<const char*, int>>{{"HS256", 32},
                                                                                           {"HS384", 48},
                                                                                           {"HS512", 64},
                                                                                           {"RS256", 256},
                                                                                           {"RS384", 256},
                                                                                           {"RS512", 256},
                                                                                           {"PS256", 256},
                                                                                           {"PS384", 256},
                                                                                           {"PS512", 256},
                                                                                           {"ES256", 64},
                                                                                           {"ES384", 96},
                                                                                           {"ES512", 132},
                                                                                           {"EdDSA", 64}}) {
            QTest::newRow(name) << std::string(name) << size;
        }
    }
    void signVerifyEveryAlgorithm()
    {
        QFETCH(std::string, alg);
        QFETCH(int, signatureBytes);
        const auto a = pc::algorithmFromName(alg);
        QVERIFY(a.has_value());
        auto key = pc::KeyGenerator::forAlgorithm(*a);
        QVERIFY(key.ok());
        const std::string input = "eyJhbGciOiJub25lIn0.cGF5bG9hZA";
        for (int round = 0; round < 8; ++round) { // ES: several random signatures, incl. short r/s
            auto sig = pc::Jws::signature(*a, *key, input);
            QVERIFY(sig.ok());
            QCOMPARE(int(sig->size()), signatureBytes);
            QVERIFY(pc::Jws::verify(*a, *key, input, *sig).ok());
            std::string flipped = *sig;
            flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x01);
            QVERIFY(!pc::Jws::verify(*a, *key, input, flipped).ok());
        }
    }

    void splitNeedsThreeParts_data()
    {
        QTest::addColumn<std::string>("token");
        QTest::newRow("no dot") << "abc"s;
        QTest::newRow("one dot") << "abc.def"s;
        QTest::newRow("JWE five parts") << "a.b.c.d.e"s;
        QTest::newRow("four parts") << "a.b.c.d"s;
    }
    void splitNeedsThreeParts()
    {
        QFETCH(std::string, token);
        QCOMPARE(pc::Jws::split(token).error().code, "bad-format"s);
    }
};

QTEST_GUILESS_MAIN(TestJwsCodec)
#include "TestJwsCodec.moc"
