// SPDX-License-Identifier: Apache-2.0
// The per-scheme hashers: known-answer vectors (RFC 7914 PBKDF2 and scrypt
// through our EVP_KDF calls, RFC 9106 argon2id through libargon2, the
// crypt_blowfish and pyca/bcrypt vectors), fixed-salt strings cross-checked
// with passlib / argon2-cffi / pyca bcrypt, format round trips, the 72-byte
// rule, and the bounds on passwords, parameters and hash strings.
#include "auth/Argon2Hasher.h"
#include "auth/BcryptHasher.h"
#include "auth/OpenSslKdf.h"
#include "auth/PasswordEncoding.h"
#include "auth/PasswordHasher.h"
#include "auth/Pbkdf2Hasher.h"
#include "auth/ScryptHasher.h"
#include "policy/PolicyEnums.h"

#include "TestSupport.h"

#include <QRegularExpression>
#include <QTest>

#include <argon2.h>

#include <array>

using namespace std::string_literals;

Q_DECLARE_METATYPE(pc::PasswordScheme)
Q_DECLARE_METATYPE(pc::LongPasswordPolicy)

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

std::span<const unsigned char> asBytes(const std::string& s)
{
    return {reinterpret_cast<const unsigned char*>(s.data()), s.size()};
}

// Cheap parameters, so that round trips run in milliseconds.
pc::PasswordPolicy cheapPolicy()
{
    pc::PasswordPolicy p;
    p.bcryptRounds = 4;
    p.argon2MemoryKib = 64;
    p.argon2TimeCost = 1;
    p.argon2Parallelism = 2;
    p.scryptLogN = 10;
    p.pbkdf2Sha256Iterations = 1000;
    p.pbkdf2Sha512Iterations = 1000;
    return p;
}

