// SPDX-License-Identifier: Apache-2.0
// The per-scheme hashers: known-answer vectors (RFC 7914 PBKDF2 and scrypt
// through our EVP_KDF calls, RFC 9106 argon2id through libargon2, the
// crypt_blowfish and pyca/bcrypt vectors), fixed-salt strings cross-checked
// with passlib / argon2-cffi / pyca bcrypt, and format round trips.
// TestPasswordHashInputs covers what the hashers refuse.
#include "auth/Argon2Hasher.h"
#include "auth/BcryptHasher.h"
#include "auth/OpenSslKdf.h"
#include "auth/PasswordHasher.h"
#include "auth/Pbkdf2Hasher.h"
#include "auth/ScryptHasher.h"
#include "policy/PolicyEnums.h"

#include "PasswordTestSupport.h"
#include "TestSupport.h"

#include <QRegularExpression>
#include <QTest>

#include <argon2.h>

#include <array>

using namespace std::string_literals;

namespace {

std::string toHex(std::span<const unsigned char> bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (const unsigned char b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

} // namespace

class TestPasswordHashers final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pbkdf2KnownAnswers_data()
    {
        QTest::addColumn<int>("digest");
        QTest::addColumn<std::string>("password");
        QTest::addColumn<std::string>("salt");
        QTest::addColumn<int>("iterations");
        QTest::addColumn<int>("length");
        QTest::addColumn<std::string>("hex");
        const int sha256 = int(pc::Pbkdf2Digest::Sha256);
        const int sha512 = int(pc::Pbkdf2Digest::Sha512);
        QTest::newRow("RFC 7914 §11 passwd/salt c=1")
            << sha256 << "passwd"s
            << "salt"s << 1 << 64
            << "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"s;
        QTest::newRow("RFC 7914 §11 Password/NaCl c=80000")
            << sha256 << "Password"s
            << "NaCl"s << 80000 << 64
            << "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"s;
        QTest::newRow("RFC 6070 inputs, SHA-256, c=1")
            << sha256 << "password"s
            << "salt"s << 1 << 32 << "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"s;
        QTest::newRow("RFC 6070 inputs, SHA-256, c=4096")
            << sha256 << "password"s
            << "salt"s << 4096 << 32 << "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"s;
        QTest::newRow("RFC 6070 inputs with NUL bytes, SHA-256")
            << sha256 << "pass\0word"s
            << "sa\0lt"s << 4096 << 16 << "89b69d0516f829893c696226650a8687"s;
        QTest::newRow("RFC 6070 inputs, SHA-512, c=1")
            << sha512 << "password"s
            << "salt"s << 1 << 64
            << "867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce"s;
    }
    void pbkdf2KnownAnswers()
    {
        QFETCH(int, digest);
        QFETCH(std::string, password);
        QFETCH(std::string, salt);
        QFETCH(int, iterations);
        QFETCH(int, length);
        QFETCH(std::string, hex);
        auto derived = pc::derivePbkdf2(pc::Pbkdf2Digest(digest), password, pc::test::asBytes(salt),
                                        std::uint64_t(iterations), std::size_t(length));
        QVERIFY2(derived.ok(), derived.ok() ? "" : derived.error().message.c_str());
        QCOMPARE(toHex(derived->span()), hex);
    }

    void scryptKnownAnswers_data()
    {
        QTest::addColumn<std::string>("password");
        QTest::addColumn<std::string>("salt");
        QTest::addColumn<int>("logN");
        QTest::addColumn<int>("r");
        QTest::addColumn<int>("p");
        QTest::addColumn<std::string>("hex");
        // The fourth vector (N=2^20) needs 1 GiB and is left out.
        QTest::newRow("RFC 7914 §12 empty, N=16")
            << ""s
            << ""s << 4 << 1 << 1
            << "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"s;
        QTest::newRow("RFC 7914 §12 password/NaCl, N=1024 p=16")
            << "password"s
            << "NaCl"s << 10 << 8 << 16
            << "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"s;
        QTest::newRow("RFC 7914 §12 pleaseletmein, N=16384")
            << "pleaseletmein"s
            << "SodiumChloride"s << 14 << 8 << 1
            << "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"s;
    }
    void scryptKnownAnswers()
    {
        QFETCH(std::string, password);
        QFETCH(std::string, salt);
        QFETCH(int, logN);
        QFETCH(int, r);
        QFETCH(int, p);
        QFETCH(std::string, hex);
        auto derived =
            pc::deriveScrypt(password, pc::test::asBytes(salt), logN, std::uint32_t(r), std::uint32_t(p), 64);
        QVERIFY2(derived.ok(), derived.ok() ? "" : derived.error().message.c_str());
        QCOMPARE(toHex(derived->span()), hex);
    }

    void argon2idRfc9106Vector()
    {
        // RFC 9106 §5.3: m=32 KiB, t=3, p=4, secret and associated data, version 0x13.
        std::array<unsigned char, 32> password{};
        std::array<unsigned char, 16> salt{};
        std::array<unsigned char, 8> secret{};
        std::array<unsigned char, 12> ad{};
        password.fill(0x01);
        salt.fill(0x02);
        secret.fill(0x03);
        ad.fill(0x04);
        std::array<unsigned char, 32> tag{};
        argon2_context ctx{};
        ctx.out = tag.data();
        ctx.outlen = tag.size();
        ctx.pwd = password.data();
        ctx.pwdlen = password.size();
        ctx.salt = salt.data();
        ctx.saltlen = salt.size();
        ctx.secret = secret.data();
        ctx.secretlen = secret.size();
        ctx.ad = ad.data();
        ctx.adlen = ad.size();
        ctx.t_cost = 3;
        ctx.m_cost = 32;
        ctx.lanes = 4;
        ctx.threads = 4;
        ctx.version = ARGON2_VERSION_13;
        QCOMPARE(argon2_ctx(&ctx, Argon2_id), int(ARGON2_OK));
        QCOMPARE(toHex(tag), "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"s);
    }

    void fixedSaltStrings_data()
    {
        QTest::addColumn<pc::PasswordScheme>("scheme");
        QTest::addColumn<std::string>("salt");
        QTest::addColumn<std::string>("expected");
        auto p = pc::test::cheapPasswordPolicy();
        // Expected strings made by pyca bcrypt 3.2.2, argon2-cffi 21.1.0 and passlib 1.7.4.
        const std::string bytes0to15("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f", 16);
        QTest::newRow("bcrypt cost 4, salt bytes 0..15 (pyca bcrypt)")
            << pc::PasswordScheme::Bcrypt << bytes0to15
            << "$2b$04$..CA.uOD/eaGAOmJB.yMBubqEtzdkvfegxfotQ8UAMQWLlq7JbHJW"s;
        QTest::newRow("argon2id m=64 t=1 p=2 (argon2-cffi)")
            << pc::PasswordScheme::Argon2id << "saltsaltsaltsalt"s
            << "$argon2id$v=19$m=64,t=1,p=2$c2FsdHNhbHRzYWx0c2FsdA$3BOqM1/eKfM9KyWxiKNUtqMdcJn/4X4AKg/zGQjZwyk"s;
        QTest::newRow("scrypt ln=10 r=8 p=1 (passlib)")
            << pc::PasswordScheme::Scrypt << "0123456789abcdef"s
            << "$scrypt$ln=10,r=8,p=1$MDEyMzQ1Njc4OWFiY2RlZg$ZEBCzLptWM7dhpNJDU2HbQ945ovKHmVEozHkePPbSqw"s;
        QTest::newRow("pbkdf2_sha256 1000 rounds (passlib)")
            << pc::PasswordScheme::Pbkdf2Sha256 << "0123456789abcdef"s
            << "$pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg$hRRjgXWkW8ResfIvBP99J/T4vkgEmMRV/0tJTOjR59I"s;
        QTest::newRow("pbkdf2_sha512 1000 rounds, '.' in the checksum (passlib)")
            << pc::PasswordScheme::Pbkdf2Sha512 << "0123456789abcdef"s
            << "$pbkdf2-sha512$1000$MDEyMzQ1Njc4OWFiY2RlZg$38DzhdBT7fPaUGBlsh42VTuuKSFAIYGZJ7l6feCDLIl.K3hdPFgxxu7xuUi4gIuH6cEIoODn18xH9Ig2ryNgUw"s;
        QTest::newRow("pbkdf2_sha256 salt that encodes to '.' (passlib ab64)")
            << pc::PasswordScheme::Pbkdf2Sha256 << "\xfb\xff\xbe\xfb\xff\xbe\xfb\xff\xbe\xfb\xff\xbe\xfb\xff\xbe\x01"s
            << "$pbkdf2-sha256$1000$./.../.../.../.../..AQ$NsTcIgD.fnyAmBYOgtJWTnNbtlN7qXSjpa5kJrhigeU"s;
    }
    void fixedSaltStrings()
    {
        QFETCH(pc::PasswordScheme, scheme);
        QFETCH(std::string, salt);
        QFETCH(std::string, expected);
        const auto hasher = pc::test::hasherFor(scheme);
        auto made = hasher->hashWithSalt("password", pc::test::asBytes(salt));
        QVERIFY2(made.ok(), made.ok() ? "" : made.error().message.c_str());
        QCOMPARE(made->hash, expected);
        auto match = hasher->verify("password", expected);
        QVERIFY(match.ok());
        QVERIFY(match->matches);
    }

    void argon2idOwaspFloorString()
    {
        // The OWASP floor itself, against argon2-cffi's hash_secret with the same salt.
        auto policy = pc::test::cheapPasswordPolicy();
        policy.argon2MemoryKib = 19456;
        policy.argon2TimeCost = 2;
        policy.argon2Parallelism = 1;
        const auto hasher = pc::test::hasherFor(pc::PasswordScheme::Argon2id, policy);
        auto made = hasher->hashWithSalt("password", pc::test::asBytes("saltsaltsaltsalt"s));
        QVERIFY(made.ok());
        QCOMPARE(made->hash,
                 "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$T95q7S205tf9WI4HhYOZDIQmMMAbntacGXTIku0gXT8"s);
    }

    void bcryptKnownAnswers_data()
    {
        QTest::addColumn<std::string>("password");
        QTest::addColumn<std::string>("hash");
        QTest::addColumn<bool>("matches");
        // crypt_blowfish's wrapper.c vectors (Solar Designer) and pyca/bcrypt's test vectors.
        QTest::newRow("crypt_blowfish U*U") << "U*U"s
                                            << "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"s << true;
        QTest::newRow("crypt_blowfish U*U*") << "U*U*"s
                                             << "$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK"s << true;
        QTest::newRow("crypt_blowfish U*U*U")
            << "U*U*U"s
            << "$2a$05$XXXXXXXXXXXXXXXXXXXXXOAcXxm9kjPGEMsLznoKqmqw7tc8WCx4a"s << true;
        QTest::newRow("crypt_blowfish empty")
            << ""s
            << "$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy"s << true;
        QTest::newRow("crypt_blowfish $2y$ with an 8-bit byte")
            << "\xa3"s
            << "$2y$05$/OK.fbVrR/bpIqNJ5ianF.Sa7shbm4.OzKpvFnX1pQLmQW96oUlCq"s << true;
        QTest::newRow("pyca $2b$ Kk4DQuMMfZL9o")
            << "Kk4DQuMMfZL9o"s
            << "$2b$04$cVWp4XaNU8a4v1uMRum2SO026BWLIoQMD/TXg5uZV.0P.uO8m3YEm"s << true;
        QTest::newRow("pyca $2b$ 9IeRXmnGxMYbs")
            << "9IeRXmnGxMYbs"s
            << "$2b$04$pQ7gRO7TYFRkDgZKmL.kg.XlOrHYfv952EH4S76/yzVg.6hsUNjmm"s << true;
        QTest::newRow("pyca $2b$ xVQVbwa1S0M8r")
            << "xVQVbwa1S0M8r"s
            << "$2b$04$SQe9knOzepOVKoYXo9xTteNYr6MBwVz4tpriJVe3PNgYufGIsgKcW"s << true;
        QTest::newRow("pyca $2b$ Zfgr26LWd22Za")
            << "Zfgr26LWd22Za"s
            << "$2b$04$eH8zX.q5Q.j2hO1NkVYJQOM6KxntS/ow3.YzVmFrE4t//CoF4fvne"s << true;
        QTest::newRow("pyca $2b$ euro sign, cost 10")
            << "\xe2\x82\xac"s
            << "$2b$10$k87L/MF28Q673VKh8/cPi.yPg2L9o6GzV5peLoVrHVOAv70Dsache"s << true;
        QTest::newRow("$2y$ equals $2b$ for the same salt")
            << "Kk4DQuMMfZL9o"s
            << "$2y$04$cVWp4XaNU8a4v1uMRum2SO026BWLIoQMD/TXg5uZV.0P.uO8m3YEm"s << true;
        QTest::newRow("wrong password") << "Kk4DQuMMfZL9p"s
                                        << "$2b$04$cVWp4XaNU8a4v1uMRum2SO026BWLIoQMD/TXg5uZV.0P.uO8m3YEm"s << false;
        QTest::newRow("one checksum character changed")
            << "Kk4DQuMMfZL9o"s
            << "$2b$04$cVWp4XaNU8a4v1uMRum2SO026BWLIoQMD/TXg5uZV.0P.uO8m3YEn"s << false;
    }
    void bcryptKnownAnswers()
    {
        QFETCH(std::string, password);
        QFETCH(std::string, hash);
        QFETCH(bool, matches);
        auto match = pc::test::hasherFor(pc::PasswordScheme::Bcrypt)->verify(password, hash);
        QVERIFY2(match.ok(), match.ok() ? "" : match.error().message.c_str());
        QCOMPARE(match->matches, matches);
    }

    void roundTrips_data()
    {
        QTest::addColumn<pc::PasswordScheme>("scheme");
        QTest::addColumn<std::string>("password");
        QTest::addColumn<QString>("pattern");
        const QString bcrypt = QStringLiteral(R"(^\$2b\$04\$[./A-Za-z0-9]{53}$)");
        const QString argon2 =
            QStringLiteral(R"(^\$argon2id\$v=19\$m=64,t=1,p=2\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$)");
        const QString scrypt = QStringLiteral(R"(^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$)");
        const QString sha256 = QStringLiteral(R"(^\$pbkdf2-sha256\$1000\$[A-Za-z0-9./]{22}\$[A-Za-z0-9./]{43}$)");
        const QString sha512 = QStringLiteral(R"(^\$pbkdf2-sha512\$1000\$[A-Za-z0-9./]{22}\$[A-Za-z0-9./]{86}$)");
        for (const auto& [scheme, pattern] :
             {std::pair{pc::PasswordScheme::Bcrypt, bcrypt}, std::pair{pc::PasswordScheme::Argon2id, argon2},
              std::pair{pc::PasswordScheme::Scrypt, scrypt}, std::pair{pc::PasswordScheme::Pbkdf2Sha256, sha256},
              std::pair{pc::PasswordScheme::Pbkdf2Sha512, sha512}}) {
            const std::string name(pc::enumName(scheme));
            QTest::addRow("%s ascii", name.c_str()) << scheme << "correct horse battery staple"s << pattern;
            QTest::addRow("%s unicode", name.c_str())
                << scheme << "p\xc3\xa4ssw\xc3\xb6rd \xf0\x9f\x94\x91"s << pattern;
            QTest::addRow("%s empty", name.c_str()) << scheme << ""s << pattern;
            if (scheme != pc::PasswordScheme::Bcrypt) {
                QTest::addRow("%s with NUL", name.c_str()) << scheme << "before\0after"s << pattern;
            }
        }
    }
    void roundTrips()
    {
        QFETCH(pc::PasswordScheme, scheme);
        QFETCH(std::string, password);
        QFETCH(QString, pattern);
        const auto hasher = pc::test::hasherFor(scheme);
        auto made = hasher->hash(password);
        QVERIFY2(made.ok(), made.ok() ? "" : made.error().message.c_str());
        QVERIFY2(QRegularExpression(pattern).match(QString::fromStdString(made->hash)).hasMatch(), made->hash.c_str());
        auto again = hasher->hash(password);
        QVERIFY(again.ok());
        QVERIFY(again->hash != made->hash); // fresh salt every time
        auto identified = pc::identifyPasswordHash(made->hash);
        QVERIFY(identified.ok());
        QCOMPARE(*identified, scheme);
        QVERIFY(hasher->verify(password, made->hash)->matches);
        QVERIFY(!hasher->verify(password + "x", made->hash)->matches);
        if (password.find('\0') != std::string::npos) {
            // The bytes after the NUL count.
            QVERIFY(!hasher->verify(password.substr(0, password.find('\0')), made->hash)->matches);
        }
        auto reason = hasher->updateReason(made->hash);
        QVERIFY(reason.ok());
        QVERIFY(!reason->has_value());
    }
};

QTEST_GUILESS_MAIN(TestPasswordHashers)
#include "TestPasswordHashers.moc"
