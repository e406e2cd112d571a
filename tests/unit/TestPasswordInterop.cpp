// SPDX-License-Identifier: Apache-2.0
// Interoperability with passlib 1.7.4 (Debian python3-passlib, python3-bcrypt,
// python3-argon2) under /usr/bin/python3, both ways: our hashes verify under
// passlib, passlib's verify under us, and passlib's CryptContext.needs_update /
// verify_and_update agree with ours wherever the semantics coincide. One python
// process serves every row; passwords reach it base64-encoded on stdin.
#include "auth/PasswordHasher.h"
#include "auth/PasswordHashing.h"
#include "policy/PolicyEnums.h"

#include "PasswordTestSupport.h"
#include "TestSupport.h"

#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include <nlohmann/json.hpp>

#include <functional>

using namespace std::string_literals;
using nlohmann::json;

namespace {

using PolicyEdit = std::function<void(pc::PasswordPolicy&)>;

std::string b64(const std::string& bytes)
{
    const QByteArray encoded = QByteArray(bytes.data(), qsizetype(bytes.size())).toBase64();
    return encoded.toStdString();
}

// Cheap parameters for most rows; the "OWASP defaults" rows use PasswordPolicy's own.
pc::PasswordPolicy cheapPolicy(pc::PasswordScheme scheme)
{
    return pc::test::cheapPasswordPolicy(scheme, 5);
}

const char* passlibName(pc::PasswordScheme scheme)
{
    switch (scheme) {
    case pc::PasswordScheme::Bcrypt:
        return "bcrypt";
    case pc::PasswordScheme::Argon2id:
        return "argon2";
    case pc::PasswordScheme::Scrypt:
        return "scrypt";
    case pc::PasswordScheme::Pbkdf2Sha256:
        return "pbkdf2_sha256";
    case pc::PasswordScheme::Pbkdf2Sha512:
        return "pbkdf2_sha512";
    }
    return "";
}

// The CryptContext that means what our policy means (tokens.md §5.4): the default
// scheme first, every other accepted one deprecated, min_rounds = our minimum
// (never max_rounds = default rounds unless the policy sets a maximum).
json passlibContext(const pc::PasswordPolicy& p)
{
    json schemes = json::array({passlibName(p.scheme)});
    for (const auto s : p.accept) {
        if (s != p.scheme) {
            schemes.push_back(passlibName(s));
        }
    }
    json c = {{"schemes", schemes}, {"deprecated", "auto"}};
    c["bcrypt__default_rounds"] = p.bcryptRounds;
    c["bcrypt__min_rounds"] = p.bcryptMinRounds.value_or(p.bcryptRounds);
    if (p.bcryptMaxRounds) {
        c["bcrypt__max_rounds"] = *p.bcryptMaxRounds;
    }
    c["argon2__memory_cost"] = p.argon2MemoryKib;
    c["argon2__default_rounds"] = p.argon2TimeCost;
    c["argon2__min_rounds"] = p.argon2TimeCost;
    c["argon2__parallelism"] = p.argon2Parallelism;
    c["argon2__digest_size"] = 32;
    c["scrypt__default_rounds"] = p.scryptLogN;
    c["scrypt__min_rounds"] = p.scryptLogN;
    c["scrypt__block_size"] = p.scryptR;
    c["pbkdf2_sha256__default_rounds"] = p.pbkdf2Sha256Iterations;
    c["pbkdf2_sha256__min_rounds"] = p.pbkdf2Sha256Iterations;
    c["pbkdf2_sha512__default_rounds"] = p.pbkdf2Sha512Iterations;
    c["pbkdf2_sha512__min_rounds"] = p.pbkdf2Sha512Iterations;
    return c;
}

// The passwords every scheme must carry across; NUL only where bcrypt is not involved.
std::vector<std::pair<const char*, std::string>> passwords(pc::PasswordScheme scheme)
{
    std::vector<std::pair<const char*, std::string>> out{
        {"ascii", "correct horse battery staple"},
        {"unicode", "p\xc3\xa4ssw\xc3\xb6rd \xf0\x9f\x94\x91"},
        {"empty", ""},
        {"72 bytes", std::string(72, 'z')},
        {"latin-1 byte", "\xa3"},
    };
    if (scheme != pc::PasswordScheme::Bcrypt) {
        out.emplace_back("NUL inside", "before\0after"s);
        out.emplace_back("1000 bytes", std::string(1000, 'q'));
    }
    return out;
}

// A different password of the same length, so that bcrypt's 72-byte rule does not interfere.
std::string wrongPassword(const std::string& password)
{
    if (password.empty()) {
        return "x";
    }
    std::string wrong = password;
    wrong[0] = char(wrong[0] ^ 0x01);
    return wrong;
}

const std::vector<pc::PasswordScheme> kSchemes{pc::PasswordScheme::Bcrypt, pc::PasswordScheme::Argon2id,
                                               pc::PasswordScheme::Scrypt, pc::PasswordScheme::Pbkdf2Sha256,
                                               pc::PasswordScheme::Pbkdf2Sha512};

} // namespace

