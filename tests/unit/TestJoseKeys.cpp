// SPDX-License-Identifier: Apache-2.0
// Keys: generation for every algorithm, PEM (PKCS#8/SPKI/traditional/certificate)
// and JWK/JWKS import and export round trips, strict JWK import, keyring sniffing.
#include "auth/Base64Url.h"
#include "auth/JwkCodec.h"
#include "auth/Jws.h"
#include "auth/JwtKeyring.h"
#include "auth/JwtToolkit.h"
#include "auth/KeyGenerator.h"
#include "auth/PemCodec.h"

#include "TestSupport.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace std::string_literals;
using pc::JwsAlgorithm;
using Json = nlohmann::json;

namespace {

const std::string kInput = "eyJhbGciOiJub25lIn0.cGF5bG9hZA";

bool signsAndVerifies(JwsAlgorithm alg, const pc::JoseKey& signer, const pc::JoseKey& verifier)
{
    const auto sig = pc::Jws::signature(alg, signer, kInput);
    return sig.ok() && pc::Jws::verify(alg, verifier, kInput, *sig).ok();
}

} // namespace

class TestJoseKeys final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void generatesAndRoundTrips_data()
    {
        QTest::addColumn<std::string>("alg");
        QTest::addColumn<int>("rsaBits");
        for (const char* a : {"HS256", "HS384", "HS512", "RS256", "PS384", "ES256", "ES384", "ES512", "EdDSA"}) {
            QTest::newRow(a) << std::string(a) << 2048;
        }
        QTest::newRow("RS256 3072") << "RS256"s << 3072;
        QTest::newRow("PS512 4096") << "PS512"s << 4096;
    }
    void generatesAndRoundTrips()
    {
        QFETCH(std::string, alg);
        QFETCH(int, rsaBits);
        const JwsAlgorithm a = *pc::algorithmFromName(alg);
        auto generated = pc::JwtToolkit::keygen(alg, rsaBits);
        QVERIFY2(generated.ok(), generated.ok() ? "" : generated.error().message.c_str());
        const pc::JoseKey& key = generated->key;
        QVERIFY(key.isPrivate());
        QVERIFY(key.supports(a));
        QCOMPARE(generated->algorithm, alg);

        // Private JWK -> key -> same signatures verify.
        const auto fromJwk = pc::JwkCodec::parseText(generated->privateJwk.view());
        QVERIFY2(fromJwk.ok(), fromJwk.ok() ? "" : fromJwk.error().message.c_str());
        QCOMPARE(fromJwk->size(), size_t(1));
        QVERIFY(fromJwk->front().isPrivate());
        QVERIFY(fromJwk->front().boundAlgorithm() == a);
        QVERIFY(signsAndVerifies(a, fromJwk->front(), key));
        QVERIFY(signsAndVerifies(a, key, fromJwk->front()));

        if (key.type() == pc::KeyType::Oct) {
            QCOMPARE(key.secret().size(), (pc::algorithmHashBytes(a) * 4 + 2) / 3); // base64url text of hash-size bytes
            QVERIFY(generated->secret.equals(key.secret().view()));
            QVERIFY(generated->publicPem.empty());
            QVERIFY(generated->publicJwk.is_null());
            return;
        }
        QCOMPARE(key.kid(), pc::JwkCodec::thumbprint(key).value());
        if (key.type() == pc::KeyType::Rsa) {
            QCOMPARE(key.bits(), rsaBits);
        }
        // PEM round trips: PKCS#8 private and SPKI public.
        QVERIFY(generated->privatePem.view().starts_with("-----BEGIN PRIVATE KEY-----"));
        QVERIFY(generated->publicPem.starts_with("-----BEGIN PUBLIC KEY-----"));
        const auto priv = pc::PemCodec::parse(generated->privatePem.view());
        const auto pub = pc::PemCodec::parse(generated->publicPem);
        QVERIFY(priv.ok() && priv->isPrivate());
        QVERIFY(pub.ok() && !pub->isPrivate());
        QVERIFY(signsAndVerifies(a, *priv, *pub));
        QCOMPARE(pc::JwkCodec::thumbprint(*pub).value(), key.kid());
        // Public JWK carries kid, use and alg, and no private member.
        const Json& jwk = generated->publicJwk;
        QCOMPARE(jwk.at("kid").get<std::string>(), key.kid());
        QCOMPARE(jwk.at("use").get<std::string>(), "sig"s);
        QCOMPARE(jwk.at("alg").get<std::string>(), alg);
        for (const char* secret : {"d", "p", "q", "dp", "dq", "qi", "k"}) {
            QVERIFY(!jwk.contains(secret));
        }
        const auto fromPublicJwk = pc::JwkCodec::parse(jwk);
        QVERIFY(fromPublicJwk.ok() && !fromPublicJwk->isPrivate());
        QVERIFY(signsAndVerifies(a, key, *fromPublicJwk));
        // A JWKS of the public key.
        const auto set = pc::JwkCodec::parseSet(pc::JwkCodec::publicJwks({key}));
        QVERIFY(set.ok());
        QCOMPARE(set->front().kid(), key.kid());
    }

    void opensslPemFormsAreRead_data()
    {
        QTest::addColumn<QStringList>("genArgs");
        QTest::addColumn<QStringList>("convertArgs"); // empty: use the generated file as is
        QTest::addColumn<std::string>("label");
        QTest::newRow("traditional RSA PRIVATE KEY")
            << QStringList{QStringLiteral("genrsa"), QStringLiteral("2048")}
            << QStringList{QStringLiteral("rsa"), QStringLiteral("-traditional")} << "RSA PRIVATE KEY"s;
        QTest::newRow("traditional EC PRIVATE KEY")
            << QStringList{QStringLiteral("ecparam"), QStringLiteral("-name"), QStringLiteral("prime256v1"),
                           QStringLiteral("-genkey"), QStringLiteral("-noout")}
            << QStringList{} << "EC PRIVATE KEY"s;
        QTest::newRow("PKCS#1 RSA PUBLIC KEY")
            << QStringList{QStringLiteral("genrsa"), QStringLiteral("2048")}
            << QStringList{QStringLiteral("rsa"), QStringLiteral("-RSAPublicKey_out")} << "RSA PUBLIC KEY"s;
    }
    void opensslPemFormsAreRead()
    {
        QFETCH(QStringList, genArgs);
        QFETCH(QStringList, convertArgs);
        QFETCH(std::string, label);
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()) {
            QSKIP("the openssl command is not installed");
        }
        QProcess gen;
        gen.start(QStringLiteral("openssl"), genArgs);
        QVERIFY(gen.waitForFinished(60000));
        QByteArray pem = gen.readAllStandardOutput();
        if (!convertArgs.isEmpty()) {
            QProcess conv;
            conv.start(QStringLiteral("openssl"), convertArgs);
            conv.write(pem);
            conv.closeWriteChannel();
            QVERIFY(conv.waitForFinished(60000));
            pem = conv.readAllStandardOutput();
        }
        const std::string text = pem.toStdString();
        QVERIFY2(text.find("BEGIN " + label) != std::string::npos, text.c_str());
        const auto key = pc::PemCodec::parse(text);
        QVERIFY2(key.ok(), key.ok() ? "" : key.error().message.c_str());
    }

    void pemRefusals_data()
    {
        QTest::addColumn<std::string>("pem");
        QTest::addColumn<std::string>("code");
        QTest::newRow("not PEM") << "hello"s
                                 << "bad-pem"s;
        QTest::newRow("encrypted PKCS#8")
            << "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n"s
            << "encrypted-key"s;
        QTest::newRow("garbage body") << "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"s
                                      << "bad-pem"s;
        QTest::newRow("not a key") << "-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n"s
                                   << "bad-pem"s;
        QTest::newRow("too large") << "-----BEGIN PUBLIC KEY-----\n" + std::string(70000, 'A') << "too-large"s;
    }
    void pemRefusals()
    {
        QFETCH(std::string, pem);
        QFETCH(std::string, code);
        QCOMPARE(pc::PemCodec::parse(pem).error().code, code);
    }

    void jwkRefusals_data()
    {
        QTest::addColumn<std::string>("jwk");
        QTest::addColumn<std::string>("code");
        const std::string x = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
        const std::string y = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";
        QTest::newRow("no kty") << R"({"k":"AAAA"})"s
                                << "bad-jwk"s;
        QTest::newRow("unknown kty") << R"({"kty":"XYZ"})"s
                                     << "bad-jwk"s;
        QTest::newRow("short oct key") << Json{{"kty", "oct"}, {"k", pc::Base64Url::encode("short")}}.dump()
                                       << "weak-key"s;
        QTest::newRow("padded k")
            << Json{{"kty", "oct"}, {"k", pc::Base64Url::encode(std::string(32, 'a')) + "="}}.dump() << "bad-jwk"s;
        QTest::newRow("use enc") << Json{{"kty", "EC"}, {"crv", "P-256"}, {"x", x}, {"y", y}, {"use", "enc"}}.dump()
                                 << "bad-jwk"s;
        QTest::newRow("key_ops without verify")
            << Json{{"kty", "EC"}, {"crv", "P-256"}, {"x", x}, {"y", y}, {"key_ops", {"encrypt"}}}.dump() << "bad-jwk"s;
        QTest::newRow("alg that does not fit")
            << Json{{"kty", "EC"}, {"crv", "P-256"}, {"x", x}, {"y", y}, {"alg", "ES384"}}.dump()
            << "key-type-mismatch"s;
        QTest::newRow("alg none") << Json{{"kty", "EC"}, {"crv", "P-256"}, {"x", x}, {"y", y}, {"alg", "none"}}.dump()
                                  << "unsupported-key"s;
        QTest::newRow("unknown curve") << Json{{"kty", "EC"}, {"crv", "secp256k1"}, {"x", x}, {"y", y}}.dump()
                                       << "unsupported-key"s;
        QTest::newRow("Ed25519 under kty EC")
            << Json{{"kty", "EC"}, {"crv", "Ed25519"}, {"x", x}}.dump() << "unsupported-key"s;
        QTest::newRow("coordinate one byte short")
            << Json{{"kty", "EC"}, {"crv", "P-256"}, {"x", x}, {"y", pc::Base64Url::encode(std::string(31, 'a'))}}
                   .dump()
            << "bad-jwk"s;
        QTest::newRow("point not on the curve")
            << Json{{"kty", "EC"}, {"crv", "P-256"}, {"x", x}, {"y", pc::Base64Url::encode(std::string(32, '\x01'))}}
                   .dump()
            << "bad-jwk"s;
        QTest::newRow("RSA 1024") << Json{{"kty", "RSA"},
                                          {"n", pc::Base64Url::encode("\xc1" + std::string(127, '\x11'))},
                                          {"e", "AQAB"}}
                                         .dump()
                                  << "weak-key"s;
        QTest::newRow("RSA with some CRT members only")
            << Json{{"kty", "RSA"}, {"n", "AQAB"}, {"e", "AQAB"}, {"d", "AQAB"}, {"p", "AQAB"}}.dump() << "bad-jwk"s;
        QTest::newRow("multi-prime oth") << R"({"kty":"RSA","n":"AQAB","e":"AQAB","oth":[]})"s
                                         << "unsupported-key"s;
        QTest::newRow("duplicate member") << R"({"kty":"oct","kty":"RSA"})"s
                                          << "bad-jwk"s;
        QTest::newRow("set with duplicate kids")
            << Json{{"keys",
                     {{{"kty", "EC"}, {"crv", "P-256"}, {"x", x}, {"y", y}, {"kid", "a"}},
                      {{"kty", "EC"}, {"crv", "P-256"}, {"x", x}, {"y", y}, {"kid", "a"}}}}}
                   .dump()
            << "bad-jwk"s;
    }
    void jwkRefusals()
    {
        QFETCH(std::string, jwk);
        QFETCH(std::string, code);
        const auto keys = pc::JwkCodec::parseText(jwk);
        QVERIFY(!keys.ok());
        QCOMPARE(keys.error().code, code);
    }

    void keyringSniffsMaterial()
    {
        const auto ec = pc::KeyGenerator::ec(pc::KeyCurve::P256).value();
        const std::string pem = pc::PemCodec::publicKeyPem(ec).value();
        // PEM with surrounding whitespace, thumbprint kid.
        auto fromPem = pc::JwtKeyring::parse(pc::SecretBytes("\n  " + pem), pc::SecretKind::Generic);
        QVERIFY(fromPem.ok());
        QCOMPARE(fromPem->front().kid(), ec.kid());
        // Configured kid wins.
        QCOMPARE(pc::JwtKeyring::parse(pc::SecretBytes(pem), pc::SecretKind::PublicKey, "mine")->front().kid(),
                 "mine"s);
        // A JWKS gives several keys with their own kids.
        const Json jwks = {{"keys", {pc::JwkCodec::publicJwk(ec).value()}}};
        QCOMPARE(pc::JwtKeyring::parse(pc::SecretBytes(jwks.dump()), pc::SecretKind::Generic)->size(), size_t(1));
        // Plain text is an HMAC secret, and gets no kid.
        const auto hmac = pc::JwtKeyring::parse(pc::SecretBytes(std::string(40, 's')), pc::SecretKind::Generic);
        QVERIFY(hmac.ok());
        QVERIFY(hmac->front().type() == pc::KeyType::Oct);
        QVERIFY(hmac->front().kid().empty());
        // An HMAC-kind secret that looks like PEM stays an HMAC secret.
        QVERIFY(pc::JwtKeyring::parse(pc::SecretBytes(pem), pc::SecretKind::HmacKey)->front().type() ==
                pc::KeyType::Oct);
        // Private/public key kinds refuse plain text.
        QCOMPARE(pc::JwtKeyring::parse(pc::SecretBytes(std::string(40, 's')), pc::SecretKind::PrivateKey).error().code,
                 "bad-key"s);
    }

    void hmacJwkIsNeverPublished()
    {
        const auto hmac = pc::KeyGenerator::hmacSecret().value();
        QCOMPARE(pc::JwkCodec::publicJwk(hmac).error().code, "no-public-key"s);
        QCOMPARE(pc::JwkCodec::publicJwks({hmac}).at("keys").size(), size_t(0));
        QCOMPARE(pc::PemCodec::publicKeyPem(hmac).error().code, "no-public-key"s);
        QCOMPARE(pc::PemCodec::privateKeyPem(hmac).error().code, "no-private-key"s);
    }

    void unknownAlgorithmForKeygen()
    {
        QCOMPARE(pc::JwtToolkit::keygen("none").error().code, "unknown-algorithm"s);
        QCOMPARE(pc::JwtToolkit::keygen("RS256", 1024).error().code, "unsupported-key"s);
    }
};

QTEST_GUILESS_MAIN(TestJoseKeys)
#include "TestJoseKeys.moc"
