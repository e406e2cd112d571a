// SPDX-License-Identifier: Apache-2.0
// The PasswordHashing facade: which schemes verify, passlib's needs_update
// without its rounds trap (tokens.md §5.4), verify_and_update, and the errors
// of a policy whose parameters cannot be used.
#include "auth/PasswordHashing.h"

#include "TestSupport.h"

#include <QTest>

#include <functional>
#include <map>

using namespace std::string_literals;

namespace {

// Well-formed strings for needs_update, which only parses: the checksums need not verify.
const std::string kArgon2Tail = "$c2FsdHNhbHRzYWx0c2FsdA$3BOqM1/eKfM9KyWxiKNUtqMdcJn/4X4AKg/zGQjZwyk";
const std::string kScryptTail = "$MDEyMzQ1Njc4OWFiY2RlZg$ZEBCzLptWM7dhpNJDU2HbQ945ovKHmVEozHkePPbSqw";
const std::string kPbkdf2Tail = "$MDEyMzQ1Njc4OWFiY2RlZg$hRRjgXWkW8ResfIvBP99J/T4vkgEmMRV/0tJTOjR59I";

pc::PasswordPolicy policyFor(pc::PasswordScheme scheme)
{
    pc::PasswordPolicy p;
    p.scheme = scheme;
    return p;
}

} // namespace

class TestPasswordHashing final : public QObject {
    Q_OBJECT

    std::map<int, std::string> m_bcrypt; // cost -> "$2b$" hash of "password"

    const std::string& bcryptHash(int cost) const { return m_bcrypt.at(cost); }

private Q_SLOTS:
    void initTestCase()
    {
        for (const int cost : {10, 12, 14}) {
            auto p = policyFor(pc::PasswordScheme::Bcrypt);
            p.bcryptRounds = cost;
            auto made = pc::hashPassword(p, "password");
            QVERIFY(made.ok());
            m_bcrypt[cost] = made->hash;
        }
    }