class TestPasswordInterop final : public QObject {
    Q_OBJECT

    QProcess m_python;
    json m_versions;

    json call(const json& request)
    {
        const std::string line = request.dump() + "\n";
        m_python.write(line.data(), qint64(line.size()));
        while (!m_python.canReadLine()) {
            if (!m_python.waitForReadyRead(120'000)) {
                // The last line of a Python traceback names the error.
                const QByteArray err = m_python.readAllStandardError().trimmed().split('\n').last();
                return {{"ok", false}, {"error", "no answer from the passlib bridge: " + err.toStdString()}};
            }
        }
        return json::parse(m_python.readLine().toStdString());
    }

    // passlib's result, failing the test when passlib raised.
    json passlib(const json& request)
    {
        const json reply = call(request);
        if (!reply.at("ok").get<bool>()) {
            qWarning("passlib failed on %s: %s", request.at("op").get<std::string>().c_str(),
                     reply.at("error").get<std::string>().c_str());
            return nullptr;
        }
        return reply.at("result");
    }

    bool skipArgon2(pc::PasswordScheme scheme) const
    {
        return scheme == pc::PasswordScheme::Argon2id && m_versions.value("argon2_cffi", json()).is_null();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString python = QStringLiteral("/usr/bin/python3");
        if (!QFileInfo::exists(python)) {
            QSKIP("/usr/bin/python3 is absent; install python3 python3-passlib python3-bcrypt python3-argon2");
        }
        m_python.setProgram(python);
        m_python.setArguments({QString::fromStdString(pc::test::sourcePath("tests/data/passwords/passlib_bridge.py"))});
        m_python.start();
        QVERIFY(m_python.waitForStarted());
        const json reply = call({{"op", "versions"}});
        if (!reply.value("ok", false)) {
            const QString why = QString::fromStdString(reply.value("error", ""s));
            QSKIP(qPrintable(QStringLiteral("passlib is not importable under /usr/bin/python3 (%1); install "
                                            "python3-passlib python3-bcrypt python3-argon2")
                                 .arg(why)));
        }
        m_versions = reply.at("result");
        qInfo("peer: %s", m_versions.dump().c_str());
    }

    void cleanupTestCase()
    {
        if (m_python.state() != QProcess::NotRunning) {
            m_python.closeWriteChannel();
            m_python.waitForFinished(10'000);
        }
    }

    void oursVerifyUnderPasslib_data()
    {
        QTest::addColumn<pc::PasswordScheme>("scheme");
        QTest::addColumn<bool>("owaspDefaults");
        QTest::addColumn<std::string>("password");
        for (const auto scheme : kSchemes) {
            const std::string name(pc::enumName(scheme));
            for (const auto& [label, password] : passwords(scheme)) {
                QTest::addRow("%s %s", name.c_str(), label) << scheme << false << password;
            }
            QTest::addRow("%s OWASP defaults", name.c_str()) << scheme << true << "correct horse battery staple"s;
        }
    }
    void oursVerifyUnderPasslib()
    {
        QFETCH(pc::PasswordScheme, scheme);
        QFETCH(bool, owaspDefaults);
        QFETCH(std::string, password);
        if (skipArgon2(scheme)) {
            QSKIP("argon2-cffi (python3-argon2) is absent");
        }
        pc::PasswordPolicy policy = owaspDefaults ? pc::PasswordPolicy{} : cheapPolicy(scheme);
        policy.scheme = scheme;
        auto made = pc::hashPassword(policy, password);
        QVERIFY2(made.ok(), made.ok() ? "" : made.error().message.c_str());
        const std::string name(pc::enumName(scheme));
        QCOMPARE(
            passlib({{"op", "verify"}, {"scheme", name}, {"password", b64(password)}, {"hash", made->hash}}).dump(),
            json(true).dump());
        QCOMPARE(
            passlib(
                {{"op", "verify"}, {"scheme", name}, {"password", b64(wrongPassword(password))}, {"hash", made->hash}})
                .dump(),
            json(false).dump());
    }

    void passlibVerifiesUnderUs_data()
    {
        QTest::addColumn<pc::PasswordScheme>("scheme");
        QTest::addColumn<std::string>("settings"); // passlib .using() keywords, as JSON
        QTest::addColumn<std::string>("password");
        const json cheap = {
            {"bcrypt", {{"rounds", 5}}},
            {"argon2id", {{"memory_cost", 64}, {"rounds", 1}, {"parallelism", 2}, {"digest_size", 32}}},
            {"scrypt", {{"rounds", 10}}},
            {"pbkdf2_sha256", {{"rounds", 1000}}},
            {"pbkdf2_sha512", {{"rounds", 1000}}},
        };
        for (const auto scheme : kSchemes) {
            const std::string name(pc::enumName(scheme));
            for (const auto& [label, password] : passwords(scheme)) {
                QTest::addRow("%s %s", name.c_str(), label) << scheme << cheap.at(name).dump() << password;
            }
            // passlib's own defaults: bcrypt 12, argon2 m=102400 t=2 p=8 with a 16-byte tag,
            // scrypt ln=16, pbkdf2_sha256 29000, pbkdf2_sha512 25000.
            QTest::addRow("%s passlib defaults", name.c_str()) << scheme << "{}"s
                                                               << "hunter2"s;
        }
        QTest::newRow("bcrypt $2y$ from passlib")
            << pc::PasswordScheme::Bcrypt << json{{"rounds", 5}, {"ident", "2y"}}.dump() << "hunter2"s;
        QTest::newRow("bcrypt $2a$ from passlib")
            << pc::PasswordScheme::Bcrypt << json{{"rounds", 5}, {"ident", "2a"}}.dump() << "hunter2"s;
        QTest::newRow("scrypt r=4 p=2 from passlib")
            << pc::PasswordScheme::Scrypt << json{{"rounds", 10}, {"block_size", 4}, {"parallelism", 2}}.dump()
            << "hunter2"s;
        QTest::newRow("pbkdf2_sha256 with a 64-byte salt")
            << pc::PasswordScheme::Pbkdf2Sha256 << json{{"rounds", 1000}, {"salt_size", 64}}.dump() << "hunter2"s;
    }
    void passlibVerifiesUnderUs()
    {
        QFETCH(pc::PasswordScheme, scheme);
        QFETCH(std::string, settings);
        QFETCH(std::string, password);
        if (skipArgon2(scheme)) {
            QSKIP("argon2-cffi (python3-argon2) is absent");
        }
        const json hash = passlib({{"op", "hash"},
                                   {"scheme", std::string(pc::enumName(scheme))},
                                   {"using", json::parse(settings)},
                                   {"password", b64(password)}});
        QVERIFY(hash.is_string());
        auto policy = cheapPolicy(scheme);
        const pc::PasswordCheck good = pc::verifyPassword(policy, password, hash.get<std::string>());
        QVERIFY2(good.ok, (hash.get<std::string>() + ": " + good.reason).c_str());
        const pc::PasswordCheck bad = pc::verifyPassword(policy, wrongPassword(password), hash.get<std::string>());
        QVERIFY(!bad.ok);
        QCOMPARE(bad.code, "mismatch"s);
    }

    void bcryptLongPasswordRules_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<bool>("passlibTruncateError");
        QTest::addColumn<pc::LongPasswordPolicy>("ours");
        QTest::addColumn<bool>("hashes"); // both sides hash (else both refuse)
        QTest::newRow("72 bytes, refusing on both sides") << 72 << true << pc::LongPasswordPolicy::Refuse << true;
        QTest::newRow("73 bytes, refusing on both sides") << 73 << true << pc::LongPasswordPolicy::Refuse << false;
        QTest::newRow("80 bytes, truncating on both sides") << 80 << false << pc::LongPasswordPolicy::Truncate << true;
    }
    void bcryptLongPasswordRules()
    {
        QFETCH(int, length);
        QFETCH(bool, passlibTruncateError);
        QFETCH(pc::LongPasswordPolicy, ours);
        QFETCH(bool, hashes);
        const std::string password(std::size_t(length), 'L');
        auto policy = cheapPolicy(pc::PasswordScheme::Bcrypt);
        policy.bcryptLongPasswords = ours;
        const json theirs = call({{"op", "hash"},
                                  {"scheme", "bcrypt"},
                                  {"using", {{"rounds", 5}, {"truncate_error", passlibTruncateError}}},
                                  {"password", b64(password)}});
        auto mine = pc::hashPassword(policy, password);
        QCOMPARE(theirs.at("ok").get<bool>(), hashes);
        QCOMPARE(mine.ok(), hashes);
        if (!hashes) {
            QVERIFY(theirs.at("error").get<std::string>().starts_with("PasswordTruncateError"));
            QCOMPARE(mine.error().code, "password-too-long"s);
            return;
        }
        QVERIFY(pc::verifyPassword(policy, password, theirs.at("result").get<std::string>()).ok);
        QCOMPARE(
            passlib({{"op", "verify"}, {"scheme", "bcrypt"}, {"password", b64(password)}, {"hash", mine->hash}}).dump(),
            json(true).dump());
        // Truncation is the same on both sides: the first 72 bytes decide.
        QVERIFY(pc::verifyPassword(policy, password.substr(0, 72), theirs.at("result").get<std::string>()).ok);
    }

    void needsUpdateAgrees_data()
    {
        QTest::addColumn<PolicyEdit>("edit");
        QTest::addColumn<std::string>("hash");
        QTest::addColumn<bool>("expected");
        const std::string tail53 = "cVWp4XaNU8a4v1uMRum2SO026BWLIoQMD/TXg5uZV.0P.uO8m3YEm";
        const std::string argon2Tail = "$c2FsdHNhbHRzYWx0c2FsdA$3BOqM1/eKfM9KyWxiKNUtqMdcJn/4X4AKg/zGQjZwyk";
        const std::string scryptTail = "$MDEyMzQ1Njc4OWFiY2RlZg$ZEBCzLptWM7dhpNJDU2HbQ945ovKHmVEozHkePPbSqw";
        const std::string pbkdf2Tail = "$MDEyMzQ1Njc4OWFiY2RlZg$hRRjgXWkW8ResfIvBP99J/T4vkgEmMRV/0tJTOjR59I";
        using P = pc::PasswordPolicy&;
        const PolicyEdit bcrypt12 = [](P p) {
            p.scheme = pc::PasswordScheme::Bcrypt;
            p.bcryptRounds = 12;
        };
        QTest::newRow("bcrypt 12: cost 10") << bcrypt12 << "$2b$10$" + tail53 << true;
        QTest::newRow("bcrypt 12: cost 12") << bcrypt12 << "$2b$12$" + tail53 << false;
        QTest::newRow("bcrypt 12: cost 14, no trap") << bcrypt12 << "$2b$14$" + tail53 << false;
        QTest::newRow("bcrypt 12: $2y$ cost 12") << bcrypt12 << "$2y$12$" + tail53 << false;
        QTest::newRow("bcrypt 12: $2a$ cost 12") << bcrypt12 << "$2a$12$" + tail53 << false;
        QTest::newRow("bcrypt 12: $2a$ with salt padding bits set")
            << bcrypt12 << "$2a$12$cVWp4XaNU8a4v1uMRum2SP026BWLIoQMD/TXg5uZV.0P.uO8m3YEm"s << true;
        const PolicyEdit pinned = [](P p) {
            p.scheme = pc::PasswordScheme::Bcrypt;
            p.bcryptRounds = 12;
            p.bcryptMinRounds = 12;
            p.bcryptMaxRounds = 12;
        };
        QTest::newRow("bcrypt 12 pinned (passlib bcrypt__rounds=12): cost 10") << pinned << "$2b$10$" + tail53 << true;
        QTest::newRow("bcrypt 12 pinned (passlib bcrypt__rounds=12): cost 14") << pinned << "$2b$14$" + tail53 << true;
        const PolicyEdit window = [](P p) {
            p.scheme = pc::PasswordScheme::Bcrypt;
            p.bcryptRounds = 12;
            p.bcryptMinRounds = 10;
            p.bcryptMaxRounds = 13;
        };
        QTest::newRow("bcrypt 12 in 10..13: cost 10") << window << "$2b$10$" + tail53 << false;
        QTest::newRow("bcrypt 12 in 10..13: cost 9") << window << "$2b$09$" + tail53 << true;
        QTest::newRow("bcrypt 12 in 10..13: cost 14") << window << "$2b$14$" + tail53 << true;

        const PolicyEdit argon2 = [](P p) {
            p.scheme = pc::PasswordScheme::Argon2id;
            p.accept = {pc::PasswordScheme::Bcrypt, pc::PasswordScheme::Pbkdf2Sha256};
        };
        QTest::newRow("argon2id default: at the policy")
            << argon2 << "$argon2id$v=19$m=19456,t=2,p=1" + argon2Tail << false;
        QTest::newRow("argon2id default: fewer passes")
            << argon2 << "$argon2id$v=19$m=19456,t=1,p=1" + argon2Tail << true;
        QTest::newRow("argon2id default: less memory")
            << argon2 << "$argon2id$v=19$m=9216,t=2,p=1" + argon2Tail << true;
        QTest::newRow("argon2id default: more passes")
            << argon2 << "$argon2id$v=19$m=19456,t=3,p=1" + argon2Tail << false;
        QTest::newRow("argon2id default: 16-byte tag")
            << argon2 << "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$3BOqM1/eKfM9KyWxiKNUtg"s << true;
        QTest::newRow("argon2id default: deprecated bcrypt") << argon2 << "$2b$14$" + tail53 << true;
        QTest::newRow("argon2id default: deprecated pbkdf2_sha256")
            << argon2 << "$pbkdf2-sha256$900000" + pbkdf2Tail << true;

        const PolicyEdit scrypt = [](P p) { p.scheme = pc::PasswordScheme::Scrypt; };
        QTest::newRow("scrypt 17: ln 16") << scrypt << "$scrypt$ln=16,r=8,p=1" + scryptTail << true;
        QTest::newRow("scrypt 17: ln 17") << scrypt << "$scrypt$ln=17,r=8,p=1" + scryptTail << false;
        QTest::newRow("scrypt 17: ln 18") << scrypt << "$scrypt$ln=18,r=8,p=1" + scryptTail << false;
        QTest::newRow("scrypt 17: r 4") << scrypt << "$scrypt$ln=17,r=4,p=1" + scryptTail << true;

        const PolicyEdit sha256 = [](P p) {
            p.scheme = pc::PasswordScheme::Pbkdf2Sha256;
            p.accept = {pc::PasswordScheme::Pbkdf2Sha512};
        };
        QTest::newRow("pbkdf2_sha256 600000: 29000") << sha256 << "$pbkdf2-sha256$29000" + pbkdf2Tail << true;
        QTest::newRow("pbkdf2_sha256 600000: 599999") << sha256 << "$pbkdf2-sha256$599999" + pbkdf2Tail << true;
        QTest::newRow("pbkdf2_sha256 600000: 600000") << sha256 << "$pbkdf2-sha256$600000" + pbkdf2Tail << false;
        QTest::newRow("pbkdf2_sha256 600000: 1000000") << sha256 << "$pbkdf2-sha256$1000000" + pbkdf2Tail << false;
        QTest::newRow("pbkdf2_sha256 600000: deprecated pbkdf2_sha512")
            << sha256
            << "$pbkdf2-sha512$220000$MDEyMzQ1Njc4OWFiY2RlZg$38DzhdBT7fPaUGBlsh42VTuuKSFAIYGZJ7l6feCDLIl.K3hdPFgxxu7xuUi4gIuH6cEIoODn18xH9Ig2ryNgUw"s
            << true;
    }
    void needsUpdateAgrees()
    {
        QFETCH(PolicyEdit, edit);
        QFETCH(std::string, hash);
        QFETCH(bool, expected);
        pc::PasswordPolicy policy;
        edit(policy);
        if (skipArgon2(policy.scheme)) {
            QSKIP("argon2-cffi (python3-argon2) is absent");
        }
        auto hashing = pc::PasswordHashing::create(policy);
        QVERIFY(hashing.ok());
        auto ours = hashing->needsUpdate(hash);
        QVERIFY2(ours.ok(), ours.ok() ? "" : ours.error().message.c_str());
        const json theirs = passlib({{"op", "needs_update"}, {"context", passlibContext(policy)}, {"hash", hash}});
        QCOMPARE(theirs.dump(), json(expected).dump());
        QCOMPARE(*ours, expected);
    }

    void bothRefuseUnacceptedSchemes()
    {
        const std::string hash =
            "$scrypt$ln=10,r=8,p=1$MDEyMzQ1Njc4OWFiY2RlZg$ZEBCzLptWM7dhpNJDU2HbQ945ovKHmVEozHkePPbSqw";
        auto policy = cheapPolicy(pc::PasswordScheme::Bcrypt);
        policy.accept = {pc::PasswordScheme::Pbkdf2Sha256};
        auto hashing = pc::PasswordHashing::create(policy);
        QVERIFY(hashing.ok());
        auto ours = hashing->needsUpdate(hash);
        QVERIFY(!ours.ok());
        QCOMPARE(ours.error().code, "scheme-not-accepted"s);
        const json theirs = call({{"op", "needs_update"}, {"context", passlibContext(policy)}, {"hash", hash}});
        QVERIFY(!theirs.at("ok").get<bool>());
        QVERIFY(theirs.at("error").get<std::string>().starts_with("UnknownHashError")); // a ValueError
    }

    void verifyAndUpdateAgrees_data()
    {
        QTest::addColumn<pc::PasswordScheme>("stored");
        QTest::addColumn<std::string>("settings"); // passlib .using() keywords, as JSON
        QTest::addColumn<std::string>("attempt");
        QTest::addColumn<bool>("verified");
        QTest::addColumn<bool>("rehashed");
        QTest::newRow("bcrypt cost 4 under 5: rehashed")
            << pc::PasswordScheme::Bcrypt << json{{"rounds", 4}}.dump() << "hunter2"s << true << true;
        QTest::newRow("bcrypt cost 5 under 5: kept")
            << pc::PasswordScheme::Bcrypt << json{{"rounds", 5}}.dump() << "hunter2"s << true << false;
        QTest::newRow("bcrypt cost 6 under 5: kept (no trap)")
            << pc::PasswordScheme::Bcrypt << json{{"rounds", 6}}.dump() << "hunter2"s << true << false;
        QTest::newRow("bcrypt, wrong password")
            << pc::PasswordScheme::Bcrypt << json{{"rounds", 4}}.dump() << "hunter3"s << false << false;
        QTest::newRow("deprecated pbkdf2_sha256: moved to bcrypt")
            << pc::PasswordScheme::Pbkdf2Sha256 << json{{"rounds", 1000}}.dump() << "hunter2"s << true << true;
        QTest::newRow("deprecated pbkdf2_sha256, wrong password")
            << pc::PasswordScheme::Pbkdf2Sha256 << json{{"rounds", 1000}}.dump() << "hunter3"s << false << false;
    }
    void verifyAndUpdateAgrees()
    {
        QFETCH(pc::PasswordScheme, stored);
        QFETCH(std::string, settings);
        QFETCH(std::string, attempt);
        QFETCH(bool, verified);
        QFETCH(bool, rehashed);
        const json hash = passlib({{"op", "hash"},
                                   {"scheme", std::string(pc::enumName(stored))},
                                   {"using", json::parse(settings)},
                                   {"password", b64("hunter2")}});
        QVERIFY(hash.is_string());
        auto policy = cheapPolicy(pc::PasswordScheme::Bcrypt);
        policy.accept = {pc::PasswordScheme::Pbkdf2Sha256};
        auto hashing = pc::PasswordHashing::create(policy);
        QVERIFY(hashing.ok());
        const pc::PasswordCheck ours = hashing->verifyAndUpdate(attempt, hash.get<std::string>());
        const json theirs = passlib({{"op", "verify_and_update"},
                                     {"context", passlibContext(policy)},
                                     {"password", b64(attempt)},
                                     {"hash", hash}});
        QCOMPARE(theirs.at("verified").dump(), json(verified).dump());
        QCOMPARE(!theirs.at("new_hash").is_null(), rehashed);
        QCOMPARE(ours.ok, verified);
        QCOMPARE(ours.newHash.has_value(), rehashed);
        if (rehashed) {
            // Each side's new hash is current for the other.
            QCOMPARE(
                passlib({{"op", "needs_update"}, {"context", passlibContext(policy)}, {"hash", *ours.newHash}}).dump(),
                json(false).dump());
            auto again = hashing->needsUpdate(theirs.at("new_hash").get<std::string>());
            QVERIFY(again.ok());
            QVERIFY(!*again);
            QVERIFY(hashing->verify(attempt, theirs.at("new_hash").get<std::string>()).ok);
        }
    }
};

QTEST_GUILESS_MAIN(TestPasswordInterop)
#include "TestPasswordInterop.moc"
