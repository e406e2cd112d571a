// SPDX-License-Identifier: Apache-2.0
// Interoperability with PyJWT 2.6 (Debian python3-jwt with python3-cryptography),
// both ways, for every algorithm: tokens we issue verify under PyJWT, and
// PyJWT's tokens verify under JwtVerifier. Keys travel through temporary
// files. PyJWT checks exp against the real clock, so these tokens are issued
// and verified at the real current time (a validity window, not a timing test).
#include "auth/JwtIssuer.h"
#include "auth/JwtToolkit.h"
#include "auth/JwtVerifier.h"
#include "auth/KeyGenerator.h"
#include "auth/PemCodec.h"

#include "TestSupport.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace std::string_literals;
using Json = nlohmann::json;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");
const std::string kIssuer = "https://issuer.example";

struct PyResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

PyResult runPython(const QStringList& args)
{
    QProcess p;
    p.start(kPython, QStringList{QString::fromStdString(pc::test::sourcePath("tests/data/pyjwt_interop.py"))} + args);
    PyResult r;
    if (!p.waitForFinished(60000)) {
        r.err = "python3 did not finish";
        return r;
    }
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput().trimmed().toStdString();
    r.err = p.readAllStandardError().trimmed().toStdString();
    return r;
}

QString writeFile(const QTemporaryDir& dir, const QString& name, std::string_view content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(content.data(), static_cast<qint64>(content.size()));
    return path;
}

pc::JwtSettings settingsFor(const std::string& alg)
{
    pc::JwtSettings s;
    s.algorithms = {alg};
    s.issuer = kIssuer;
    s.audience = {"api"};
    s.keys = {pc::JwtKey{}};
    return s;
}

} // namespace

class TestPyJwtInterop final : public QObject {
    Q_OBJECT

    std::map<std::string, pc::JoseKey> m_keys; // one key per family/curve, shared by the rows

    const pc::JoseKey& keyFor(const std::string& alg)
    {
        const auto a = *pc::algorithmFromName(alg);
        std::string slot = std::string(pc::keyTypeName(pc::algorithmKeyType(a)));
        if (pc::algorithmKeyType(a) == pc::KeyType::Oct || pc::algorithmKeyType(a) == pc::KeyType::Ec) {
            slot = alg; // HMAC size and EC curve follow the algorithm
        }
        if (!m_keys.contains(slot)) {
            m_keys.emplace(slot, pc::KeyGenerator::forAlgorithm(a).value());
        }
        return m_keys.at(slot);
    }