    void needsUpdate_data()
    {
        QTest::addColumn<std::function<pc::PasswordPolicy()>>("policy");
        QTest::addColumn<std::string>("hash");
        QTest::addColumn<bool>("expected");
        using F = std::function<pc::PasswordPolicy()>;
        const auto bcrypt12 = F([] {
            auto p = policyFor(pc::PasswordScheme::Bcrypt);
            p.bcryptRounds = 12;
            return p;
        });
        const auto bcrypt12Pinned = F([] {
            auto p = policyFor(pc::PasswordScheme::Bcrypt);
            p.bcryptRounds = 12;
            p.bcryptMinRounds = 12;
            p.bcryptMaxRounds = 12;
            return p;
        });
        const auto bcrypt12Min10 = F([] {
            auto p = policyFor(pc::PasswordScheme::Bcrypt);
            p.bcryptRounds = 12;
            p.bcryptMinRounds = 10;
            return p;
        });
        const auto bcrypt12Max13 = F([] {
            auto p = policyFor(pc::PasswordScheme::Bcrypt);
            p.bcryptRounds = 12;
            p.bcryptMaxRounds = 13;
            return p;
        });
        // Rows of bcrypt hashes are filled in by the test function from m_bcrypt: "cost:NN[:ident]".
        QTest::newRow("rounds 12: cost 10 is weaker") << bcrypt12 << "cost:10"s << true;
        QTest::newRow("rounds 12: cost 12 is current") << bcrypt12 << "cost:12"s << false;
        QTest::newRow("rounds 12: cost 14 is not flagged (no rounds trap)") << bcrypt12 << "cost:14"s << false;
        QTest::newRow("rounds 12 min 12 max 12: cost 10") << bcrypt12Pinned << "cost:10"s << true;
        QTest::newRow("rounds 12 min 12 max 12: cost 12") << bcrypt12Pinned << "cost:12"s << false;
        QTest::newRow("rounds 12 min 12 max 12: cost 14 (passlib's trap, asked for)")
            << bcrypt12Pinned << "cost:14"s << true;
        QTest::newRow("rounds 12 min 10: cost 10 is tolerated") << bcrypt12Min10 << "cost:10"s << false;
        QTest::newRow("rounds 12 min 10: cost 14") << bcrypt12Min10 << "cost:14"s << false;
        QTest::newRow("rounds 12 max 13: cost 14 is above the maximum") << bcrypt12Max13 << "cost:14"s << true;
        QTest::newRow("$2y$ at cost 12 is not flagged") << bcrypt12 << "cost:12:2y"s << false;
        QTest::newRow("$2a$ at cost 12 is not flagged") << bcrypt12 << "cost:12:2a"s << false;
        QTest::newRow("$2y$ at cost 10 is flagged") << bcrypt12 << "cost:10:2y"s << true;
        QTest::newRow("$2a$ with padding bits set in the salt")
            << bcrypt12 << "$2a$12$cVWp4XaNU8a4v1uMRum2SP026BWLIoQMD/TXg5uZV.0P.uO8m3YEm"s << true;
        QTest::newRow("$2b$ with the same salt character is not flagged")
            << bcrypt12 << "$2b$12$cVWp4XaNU8a4v1uMRum2SP026BWLIoQMD/TXg5uZV.0P.uO8m3YEm"s << false;

        const auto argon2 = F([] { return policyFor(pc::PasswordScheme::Argon2id); }); // m=19456 t=2 p=1
        QTest::newRow("argon2id at the policy") << argon2 << "$argon2id$v=19$m=19456,t=2,p=1" + kArgon2Tail << false;
        QTest::newRow("argon2id more memory") << argon2 << "$argon2id$v=19$m=65536,t=2,p=1" + kArgon2Tail << false;
        QTest::newRow("argon2id more lanes") << argon2 << "$argon2id$v=19$m=19456,t=3,p=4" + kArgon2Tail << false;
        QTest::newRow("argon2id less memory") << argon2 << "$argon2id$v=19$m=9216,t=4,p=1" + kArgon2Tail << true;
        QTest::newRow("argon2id fewer passes") << argon2 << "$argon2id$v=19$m=65536,t=1,p=1" + kArgon2Tail << true;
        QTest::newRow("argon2id 16-byte tag")
            << argon2 << "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$3BOqM1/eKfM9KyWxiKNUtg"s << true;

        const auto scrypt = F([] { return policyFor(pc::PasswordScheme::Scrypt); }); // ln=17 r=8 p=1
        QTest::newRow("scrypt at the policy") << scrypt << "$scrypt$ln=17,r=8,p=1" + kScryptTail << false;
        QTest::newRow("scrypt ln 16") << scrypt << "$scrypt$ln=16,r=8,p=1" + kScryptTail << true;
        QTest::newRow("scrypt r 4") << scrypt << "$scrypt$ln=17,r=4,p=1" + kScryptTail << true;
        QTest::newRow("scrypt p 2") << scrypt << "$scrypt$ln=17,r=8,p=2" + kScryptTail << false;
        QTest::newRow("scrypt short salt")
            << scrypt << "$scrypt$ln=17,r=8,p=1$MDEyMzQ1Njc$ZEBCzLptWM7dhpNJDU2HbQ945ovKHmVEozHkePPbSqw"s << true;

        const auto sha256 = F([] { return policyFor(pc::PasswordScheme::Pbkdf2Sha256); }); // 600,000
        QTest::newRow("pbkdf2_sha256 599999") << sha256 << "$pbkdf2-sha256$599999" + kPbkdf2Tail << true;
        QTest::newRow("pbkdf2_sha256 600000") << sha256 << "$pbkdf2-sha256$600000" + kPbkdf2Tail << false;
        QTest::newRow("pbkdf2_sha256 1000000") << sha256 << "$pbkdf2-sha256$1000000" + kPbkdf2Tail << false;
        QTest::newRow("pbkdf2_sha256 passlib's old default 29000")
            << sha256 << "$pbkdf2-sha256$29000" + kPbkdf2Tail << true;

        const auto argon2AcceptingAll = F([] {
            auto p = policyFor(pc::PasswordScheme::Argon2id);
            p.accept = {pc::PasswordScheme::Bcrypt, pc::PasswordScheme::Scrypt, pc::PasswordScheme::Pbkdf2Sha256};
            return p;
        });
        QTest::newRow("deprecated bcrypt at a strong cost") << argon2AcceptingAll << "cost:14"s << true;
        QTest::newRow("deprecated scrypt") << argon2AcceptingAll << "$scrypt$ln=20,r=8,p=1" + kScryptTail << true;
        QTest::newRow("deprecated pbkdf2_sha256")
            << argon2AcceptingAll << "$pbkdf2-sha256$900000" + kPbkdf2Tail << true;
        QTest::newRow("default scheme among accepted ones")
            << argon2AcceptingAll << "$argon2id$v=19$m=19456,t=2,p=1" + kArgon2Tail << false;
    }
    void needsUpdate()
    {
        QFETCH(std::function<pc::PasswordPolicy()>, policy);
        QFETCH(std::string, hash);
        QFETCH(bool, expected);
        if (hash.starts_with("cost:")) {
            const int cost = std::stoi(hash.substr(5, 2));
            const std::string ident = hash.size() > 8 ? hash.substr(8) : "2b";
            hash = bcryptHash(cost);
            hash.replace(1, 2, ident);
        }
        auto hashing = pc::PasswordHashing::create(policy());
        QVERIFY(hashing.ok());
        auto flagged = hashing->needsUpdate(hash);
        QVERIFY2(flagged.ok(), flagged.ok() ? "" : flagged.error().message.c_str());
        QCOMPARE(*flagged, expected);
        auto reason = hashing->updateReason(hash);
        QVERIFY(reason.ok());
        QCOMPARE(reason->has_value(), expected);
        if (expected) {
            QVERIFY(!(*reason)->empty());
        }
    }

