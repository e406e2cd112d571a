// SPDX-License-Identifier: Apache-2.0
// JwtToolkit: the API under the CLI's `token` verb and the GUI's debugger —
// issue and verify through a policy and its secret references, and decode
// without verifying (problems listed, nothing trusted).
#include "auth/Base64Url.h"
#include "auth/JwkCodec.h"
#include "auth/JwtToolkit.h"

#include "TestSupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace std::string_literals;
using Json = nlohmann::json;

namespace {

const pc::SystemTime kNow{std::chrono::seconds(1'700'000'000)};

pc::Policy policyWithKeyFile(const std::string& file, std::vector<std::string> algorithms)
{
    pc::Policy p;
    pc::JwtSettings jwt;
    jwt.algorithms = std::move(algorithms);
    jwt.keys = {pc::JwtKey{"", pc::SecretSource{"", "", file}}};
    jwt.issuer = "https://issuer.example";
    jwt.audience = {"api"};
    jwt.claims = {{"tenant", "acme"}};
    p.auth.jwt = jwt;
    return p;
}

std::string b64(std::string_view s)
{
    return pc::Base64Url::encode(s);
}

} // namespace

class TestJwtToolkit final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void issueThenVerifyThroughThePolicy_data()
    {
        QTest::addColumn<std::string>("alg");
        QTest::addColumn<bool>("asJwk");
        QTest::newRow("HS256 secret file") << "HS256"s << false;
        QTest::newRow("ES256 PEM file") << "ES256"s << false;
        QTest::newRow("EdDSA JWK file") << "EdDSA"s << true;
        QTest::newRow("PS256 JWK file") << "PS256"s << true;
    }
    void issueThenVerifyThroughThePolicy()
    {
        QFETCH(std::string, alg);
        QFETCH(bool, asJwk);
        auto generated = pc::JwtToolkit::keygen(alg);
        QVERIFY(generated.ok());
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("jwt.key")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        const std::string_view material = generated->key.type() == pc::KeyType::Oct ? generated->secret.view()
                                          : asJwk                                   ? generated->privateJwk.view()
                                                                                    : generated->privatePem.view();
        f.write(material.data(), static_cast<qint64>(material.size()));
        f.write("\n");
        f.close();

        const pc::Policy policy = policyWithKeyFile("jwt.key", {alg});
        const pc::SecretResolver resolver(dir.path().toStdString());
        const auto token = pc::JwtToolkit::issue(policy, resolver, pc::TokenKind::Access, kNow, {{"sub", "carol"}});
        QVERIFY2(token.ok(), token.ok() ? "" : token.error().toString().c_str());
        const auto verified = pc::JwtToolkit::verify(policy, resolver, *token, kNow, pc::TokenUse::Access);
        QVERIFY2(verified.ok(), verified.ok() ? "" : verified.error().toString().c_str());
        QCOMPARE(verified->claims.at("sub").get<std::string>(), "carol"s);
        QCOMPARE(verified->claims.at("tenant").get<std::string>(), "acme"s);
        if (generated->key.type() != pc::KeyType::Oct) {
            QCOMPARE(verified->header.at("kid").get<std::string>(), generated->key.kid());
        }
        // Twenty minutes later the 15-minute access token has expired.
        QCOMPARE(pc::JwtToolkit::verify(policy, resolver, *token, kNow + std::chrono::minutes(20)).error().code,
                 "expired"s);
    }

    void issueNeedsThePrivateKey()
    {
        auto generated = pc::JwtToolkit::keygen("ES256");
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("pub.pem")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(generated->publicPem.data(), static_cast<qint64>(generated->publicPem.size()));
        f.close();
        const pc::Policy policy = policyWithKeyFile("pub.pem", {"ES256"});
        const pc::SecretResolver resolver(dir.path().toStdString());
        QCOMPARE(pc::JwtToolkit::issue(policy, resolver, pc::TokenKind::Access, kNow).error().code, "no-private-key"s);
        const auto missing = pc::JwtToolkit::verify(policyWithKeyFile("nope.pem", {"ES256"}), resolver, "a.b.c", kNow);
        QCOMPARE(missing.error().code, "secret-unreadable"s);
        QCOMPARE(missing.error().pointer, "/auth/jwt/key"s);
        QCOMPARE(pc::JwtToolkit::verify(pc::Policy{}, resolver, "a.b.c", kNow).error().code, "jwt-missing"s);
    }

    void decodeShowsWithoutTrusting()
    {
        const std::string token =
            b64(R"({"alg":"none","alg":"HS256","jwk":{}})") + "." + b64(R"({"sub":"eve","exp":1})") + "=.";
        const auto decoded = pc::JwtToolkit::decodeUnverified(token);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->algorithm, "HS256"s); // what nlohmann keeps; flagged below
        QCOMPARE(decoded->payload.at("sub").get<std::string>(), "eve"s);
        QVERIFY(decoded->signature.empty());
        std::vector<std::string> codes;
        for (const auto& e : decoded->problems) {
            codes.push_back(e.code);
        }
        for (const char* expected : {"duplicate-key", "untrusted-header-key", "bad-encoding", "empty-signature"}) {
            QVERIFY2(std::find(codes.begin(), codes.end(), expected) != codes.end(), expected);
        }
        QCOMPARE(pc::JwtToolkit::decodeUnverified("only.two").error().code, "bad-format"s);
        QCOMPARE(pc::JwtToolkit::decodeUnverified("!!!.e30.").error().code, "bad-encoding"s);
    }
};

QTEST_GUILESS_MAIN(TestJwtToolkit)
#include "TestJwtToolkit.moc"