    // What PyJWT gets as its key: the HMAC secret, or a PEM.
    static std::string pyKey(const pc::JoseKey& key, bool privateHalf)
    {
        if (key.type() == pc::KeyType::Oct) {
            return std::string(key.secret().view());
        }
        return privateHalf ? std::string(pc::PemCodec::privateKeyPem(key).value().view())
                           : pc::PemCodec::publicKeyPem(key).value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(kPython)) {
            QSKIP("/usr/bin/python3 is not installed");
        }
        QProcess probe;
        probe.start(kPython, {QStringLiteral("-c"), QStringLiteral("import jwt; from jwt.algorithms import has_crypto; "
                                                                   "print(jwt.__version__, has_crypto)")});
        QVERIFY(probe.waitForFinished(60000));
        if (probe.exitCode() != 0) {
            QSKIP("python3-jwt (PyJWT) is not installed for /usr/bin/python3");
        }
        const QString version = QString::fromUtf8(probe.readAllStandardOutput()).trimmed();
        qInfo("PyJWT %s", qPrintable(version));
        QVERIFY2(version.endsWith(QStringLiteral("True")),
                 "PyJWT lacks python3-cryptography (RS/PS/ES/EdDSA); run cmake/install-deps.sh");
    }

    void algorithms_data()
    {
        QTest::addColumn<std::string>("alg");
        for (const pc::JwsAlgorithm a : pc::allAlgorithms()) {
            const std::string name(pc::algorithmName(a));
            QTest::newRow(name.c_str()) << name;
        }
    }

    void weSignPyJwtVerifies_data() { algorithms_data(); }
    void weSignPyJwtVerifies()
    {
        QFETCH(std::string, alg);
        const pc::JoseKey& key = keyFor(alg);
        const auto issuer = pc::JwtIssuer::create(settingsFor(alg), key);
        QVERIFY(issuer.ok());
        const auto token = issuer->issue(pc::TokenKind::Access, std::chrono::system_clock::now(),
                                         {{"sub", "alice"}, {"scope", "read write"}, {"n", 42}});
        QVERIFY(token.ok());

        QTemporaryDir dir;
        const QString keyFile = writeFile(dir, QStringLiteral("key"), pyKey(key, false));
        const QString tokenFile = writeFile(dir, QStringLiteral("token"), *token);
        const PyResult r = runPython({QStringLiteral("verify"), QString::fromStdString(alg), keyFile, tokenFile,
                                      QString::fromStdString(kIssuer), QStringLiteral("api")});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        const Json claims = Json::parse(r.out);
        QCOMPARE(claims.at("sub").get<std::string>(), "alice"s);
        QCOMPARE(claims.at("n").get<int>(), 42);
        QCOMPARE(claims.at("token_type").get<std::string>(), "access"s);

        // And PyJWT refuses the same token once one byte of the payload changes.
        std::string tampered = *token;
        const auto dot = tampered.find('.');
        tampered[dot + 5] = tampered[dot + 5] == 'A' ? 'B' : 'A';
        writeFile(dir, QStringLiteral("token"), tampered);
        const PyResult refused = runPython({QStringLiteral("verify"), QString::fromStdString(alg), keyFile, tokenFile,
                                            QString::fromStdString(kIssuer), QStringLiteral("api")});
        QCOMPARE(refused.exitCode, 3);
    }

    void pyJwtSignsWeVerify_data() { algorithms_data(); }
    void pyJwtSignsWeVerify()
    {
        QFETCH(std::string, alg);
        const pc::JoseKey& key = keyFor(alg);
        const long long now =
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        const Json claims = {{"sub", "bob"}, {"iss", kIssuer},   {"aud", {"other", "api"}}, {"iat", now},
                             {"nbf", now},   {"exp", now + 600}, {"roles", {"admin"}}};
        QTemporaryDir dir;
        const std::string kid = key.kid().empty() ? "hmac-1" : key.kid();
        const QString keyFile = writeFile(dir, QStringLiteral("key"), pyKey(key, true));
        const QString claimsFile = writeFile(dir, QStringLiteral("claims"), claims.dump());
        const PyResult r = runPython(
            {QStringLiteral("sign"), QString::fromStdString(alg), keyFile, claimsFile, QString::fromStdString(kid)});
        QVERIFY2(r.exitCode == 0, r.err.c_str());

        pc::JoseKey verifyKey = key.type() == pc::KeyType::Oct ? key : key.publicKey().value();
        verifyKey.setKid(kid);
        const auto verifier = pc::JwtVerifier::create(settingsFor(alg), {verifyKey});
        QVERIFY(verifier.ok());
        const auto verified = verifier->verify(r.out, std::chrono::system_clock::now(), pc::TokenUse::Access);
        QVERIFY2(verified.ok(), verified.ok() ? "" : verified.error().message.c_str());
        QCOMPARE(verified->claims.at("sub").get<std::string>(), "bob"s);
        QCOMPARE(verified->header.at("alg").get<std::string>(), alg);
        QCOMPARE(verified->kid, kid);

        // The decoder shows the same token without problems.
        const auto decoded = pc::JwtToolkit::decodeUnverified(r.out);
        QVERIFY(decoded.ok());
        QVERIFY(decoded->problems.empty());
        QCOMPARE(decoded->algorithm, alg);
    }
};

QTEST_GUILESS_MAIN(TestPyJwtInterop)
#include "TestPyJwtInterop.moc"