    void needsUpdateRefusesUnacceptedSchemes_data()
    {
        QTest::addColumn<std::string>("hash");
        QTest::addColumn<std::string>("code");
        QTest::newRow("bcrypt under an argon2id-only policy")
            << "$2b$12$cVWp4XaNU8a4v1uMRum2SO026BWLIoQMD/TXg5uZV.0P.uO8m3YEm"s
            << "scheme-not-accepted"s;
        QTest::newRow("pbkdf2_sha512 under an argon2id-only policy")
            << "$pbkdf2-sha512$1000" + kPbkdf2Tail << "scheme-not-accepted"s;
        QTest::newRow("argon2i") << "$argon2i$v=19$m=19456,t=2,p=1" + kArgon2Tail << "unsupported-hash"s;
        QTest::newRow("malformed argon2id") << "$argon2id$v=19$m=19456,t=2" + kArgon2Tail << "malformed-hash"s;
        QTest::newRow("plain text") << "password"s
                                    << "unknown-hash"s;
    }
    void needsUpdateRefusesUnacceptedSchemes()
    {
        QFETCH(std::string, hash);
        QFETCH(std::string, code);
        auto hashing = pc::PasswordHashing::create(policyFor(pc::PasswordScheme::Argon2id));
        QVERIFY(hashing.ok());
        auto flagged = hashing->needsUpdate(hash);
        QVERIFY(!flagged.ok());
        QCOMPARE(flagged.error().code, code);
    }