std::unique_ptr<pc::PasswordHasher> hasherFor(pc::PasswordScheme scheme,
                                              const pc::PasswordPolicy& policy = cheapPolicy())
{
    auto made = pc::makePasswordHasher(scheme, policy);
    if (!made) {
        qFatal("cannot make hasher: %s", made.error().message.c_str());
    }
    return std::move(made).value();
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
        auto derived = pc::derivePbkdf2(pc::Pbkdf2Digest(digest), password, asBytes(salt), std::uint64_t(iterations),
                                        std::size_t(length));
        QVERIFY2(derived.ok(), derived.ok() ? "" : derived.error().message.c_str());
        QCOMPARE(toHex(derived->bytes()), hex);
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
        auto derived = pc::deriveScrypt(password, asBytes(salt), logN, std::uint32_t(r), std::uint32_t(p), 64);
        QVERIFY2(derived.ok(), derived.ok() ? "" : derived.error().message.c_str());
        QCOMPARE(toHex(derived->bytes()), hex);
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
        auto p = cheapPolicy();
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
        const auto hasher = hasherFor(scheme);
        auto made = hasher->hashWithSalt("password", asBytes(salt));
        QVERIFY2(made.ok(), made.ok() ? "" : made.error().message.c_str());
        QCOMPARE(made->hash, expected);
        auto match = hasher->verify("password", expected);
        QVERIFY(match.ok());
        QVERIFY(match->matches);
    }

    void argon2idOwaspFloorString()
    {
        // The OWASP floor itself, against argon2-cffi's hash_secret with the same salt.
        auto policy = cheapPolicy();
        policy.argon2MemoryKib = 19456;
        policy.argon2TimeCost = 2;
        policy.argon2Parallelism = 1;
        const auto hasher = hasherFor(pc::PasswordScheme::Argon2id, policy);
        auto made = hasher->hashWithSalt("password", asBytes("saltsaltsaltsalt"s));
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
        auto match = hasherFor(pc::PasswordScheme::Bcrypt)->verify(password, hash);
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
        const auto hasher = hasherFor(scheme);
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

    void bcryptLongPasswords_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<pc::LongPasswordPolicy>("rule");
        QTest::addColumn<std::string>("error"); // "" when hashing succeeds
        QTest::addColumn<bool>("warned");
        QTest::newRow("72 bytes, refuse") << 72 << pc::LongPasswordPolicy::Refuse << ""s << false;
        QTest::newRow("73 bytes, refuse") << 73 << pc::LongPasswordPolicy::Refuse << "password-too-long"s << false;
        QTest::newRow("72 bytes, truncate") << 72 << pc::LongPasswordPolicy::Truncate << ""s << false;
        QTest::newRow("73 bytes, truncate") << 73 << pc::LongPasswordPolicy::Truncate << ""s << true;
        QTest::newRow("4096 bytes, truncate") << 4096 << pc::LongPasswordPolicy::Truncate << ""s << true;
        QTest::newRow("4097 bytes, truncate: over every scheme's bound")
            << 4097 << pc::LongPasswordPolicy::Truncate << "password-too-long"s << false;
    }
    void bcryptLongPasswords()
    {
        QFETCH(int, length);
        QFETCH(pc::LongPasswordPolicy, rule);
        QFETCH(std::string, error);
        QFETCH(bool, warned);
        auto policy = cheapPolicy();
        policy.bcryptLongPasswords = rule;
        const auto hasher = hasherFor(pc::PasswordScheme::Bcrypt, policy);
        std::string password;
        for (int i = 0; i < length; ++i) {
            password += char('a' + i % 26);
        }
        auto made = hasher->hash(password);
        if (!error.empty()) {
            QVERIFY(!made.ok());
            QCOMPARE(made.error().code, error);
            QVERIFY(made.error().message.find(std::to_string(length)) != std::string::npos);
            return;
        }
        QVERIFY(made.ok());
        QCOMPARE(made->warnings.empty(), !warned);
        auto match = hasher->verify(password, made->hash);
        QVERIFY(match.ok());
        QVERIFY(match->matches);
        QCOMPARE(match->warnings.empty(), !warned);
        if (warned) {
            // Truncation is real: only the first 72 bytes count.
            QVERIFY(hasher->verify(password.substr(0, 72), made->hash)->matches);
        }
    }

    void bcrypt72ByteVectorNeedsTruncate()
    {
        // crypt_blowfish's "chars after 72 are ignored" vector verifies only when the policy truncates.
        const std::string password =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789chars after 72 are ignored";
        const std::string hash = "$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui";
        auto policy = cheapPolicy();
        auto refused = hasherFor(pc::PasswordScheme::Bcrypt, policy)->verify(password, hash);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, "password-too-long"s);
        policy.bcryptLongPasswords = pc::LongPasswordPolicy::Truncate;
        auto truncated = hasherFor(pc::PasswordScheme::Bcrypt, policy)->verify(password, hash);
        QVERIFY(truncated.ok());
        QVERIFY(truncated->matches);
        QCOMPARE(truncated->warnings.size(), std::size_t(1));
    }

    void bcryptRefusesNul()
    {
        const auto hasher = hasherFor(pc::PasswordScheme::Bcrypt);
        auto made = hasher->hash("before\0after"s);
        QVERIFY(!made.ok());
        QCOMPARE(made.error().code, "password-has-nul"s);
        auto match = hasher->verify("U*U\0x"s, "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW");
        QVERIFY(!match.ok());
        QCOMPARE(match.error().code, "password-has-nul"s);
    }

    void policyParameterBounds_data()
    {
        QTest::addColumn<pc::PasswordScheme>("scheme");
        QTest::addColumn<std::function<void(pc::PasswordPolicy&)>>("edit");
        QTest::addColumn<std::string>("code");
        QTest::addColumn<std::string>("pointer");
        using P = pc::PasswordPolicy&;
        QTest::newRow("bcrypt cost 3") << pc::PasswordScheme::Bcrypt << std::function([](P p) { p.bcryptRounds = 3; })
                                       << "parameters-out-of-range"s
                                       << "/auth/passwords/bcrypt_rounds"s;
        QTest::newRow("bcrypt cost 32") << pc::PasswordScheme::Bcrypt << std::function([](P p) { p.bcryptRounds = 32; })
                                        << "parameters-out-of-range"s
                                        << "/auth/passwords/bcrypt_rounds"s;
        QTest::newRow("bcrypt cost 21 is too slow")
            << pc::PasswordScheme::Bcrypt << std::function([](P p) { p.bcryptRounds = 21; }) << "parameters-too-costly"s
            << "/auth/passwords/bcrypt_rounds"s;
        QTest::newRow("bcrypt min above cost")
            << pc::PasswordScheme::Bcrypt << std::function([](P p) { p.bcryptMinRounds = 5; })
            << "parameters-out-of-range"s
            << "/auth/passwords/bcrypt_rounds"s;
        QTest::newRow("bcrypt max 40") << pc::PasswordScheme::Bcrypt
                                       << std::function([](P p) { p.bcryptMaxRounds = 40; })
                                       << "parameters-out-of-range"s
                                       << "/auth/passwords/bcrypt_max_rounds"s;
        QTest::newRow("argon2 p=0") << pc::PasswordScheme::Argon2id
                                    << std::function([](P p) { p.argon2Parallelism = 0; }) << "parameters-out-of-range"s
                                    << "/auth/passwords/argon2_parallelism"s;
        QTest::newRow("argon2 t=0") << pc::PasswordScheme::Argon2id << std::function([](P p) { p.argon2TimeCost = 0; })
                                    << "parameters-out-of-range"s
                                    << "/auth/passwords/argon2_time_cost"s;
        QTest::newRow("argon2 m below 8 KiB per lane")
            << pc::PasswordScheme::Argon2id << std::function([](P p) { p.argon2MemoryKib = 15; })
            << "parameters-out-of-range"s
            << "/auth/passwords/argon2_memory_kib"s;
        QTest::newRow("argon2 4 GiB") << pc::PasswordScheme::Argon2id
                                      << std::function([](P p) { p.argon2MemoryKib = 4'194'304; })
                                      << "parameters-too-costly"s
                                      << "/auth/passwords/argon2_memory_kib"s;
        QTest::newRow("argon2 1 GiB x 100 passes") << pc::PasswordScheme::Argon2id << std::function([](P p) {
            p.argon2MemoryKib = 1'048'576;
            p.argon2TimeCost = 100;
        }) << "parameters-too-costly"s
                                                   << "/auth/passwords/argon2_time_cost"s;
        QTest::newRow("argon2 1000 lanes") << pc::PasswordScheme::Argon2id << std::function([](P p) {
            p.argon2Parallelism = 1000;
            p.argon2MemoryKib = 65536;
        }) << "parameters-too-costly"s
                                           << "/auth/passwords/argon2_parallelism"s;
        QTest::newRow("scrypt ln=0") << pc::PasswordScheme::Scrypt << std::function([](P p) { p.scryptLogN = 0; })
                                     << "parameters-out-of-range"s
                                     << "/auth/passwords/scrypt_log_n"s;
        QTest::newRow("scrypt r=0") << pc::PasswordScheme::Scrypt << std::function([](P p) { p.scryptR = 0; })
                                    << "parameters-out-of-range"s
                                    << "/auth/passwords/scrypt_r"s;
        QTest::newRow("scrypt ln=22 r=8: 4 GiB")
            << pc::PasswordScheme::Scrypt << std::function([](P p) { p.scryptLogN = 22; }) << "parameters-too-costly"s
            << "/auth/passwords/scrypt_log_n"s;
        QTest::newRow("scrypt 1 GiB x p=64") << pc::PasswordScheme::Scrypt << std::function([](P p) {
            p.scryptLogN = 20;
            p.scryptP = 64;
        }) << "parameters-too-costly"s
                                             << "/auth/passwords/scrypt_p"s;
        QTest::newRow("pbkdf2_sha256 0 rounds")
            << pc::PasswordScheme::Pbkdf2Sha256 << std::function([](P p) { p.pbkdf2Sha256Iterations = 0; })
            << "parameters-out-of-range"s
            << "/auth/passwords/pbkdf2_sha256_iterations"s;
        QTest::newRow("pbkdf2_sha512 4e9 rounds")
            << pc::PasswordScheme::Pbkdf2Sha512 << std::function([](P p) { p.pbkdf2Sha512Iterations = 4'000'000'000U; })
            << "parameters-too-costly"s
            << "/auth/passwords/pbkdf2_sha512_iterations"s;
    }
    void policyParameterBounds()
    {
        QFETCH(pc::PasswordScheme, scheme);
        QFETCH(std::function<void(pc::PasswordPolicy&)>, edit);
        QFETCH(std::string, code);
        QFETCH(std::string, pointer);
        auto policy = cheapPolicy();
        edit(policy);
        auto made = pc::makePasswordHasher(scheme, policy);
        QVERIFY(!made.ok());
        QCOMPARE(made.error().code, code);
        QCOMPARE(made.error().pointer, pointer);
        QVERIFY(!made.error().message.empty());
    }

    void refusedHashStrings_data()
    {
        QTest::addColumn<pc::PasswordScheme>("scheme");
        QTest::addColumn<std::string>("hash");
        QTest::addColumn<std::string>("code");
        const auto B = pc::PasswordScheme::Bcrypt;
        const auto A = pc::PasswordScheme::Argon2id;
        const auto S = pc::PasswordScheme::Scrypt;
        const auto P = pc::PasswordScheme::Pbkdf2Sha256;
        const std::string tail53 = "cVWp4XaNU8a4v1uMRum2SO026BWLIoQMD/TXg5uZV.0P.uO8m3YEm";
        // Absurd costs are refused before any work is done: none of these may hang.
        QTest::newRow("bcrypt cost 31") << B << "$2b$31$" + tail53 << "parameters-too-costly"s;
        QTest::newRow("bcrypt cost 03") << B << "$2b$03$" + tail53 << "parameters-out-of-range"s;
        QTest::newRow("bcrypt $2x$") << B << "$2x$05$" + tail53 << "unsupported-hash"s;
        QTest::newRow("bcrypt short") << B << "$2b$04$" + tail53.substr(1) << "malformed-hash"s;
        QTest::newRow("bcrypt bad character") << B << "$2b$04$" + tail53.substr(1) + "!"
                                              << "malformed-hash"s;
        QTest::newRow("bcrypt cost not digits") << B << "$2b$x4$" + tail53 << "malformed-hash"s;
        const std::string saltTag = "$c2FsdHNhbHRzYWx0c2FsdA$3BOqM1/eKfM9KyWxiKNUtqMdcJn/4X4AKg/zGQjZwyk";
        QTest::newRow("argon2 4 GiB") << A << "$argon2id$v=19$m=4194304,t=1,p=1" + saltTag << "parameters-too-costly"s;
        QTest::newRow("argon2 t=4294967295")
            << A << "$argon2id$v=19$m=65536,t=4294967295,p=1" + saltTag << "parameters-too-costly"s;
        QTest::newRow("argon2 p=0") << A << "$argon2id$v=19$m=64,t=1,p=0" + saltTag << "parameters-out-of-range"s;
        QTest::newRow("argon2 m above 2^32")
            << A << "$argon2id$v=19$m=4294967296,t=1,p=1" + saltTag << "malformed-hash"s;
        QTest::newRow("argon2 version 16") << A << "$argon2id$v=16$m=64,t=1,p=2" + saltTag << "unsupported-hash"s;
        QTest::newRow("argon2 without version") << A << "$argon2id$m=64,t=1,p=2" + saltTag << "unsupported-hash"s;
        QTest::newRow("argon2 parameters reordered")
            << A << "$argon2id$v=19$t=1,m=64,p=2" + saltTag << "malformed-hash"s;
        QTest::newRow("argon2 padded salt")
            << A << "$argon2id$v=19$m=64,t=1,p=2$c2FsdHNhbHRzYWx0c2FsdA==$3BOqM1/eKfM9KyWxiKNUtqMdcJn/4X4AKg/zGQjZwyk"s
            << "malformed-hash"s;
        QTest::newRow("argon2 keyid field")
            << A << "$argon2id$v=19$m=64,t=1,p=2,keyid=AA" + saltTag << "malformed-hash"s;
        QTest::newRow("argon2 leading zero") << A << "$argon2id$v=19$m=064,t=1,p=2" + saltTag << "malformed-hash"s;
        QTest::newRow("argon2i given to argon2id")
            << A << "$argon2i$v=19$m=64,t=1,p=2" + saltTag << "hash-scheme-mismatch"s;
        const std::string scryptTail = "$MDEyMzQ1Njc4OWFiY2RlZg$ZEBCzLptWM7dhpNJDU2HbQ945ovKHmVEozHkePPbSqw";
        QTest::newRow("scrypt ln=30") << S << "$scrypt$ln=30,r=8,p=1" + scryptTail << "parameters-too-costly"s;
        QTest::newRow("scrypt ln=40") << S << "$scrypt$ln=40,r=8,p=1" + scryptTail << "parameters-out-of-range"s;
        QTest::newRow("scrypt p=1000000")
            << S << "$scrypt$ln=10,r=8,p=1000000" + scryptTail << "parameters-too-costly"s;
        QTest::newRow("scrypt r*p >= 2^30")
            << S << "$scrypt$ln=1,r=1073741823,p=2" + scryptTail << "parameters-out-of-range"s;
        QTest::newRow("scrypt $7$") << S << "$7$C6..../....SodiumChloride$kBGj9fHznVYFQMEn/qDCfrDevf9YDtcDdKvEqHJLV8D"s
                                    << "unsupported-hash"s;
        QTest::newRow("scrypt ab64 '.' in the checksum")
            << S << "$scrypt$ln=10,r=8,p=1$MDEyMzQ1Njc4OWFiY2RlZg$ZEBCzLptWM7dhpNJDU2HbQ945ovKHmVEozHkePPbSq."s
            << "malformed-hash"s;
        QTest::newRow("scrypt short checksum") << S << "$scrypt$ln=10,r=8,p=1$MDEyMzQ1Njc4OWFiY2RlZg$ZEBCzLptWM7dhpNJ"s
                                               << "malformed-hash"s;
        const std::string pbkdf2Tail = "$MDEyMzQ1Njc4OWFiY2RlZg$hRRjgXWkW8ResfIvBP99J/T4vkgEmMRV/0tJTOjR59I";
        QTest::newRow("pbkdf2 4e9 rounds") << P << "$pbkdf2-sha256$4000000000" + pbkdf2Tail << "parameters-too-costly"s;
        QTest::newRow("pbkdf2 0 rounds") << P << "$pbkdf2-sha256$0" + pbkdf2Tail << "parameters-out-of-range"s;
        QTest::newRow("pbkdf2 zero-padded rounds") << P << "$pbkdf2-sha256$01000" + pbkdf2Tail << "malformed-hash"s;
        QTest::newRow("pbkdf2 rounds above 2^32")
            << P << "$pbkdf2-sha256$99999999999999999999" + pbkdf2Tail << "malformed-hash"s;
        QTest::newRow("pbkdf2 missing checksum") << P << "$pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg"s
                                                 << "malformed-hash"s;
        QTest::newRow("pbkdf2 sha512 string to the sha256 hasher")
            << P << "$pbkdf2-sha512$1000" + pbkdf2Tail << "hash-scheme-mismatch"s;
    }
    void refusedHashStrings()
    {
        QFETCH(pc::PasswordScheme, scheme);
        QFETCH(std::string, hash);
        QFETCH(std::string, code);
        const auto hasher = hasherFor(scheme);
        auto match = hasher->verify("password", hash);
        QVERIFY(!match.ok());
        QCOMPARE(match.error().code, code);
        auto reason = hasher->updateReason(hash);
        QVERIFY(!reason.ok());
        QCOMPARE(reason.error().code, code);
    }

    void passwordLengthBound_data()
    {
        QTest::addColumn<pc::PasswordScheme>("scheme");
        for (const auto scheme : {pc::PasswordScheme::Argon2id, pc::PasswordScheme::Scrypt,
                                  pc::PasswordScheme::Pbkdf2Sha256, pc::PasswordScheme::Pbkdf2Sha512}) {
            QTest::addRow("%s", std::string(pc::enumName(scheme)).c_str()) << scheme;
        }
    }
    void passwordLengthBound()
    {
        QFETCH(pc::PasswordScheme, scheme);
        const auto hasher = hasherFor(scheme);
        QVERIFY(hasher->hash(std::string(4096, 'x')).ok());
        auto made = hasher->hash(std::string(4097, 'x'));
        QVERIFY(!made.ok());
        QCOMPARE(made.error().code, "password-too-long"s);
    }

    void identifies_data()
    {
        QTest::addColumn<std::string>("hash");
        QTest::addColumn<std::string>("scheme"); // or the error code
        QTest::newRow("$2b$") << "$2b$12$x"s
                              << "bcrypt"s;
        QTest::newRow("$2a$") << "$2a$12$x"s
                              << "bcrypt"s;
        QTest::newRow("$2y$") << "$2y$12$x"s
                              << "bcrypt"s;
        QTest::newRow("$argon2id$") << "$argon2id$v=19$x"s
                                    << "argon2id"s;
        QTest::newRow("$scrypt$") << "$scrypt$ln=16$x"s
                                  << "scrypt"s;
        QTest::newRow("$pbkdf2-sha256$") << "$pbkdf2-sha256$1$x"s
                                         << "pbkdf2_sha256"s;
        QTest::newRow("$pbkdf2-sha512$") << "$pbkdf2-sha512$1$x"s
                                         << "pbkdf2_sha512"s;
        QTest::newRow("$2x$") << "$2x$05$x"s
                              << "unsupported-hash"s;
        QTest::newRow("$argon2i$") << "$argon2i$v=19$x"s
                                   << "unsupported-hash"s;
        QTest::newRow("$pbkdf2$ (SHA-1)") << "$pbkdf2$1$x"s
                                          << "unsupported-hash"s;
        QTest::newRow("$y$ yescrypt") << "$y$j9T$x"s
                                      << "unsupported-hash"s;
        QTest::newRow("$1$ md5") << "$1$x$y"s
                                 << "unsupported-hash"s;
        QTest::newRow("plain text") << "hunter2"s
                                    << "unknown-hash"s;
        QTest::newRow("empty") << ""s
                               << "unknown-hash"s;
        QTest::newRow("huge") << "$2b$" + std::string(5000, 'a') << "malformed-hash"s;
    }
    void identifies()
    {
        QFETCH(std::string, hash);
        QFETCH(std::string, scheme);
        auto found = pc::identifyPasswordHash(hash);
        QCOMPARE(found.ok() ? std::string(pc::enumName(*found)) : found.error().code, scheme);
    }

    void base64Variants_data()
    {
        QTest::addColumn<std::string>("bytes");
        QTest::addColumn<std::string>("standard");
        QTest::addColumn<std::string>("adapted");
        QTest::newRow("empty") << ""s
                               << ""s
                               << ""s;
        QTest::newRow("one byte") << "\xfb"s
                                  << "+w"s
                                  << ".w"s;
        QTest::newRow("two bytes") << "\xfb\xff"s
                                   << "+/8"s
                                   << "./8"s;
        QTest::newRow("three bytes") << "\xfb\xff\xbe"s
                                     << "+/++"s
                                     << "./.."s;
        QTest::newRow("text") << "saltsaltsaltsalt"s
                              << "c2FsdHNhbHRzYWx0c2FsdA"s
                              << "c2FsdHNhbHRzYWx0c2FsdA"s;
    }
    void base64Variants()
    {
        QFETCH(std::string, bytes);
        QFETCH(std::string, standard);
        QFETCH(std::string, adapted);
        QCOMPARE(pc::encodeBase64Unpadded(asBytes(bytes), pc::Base64Alphabet::Standard), standard);
        QCOMPARE(pc::encodeBase64Unpadded(asBytes(bytes), pc::Base64Alphabet::Adapted), adapted);
        const auto fromStandard = pc::decodeBase64Unpadded(standard, pc::Base64Alphabet::Standard, 64);
        const auto fromAdapted = pc::decodeBase64Unpadded(adapted, pc::Base64Alphabet::Adapted, 64);
        const auto plusInAdapted = pc::decodeBase64Unpadded(standard, pc::Base64Alphabet::Adapted, 64);
        QVERIFY(fromStandard && fromAdapted && plusInAdapted);
        QCOMPARE(std::string(fromStandard->begin(), fromStandard->end()), bytes);
        QCOMPARE(std::string(fromAdapted->begin(), fromAdapted->end()), bytes);
        QCOMPARE(std::string(plusInAdapted->begin(), plusInAdapted->end()), bytes); // passlib's ab64_decode takes '+'
        if (adapted.find('.') != std::string::npos) {
            QVERIFY(!pc::decodeBase64Unpadded(adapted, pc::Base64Alphabet::Standard, 64)); // b64s has no '.'
        }
    }

    void base64Rejects_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::newRow("padding") << "c2FsdA=="s;
        QTest::newRow("length 4k+1") << "c2Fsd"s;
        QTest::newRow("non-zero unused bits") << "+x"s;
        QTest::newRow("whitespace") << "c2Fs dA"s;
        QTest::newRow("url alphabet") << "c2F-dA"s;
        QTest::newRow("longer than the bound") << std::string(100, 'A');
    }
    void base64Rejects()
    {
        QFETCH(std::string, text);
        QVERIFY(!pc::decodeBase64Unpadded(text, pc::Base64Alphabet::Standard, 64));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHashers)
#include "TestPasswordHashers.moc"
