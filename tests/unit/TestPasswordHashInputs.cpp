// SPDX-License-Identifier: Apache-2.0
// What the per-scheme hashers accept and refuse: bcrypt's 72-byte rule and NUL
// bytes, the password length bound, parameter bounds in the policy and in
// hostile hash strings (refused before any work), malformed strings, scheme
// identification, and the two unpadded base64 alphabets.
#include "auth/PasswordEncoding.h"
#include "auth/PasswordHasher.h"
#include "policy/PolicyEnums.h"

#include "PasswordTestSupport.h"
#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;

Q_DECLARE_METATYPE(pc::LongPasswordPolicy)

class TestPasswordHashInputs final : public QObject {
    Q_OBJECT

private Q_SLOTS:
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
        auto policy = pc::test::cheapPasswordPolicy();
        policy.bcryptLongPasswords = rule;
        const auto hasher = pc::test::hasherFor(pc::PasswordScheme::Bcrypt, policy);
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
        auto policy = pc::test::cheapPasswordPolicy();
        auto refused = pc::test::hasherFor(pc::PasswordScheme::Bcrypt, policy)->verify(password, hash);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, "password-too-long"s);
        policy.bcryptLongPasswords = pc::LongPasswordPolicy::Truncate;
        auto truncated = pc::test::hasherFor(pc::PasswordScheme::Bcrypt, policy)->verify(password, hash);
        QVERIFY(truncated.ok());
        QVERIFY(truncated->matches);
        QCOMPARE(truncated->warnings.size(), std::size_t(1));
    }

    void bcryptRefusesNul()
    {
        const auto hasher = pc::test::hasherFor(pc::PasswordScheme::Bcrypt);
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
                                       << "/auth/passwords/bcrypt/rounds"s;
        QTest::newRow("bcrypt cost 32") << pc::PasswordScheme::Bcrypt << std::function([](P p) { p.bcryptRounds = 32; })
                                        << "parameters-out-of-range"s
                                        << "/auth/passwords/bcrypt/rounds"s;
        QTest::newRow("bcrypt cost 21 is too slow")
            << pc::PasswordScheme::Bcrypt << std::function([](P p) { p.bcryptRounds = 21; }) << "parameters-too-costly"s
            << "/auth/passwords/bcrypt/rounds"s;
        QTest::newRow("bcrypt min above cost")
            << pc::PasswordScheme::Bcrypt << std::function([](P p) { p.bcryptMinRounds = 5; })
            << "parameters-out-of-range"s
            << "/auth/passwords/bcrypt/rounds"s;
        QTest::newRow("bcrypt max 40") << pc::PasswordScheme::Bcrypt
                                       << std::function([](P p) { p.bcryptMaxRounds = 40; })
                                       << "parameters-out-of-range"s
                                       << "/auth/passwords/bcrypt/max_rounds"s;
        QTest::newRow("argon2 p=0") << pc::PasswordScheme::Argon2id
                                    << std::function([](P p) { p.argon2Parallelism = 0; }) << "parameters-out-of-range"s
                                    << "/auth/passwords/argon2id/parallelism"s;
        QTest::newRow("argon2 t=0") << pc::PasswordScheme::Argon2id << std::function([](P p) { p.argon2TimeCost = 0; })
                                    << "parameters-out-of-range"s
                                    << "/auth/passwords/argon2id/time_cost"s;
        QTest::newRow("argon2 m below 8 KiB per lane")
            << pc::PasswordScheme::Argon2id << std::function([](P p) { p.argon2MemoryKib = 15; })
            << "parameters-out-of-range"s
            << "/auth/passwords/argon2id/memory_kib"s;
        QTest::newRow("argon2 4 GiB") << pc::PasswordScheme::Argon2id
                                      << std::function([](P p) { p.argon2MemoryKib = 4'194'304; })
                                      << "parameters-too-costly"s
                                      << "/auth/passwords/argon2id/memory_kib"s;
        QTest::newRow("argon2 1 GiB x 100 passes") << pc::PasswordScheme::Argon2id << std::function([](P p) {
            p.argon2MemoryKib = 1'048'576;
            p.argon2TimeCost = 100;
        }) << "parameters-too-costly"s
                                                   << "/auth/passwords/argon2id/time_cost"s;
        QTest::newRow("argon2 1000 lanes") << pc::PasswordScheme::Argon2id << std::function([](P p) {
            p.argon2Parallelism = 1000;
            p.argon2MemoryKib = 65536;
        }) << "parameters-too-costly"s
                                           << "/auth/passwords/argon2id/parallelism"s;
        QTest::newRow("scrypt ln=0") << pc::PasswordScheme::Scrypt << std::function([](P p) { p.scryptLogN = 0; })
                                     << "parameters-out-of-range"s
                                     << "/auth/passwords/scrypt/log_n"s;
        QTest::newRow("scrypt r=0") << pc::PasswordScheme::Scrypt << std::function([](P p) { p.scryptR = 0; })
                                    << "parameters-out-of-range"s
                                    << "/auth/passwords/scrypt/r"s;
        QTest::newRow("scrypt ln=22 r=8: 4 GiB")
            << pc::PasswordScheme::Scrypt << std::function([](P p) { p.scryptLogN = 22; }) << "parameters-too-costly"s
            << "/auth/passwords/scrypt/log_n"s;
        QTest::newRow("scrypt 1 GiB x p=64") << pc::PasswordScheme::Scrypt << std::function([](P p) {
            p.scryptLogN = 20;
            p.scryptP = 64;
        }) << "parameters-too-costly"s
                                             << "/auth/passwords/scrypt/p"s;
        QTest::newRow("pbkdf2_sha256 0 rounds")
            << pc::PasswordScheme::Pbkdf2Sha256 << std::function([](P p) { p.pbkdf2Sha256Iterations = 0; })
            << "parameters-out-of-range"s
            << "/auth/passwords/pbkdf2_sha256/iterations"s;
        QTest::newRow("pbkdf2_sha512 4e9 rounds")
            << pc::PasswordScheme::Pbkdf2Sha512 << std::function([](P p) { p.pbkdf2Sha512Iterations = 4'000'000'000U; })
            << "parameters-too-costly"s
            << "/auth/passwords/pbkdf2_sha512/iterations"s;
    }
    void policyParameterBounds()
    {
        QFETCH(pc::PasswordScheme, scheme);
        QFETCH(std::function<void(pc::PasswordPolicy&)>, edit);
        QFETCH(std::string, code);
        QFETCH(std::string, pointer);
        auto policy = pc::test::cheapPasswordPolicy();
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
        const auto hasher = pc::test::hasherFor(scheme);
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
        const auto hasher = pc::test::hasherFor(scheme);
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
        QCOMPARE(pc::encodeBase64Unpadded(pc::test::asBytes(bytes), pc::Base64Alphabet::Standard), standard);
        QCOMPARE(pc::encodeBase64Unpadded(pc::test::asBytes(bytes), pc::Base64Alphabet::Adapted), adapted);
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

QTEST_GUILESS_MAIN(TestPasswordHashInputs)
#include "TestPasswordHashInputs.moc"