    void verifies_data()
    {
        QTest::addColumn<std::string>("password");
        QTest::addColumn<std::string>("hash");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("needsUpdate");
        QTest::addColumn<std::string>("code");
        // Policy: bcrypt 12, accepting pbkdf2_sha256; the hashes come from passlib 1.7.4.
        QTest::newRow("default scheme, current") << "password"s
                                                 << "cost:12"s << true << false << ""s;
        QTest::newRow("default scheme, weaker") << "password"s
                                                << "cost:10"s << true << true << ""s;
        QTest::newRow("default scheme, wrong password") << "Password"s
                                                        << "cost:12"s << false << false << "mismatch"s;
        QTest::newRow("accepted, deprecated scheme")
            << "password"s
            << "$pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg$hRRjgXWkW8ResfIvBP99J/T4vkgEmMRV/0tJTOjR59I"s << true << true
            << ""s;
        QTest::newRow("accepted scheme, wrong password")
            << "passwort"s
            << "$pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg$hRRjgXWkW8ResfIvBP99J/T4vkgEmMRV/0tJTOjR59I"s << false
            << false << "mismatch"s;
        QTest::newRow("scheme not accepted")
            << "password"s
            << "$scrypt$ln=10,r=8,p=1$MDEyMzQ1Njc4OWFiY2RlZg$ZEBCzLptWM7dhpNJDU2HbQ945ovKHmVEozHkePPbSqw"s << false
            << false << "scheme-not-accepted"s;
        QTest::newRow("malformed") << "password"s
                                   << "$2b$12$short"s << false << false << "malformed-hash"s;
        QTest::newRow("unknown format") << "password"s
                                        << "5f4dcc3b5aa765d61d8327deb882cf99"s << false << false << "unknown-hash"s;
        QTest::newRow("over 72 bytes under refuse")
            << std::string(73, 'a') << "cost:12"s << false << false << "password-too-long"s;
    }
    void verifies()
    {
        QFETCH(std::string, password);
        QFETCH(std::string, hash);
        QFETCH(bool, ok);
        QFETCH(bool, needsUpdate);
        QFETCH(std::string, code);
        if (hash.starts_with("cost:")) {
            hash = bcryptHash(std::stoi(hash.substr(5)));
        }
        auto policy = policyFor(pc::PasswordScheme::Bcrypt);
        policy.accept = {pc::PasswordScheme::Pbkdf2Sha256};
        const pc::PasswordCheck check = pc::verifyPassword(policy, password, hash);
        QCOMPARE(check.ok, ok);
        QCOMPARE(check.needsUpdate, needsUpdate);
        QCOMPARE(check.code, code);
        QCOMPARE(check.reason.empty(), ok && !needsUpdate);
        QVERIFY(!check.newHash.has_value());
    }

    void verifyAndUpdate_data()
    {
        QTest::addColumn<std::string>("password");
        QTest::addColumn<std::string>("hash");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("rehashed");
        QTest::newRow("weaker bcrypt is rehashed at cost 12") << "password"s
                                                              << "cost:10"s << true << true;
        QTest::newRow("current bcrypt is kept") << "password"s
                                                << "cost:12"s << true << false;
        QTest::newRow("stronger bcrypt is kept") << "password"s
                                                 << "cost:14"s << true << false;
        QTest::newRow("wrong password: no new hash") << "nope"s
                                                     << "cost:10"s << false << false;
        QTest::newRow("deprecated pbkdf2 is moved to bcrypt")
            << "password"s
            << "$pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg$hRRjgXWkW8ResfIvBP99J/T4vkgEmMRV/0tJTOjR59I"s << true
            << true;
    }
    void verifyAndUpdate()
    {
        QFETCH(std::string, password);
        QFETCH(std::string, hash);
        QFETCH(bool, ok);
        QFETCH(bool, rehashed);
        if (hash.starts_with("cost:")) {
            hash = bcryptHash(std::stoi(hash.substr(5)));
        }
        auto policy = policyFor(pc::PasswordScheme::Bcrypt);
        policy.accept = {pc::PasswordScheme::Pbkdf2Sha256};
        auto hashing = pc::PasswordHashing::create(policy);
        QVERIFY(hashing.ok());
        const pc::PasswordCheck check = hashing->verifyAndUpdate(password, hash);
        QCOMPARE(check.ok, ok);
        QCOMPARE(check.newHash.has_value(), rehashed);
        if (rehashed) {
            QVERIFY(check.newHash->starts_with("$2b$12$"));
            const pc::PasswordCheck again = hashing->verify(password, *check.newHash);
            QVERIFY(again.ok);
            QVERIFY(!again.needsUpdate);
        }
    }

    void verifyAndUpdateKeepsLoginWhenRehashFails()
    {
        // An 80-byte password stored as pbkdf2 verifies, but the new default (bcrypt,
        // refusing long passwords) cannot take it: the login succeeds, the upgrade waits.
        const std::string password(80, 'p');
        auto legacy = policyFor(pc::PasswordScheme::Pbkdf2Sha256);
        legacy.pbkdf2Sha256Iterations = 1000;
        auto stored = pc::hashPassword(legacy, password);
        QVERIFY(stored.ok());
        auto policy = policyFor(pc::PasswordScheme::Bcrypt);
        policy.bcryptRounds = 4;
        policy.accept = {pc::PasswordScheme::Pbkdf2Sha256};
        auto hashing = pc::PasswordHashing::create(policy);
        QVERIFY(hashing.ok());
        const pc::PasswordCheck check = hashing->verifyAndUpdate(password, stored->hash);
        QVERIFY(check.ok);
        QVERIFY(check.needsUpdate);
        QVERIFY(!check.newHash);
        QCOMPARE(check.warnings.size(), std::size_t(1));
    }

    void hashUsesTheDefaultScheme_data()
    {
        QTest::addColumn<int>("scheme");
        QTest::addColumn<std::string>("prefix");
        QTest::newRow("bcrypt") << int(pc::PasswordScheme::Bcrypt) << "$2b$04$"s;
        QTest::newRow("argon2id") << int(pc::PasswordScheme::Argon2id) << "$argon2id$v=19$m=64,t=1,p=1$"s;
        QTest::newRow("scrypt") << int(pc::PasswordScheme::Scrypt) << "$scrypt$ln=8,r=8,p=1$"s;
        QTest::newRow("pbkdf2_sha256") << int(pc::PasswordScheme::Pbkdf2Sha256) << "$pbkdf2-sha256$1000$"s;
        QTest::newRow("pbkdf2_sha512") << int(pc::PasswordScheme::Pbkdf2Sha512) << "$pbkdf2-sha512$2000$"s;
    }
    void hashUsesTheDefaultScheme()
    {
        QFETCH(int, scheme);
        QFETCH(std::string, prefix);
        pc::PasswordPolicy policy;
        policy.scheme = pc::PasswordScheme(scheme);
        policy.accept = {pc::PasswordScheme::Bcrypt, pc::PasswordScheme::Argon2id};
        policy.bcryptRounds = 4;
        policy.argon2MemoryKib = 64;
        policy.argon2TimeCost = 1;
        policy.scryptLogN = 8;
        policy.pbkdf2Sha256Iterations = 1000;
        policy.pbkdf2Sha512Iterations = 2000;
        auto made = pc::hashPassword(policy, "password");
        QVERIFY(made.ok());
        QVERIFY2(made->hash.starts_with(prefix), made->hash.c_str());
        const pc::PasswordCheck check = pc::verifyPassword(policy, "password", made->hash);
        QVERIFY(check.ok);
        QVERIFY(!check.needsUpdate);
    }

    void createReportsEveryBadScheme()
    {
        pc::PasswordPolicy policy;
        policy.scheme = pc::PasswordScheme::Argon2id;
        policy.accept = {pc::PasswordScheme::Bcrypt, pc::PasswordScheme::Pbkdf2Sha512, pc::PasswordScheme::Bcrypt};
        policy.argon2MemoryKib = 4;
        policy.bcryptRounds = 40;
        auto hashing = pc::PasswordHashing::create(policy);
        QVERIFY(!hashing.ok());
        QCOMPARE(hashing.errors().size(), std::size_t(2));
        QCOMPARE(hashing.errors()[0].pointer, "/auth/passwords/argon2id/memory_kib"s);
        QCOMPARE(hashing.errors()[1].pointer, "/auth/passwords/bcrypt/rounds"s);
        const pc::PasswordCheck check = pc::verifyPassword(policy, "password", "$2b$04$x");
        QVERIFY(!check.ok);
        QCOMPARE(check.code, "parameters-out-of-range"s);
    }

    void acceptsOnlyListedSchemes()
    {
        pc::PasswordPolicy policy;
        policy.scheme = pc::PasswordScheme::Scrypt;
        policy.accept = {pc::PasswordScheme::Pbkdf2Sha512};
        auto hashing = pc::PasswordHashing::create(policy);
        QVERIFY(hashing.ok());
        QCOMPARE(hashing->defaultScheme(), pc::PasswordScheme::Scrypt);
        QVERIFY(hashing->accepts(pc::PasswordScheme::Scrypt));
        QVERIFY(hashing->accepts(pc::PasswordScheme::Pbkdf2Sha512));
        QVERIFY(!hashing->accepts(pc::PasswordScheme::Pbkdf2Sha256));
        QVERIFY(!hashing->accepts(pc::PasswordScheme::Bcrypt));
        QVERIFY(!hashing->accepts(pc::PasswordScheme::Argon2id));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHashing)
#include "TestPasswordHashing.moc"
