// SPDX-License-Identifier: Apache-2.0
// The `token` and `hash` verbs against the Python stack engineers deploy:
// tokens from `token issue` verify under PyJWT and PyJWT's under `token
// verify`; crafted attack tokens are refused with a reason; bcrypt hashes go
// both ways between `hash make|verify` and passlib.
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace std::string_literals;
using pc::test::ProcessResult;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");

QString tutorialPolicy()
{
    return QString::fromStdString(pc::test::sourcePath("resources/examples/fastapi-tutorial.json"));
}

std::string base64Url(const std::string& text)
{
    return QByteArray::fromStdString(text)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
        .toStdString();
}

} // namespace

class TestCliAuthVerbs final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    bool m_havePyJwt = false;
    bool m_havePasslib = false;

    ProcessResult cli(const QStringList& args, const std::string& input = {})
    {
        return pc::test::runProcess(pc::test::cliPath(), args, input, m_env, m_dir.path());
    }
    ProcessResult python(const std::string& script, const QStringList& args = {})
    {
        return pc::test::runProcess(kPython, QStringList{QStringLiteral("-c"), QString::fromStdString(script)} + args,
                                    {}, m_env);
    }
    std::string pyJwtToken(const std::string& claims)
    {
        const ProcessResult r = python("import jwt,os,sys,time,json; c=json.loads(sys.argv[1]); now=int(time.time())\n"
                                       "c={k:(now+v if k in ('exp','nbf','iat') else v) for k,v in c.items()}\n"
                                       "print(jwt.encode(c, os.environ['SECRET_KEY'], algorithm='HS256'))",
                                       {QString::fromStdString(claims)});
        return r.exitCode == 0 ? r.out.substr(0, r.out.find('\n')) : std::string();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (!QFile::exists(pc::test::cliPath())) {
            QSKIP("portcullis-cli is not built; build the 'portcullis-cli' target");
        }
        const ProcessResult key =
            cli({QStringLiteral("token"), QStringLiteral("keygen"), QStringLiteral("--alg"), QStringLiteral("HS256")});
        QCOMPARE(key.exitCode, 0);
        m_env.insert(QStringLiteral("SECRET_KEY"), QString::fromStdString(key.out).trimmed());
        m_havePyJwt = QFile::exists(kPython) && python("import jwt").exitCode == 0;
        m_havePasslib = QFile::exists(kPython) && python("import passlib.hash").exitCode == 0;
    }

    void keygenWritesPrivateFiles()
    {
        const QString file = m_dir.filePath(QStringLiteral("hs.key"));
        const ProcessResult r = cli({QStringLiteral("token"), QStringLiteral("keygen"), QStringLiteral("--alg"),
                                     QStringLiteral("HS512"), QStringLiteral("-o"), file});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.find("wrote secret") != std::string::npos, r.out.c_str());
        struct stat info {};
        QCOMPARE(::stat(file.toLocal8Bit().constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().size(), 86); // 64 random bytes in base64url
    }

    void issuedTokenVerifiesUnderPyJwt()
    {
        if (!m_havePyJwt) {
            QSKIP("PyJWT is not importable by /usr/bin/python3 (Debian package python3-jwt)");
        }
        const ProcessResult issued = cli({QStringLiteral("token"), QStringLiteral("issue"), QStringLiteral("--policy"),
                                          tutorialPolicy(), QStringLiteral("--claim"), QStringLiteral("sub=alice"),
                                          QStringLiteral("--claim"), QStringLiteral("role=admin")});
        QVERIFY2(issued.exitCode == 0, issued.err.c_str());
        const std::string token = issued.out.substr(0, issued.out.find('\n'));
        const ProcessResult decoded =
            python("import jwt,os,sys\nc=jwt.decode(sys.argv[1], os.environ['SECRET_KEY'], algorithms=['HS256'])\n"
                   "print(c['sub'], c['role'], c['exp']-c['iat'])",
                   {QString::fromStdString(token)});
        QVERIFY2(decoded.exitCode == 0, decoded.err.c_str());
        QCOMPARE(decoded.out, "alice admin 900\n"s); // the tutorial's 15-minute access tokens
    }

    void pyJwtTokenVerifiesUnderCli()
    {
        if (!m_havePyJwt) {
            QSKIP("PyJWT is not importable by /usr/bin/python3 (Debian package python3-jwt)");
        }
        const std::string token = pyJwtToken("{\"sub\": \"bob\", \"exp\": 600}");
        QVERIFY(!token.empty());
        const ProcessResult r = cli({QStringLiteral("token"), QStringLiteral("verify"), QStringLiteral("--policy"),
                                     tutorialPolicy(), QString::fromStdString(token)});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        QVERIFY2(r.out.find("\"sub\": \"bob\"") != std::string::npos, r.out.c_str());
    }

    void attackTokensAreRefusedWithAReason_data()
    {
        QTest::addColumn<std::string>("kind");
        QTest::addColumn<std::string>("code");
        QTest::newRow("alg none") << "none"s
                                  << "alg-none"s;
        QTest::newRow("alg None casing") << "None"s
                                         << "alg-none"s;
        QTest::newRow("expired by PyJWT's clock") << "expired"s
                                                  << "expired"s;
        QTest::newRow("payload swapped after signing") << "tampered"s
                                                       << "bad-signature"s;
        QTest::newRow("signature removed") << "stripped"s
                                           << "empty-signature"s;
        QTest::newRow("signed with another secret") << "foreign"s
                                                    << "bad-signature"s;
    }
    void attackTokensAreRefusedWithAReason()
    {
        if (!m_havePyJwt) {
            QSKIP("PyJWT is not importable by /usr/bin/python3 (Debian package python3-jwt)");
        }
        QFETCH(std::string, kind);
        QFETCH(std::string, code);
        const std::string good = pyJwtToken("{\"sub\": \"bob\", \"exp\": 600}");
        const std::string header = good.substr(0, good.find('.'));
        const std::string signature = good.substr(good.rfind('.') + 1);
        std::string token;
        if (kind == "none" || kind == "None") {
            token =
                base64Url("{\"alg\":\"" + kind + "\",\"typ\":\"JWT\"}") + "." + base64Url("{\"sub\":\"admin\"}") + ".";
        } else if (kind == "expired") {
            token = pyJwtToken("{\"sub\": \"bob\", \"exp\": -3600}");
        } else if (kind == "tampered") {
            token = header + "." + base64Url("{\"sub\":\"admin\",\"exp\":9999999999}") + "." + signature;
        } else if (kind == "stripped") {
            token = good.substr(0, good.rfind('.') + 1);
        } else {
            const ProcessResult r = python("import jwt,time\nprint(jwt.encode({'sub':'bob','exp':int(time.time())+600},"
                                           " 'another-secret-that-is-long-enough-32b', algorithm='HS256'))");
            token = r.out.substr(0, r.out.find('\n'));
        }
        const ProcessResult r = cli({QStringLiteral("token"), QStringLiteral("verify"), QStringLiteral("--policy"),
                                     tutorialPolicy(), QString::fromStdString(token)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.starts_with("token refused: " + code + ": "), r.err.c_str());
        QVERIFY(r.out.empty());
    }

    void asymmetricKeyFromFileInteroperates()
    {
        if (!m_havePyJwt) {
            QSKIP("PyJWT is not importable by /usr/bin/python3 (Debian package python3-jwt)");
        }
        const ProcessResult key = cli({QStringLiteral("token"), QStringLiteral("keygen"), QStringLiteral("--alg"),
                                       QStringLiteral("ES256"), QStringLiteral("-o"), QStringLiteral("es.pem")});
        QVERIFY2(key.exitCode == 0, key.err.c_str());
        QFile policy(m_dir.filePath(QStringLiteral("es-policy.json")));
        QVERIFY(policy.open(QIODevice::WriteOnly));
        policy.write(
            "{\"portcullis\": 1, \"name\": \"es\", \"auth\": {\"jwt\": {\"algorithms\": [\"ES256\"],\n            "
            "\"key\": {\"file\": \"es.pem\"}, \"issuer\": \"https://issuer.test\", \"audience\": [\"api\"]}}}");
        policy.close();
        const ProcessResult issued = cli({QStringLiteral("token"), QStringLiteral("issue"), QStringLiteral("--policy"),
                                          policy.fileName(), QStringLiteral("--claim"), QStringLiteral("sub=carol")});
        QVERIFY2(issued.exitCode == 0, issued.err.c_str());
        const ProcessResult checked =
            python("import jwt,sys\nk=open(sys.argv[2]).read()\n"
                   "c=jwt.decode(sys.argv[1], k, algorithms=['ES256'], audience='api', issuer='https://issuer.test')\n"
                   "print(c['sub'])",
                   {QString::fromStdString(issued.out.substr(0, issued.out.find('\n'))),
                    m_dir.filePath(QStringLiteral("es.pem.pub"))});
        QVERIFY2(checked.exitCode == 0, checked.err.c_str());
        QCOMPARE(checked.out, "carol\n"s);
    }

    void bcryptHashesGoBothWaysWithPasslib()
    {
        if (!m_havePasslib) {
            QSKIP("passlib is not importable by /usr/bin/python3 (Debian package python3-passlib)");
        }
        const ProcessResult made =
            cli({QStringLiteral("hash"), QStringLiteral("make"), QStringLiteral("--policy"), tutorialPolicy()},
                "correct horse battery staple\n");
        QVERIFY2(made.exitCode == 0, made.err.c_str());
        const std::string ours = made.out.substr(0, made.out.find('\n'));
        QVERIFY2(ours.starts_with("$2b$12$"), ours.c_str()); // the tutorial's 12 rounds
        const ProcessResult passlibChecks =
            python("from passlib.hash import bcrypt\nimport sys\nprint(bcrypt.verify('correct horse battery staple', "
                   "sys.argv[1]),"
                   " bcrypt.verify('wrong', sys.argv[1]))",
                   {QString::fromStdString(ours)});
        QCOMPARE(passlibChecks.out, "True False\n"s);

        const ProcessResult theirs =
            python("from passlib.hash import bcrypt\nprint(bcrypt.using(rounds=12).hash('s3cret'))");
        const QString passlibHash = QString::fromStdString(theirs.out).trimmed();
        QVERIFY(passlibHash.startsWith(QStringLiteral("$2b$12$")));
        const ProcessResult ok = cli({QStringLiteral("hash"), QStringLiteral("verify"), QStringLiteral("--policy"),
                                      tutorialPolicy(), passlibHash},
                                     "s3cret\n");
        QCOMPARE(ok.exitCode, 0);
        QCOMPARE(ok.out, "ok\n"s);
        const ProcessResult wrong = cli({QStringLiteral("hash"), QStringLiteral("verify"), QStringLiteral("--policy"),
                                         tutorialPolicy(), passlibHash},
                                        "s3cret!\n");
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.starts_with("no match: mismatch: "), wrong.err.c_str());
    }

    void weakerPasslibHashNeedsUpdate()
    {
        if (!m_havePasslib) {
            QSKIP("passlib is not importable by /usr/bin/python3 (Debian package python3-passlib)");
        }
        const ProcessResult theirs =
            python("from passlib.hash import bcrypt\nprint(bcrypt.using(rounds=10).hash('pw'))");
        const ProcessResult r = cli({QStringLiteral("hash"), QStringLiteral("verify"), QStringLiteral("--policy"),
                                     tutorialPolicy(), QString::fromStdString(theirs.out).trimmed()},
                                    "pw\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.find("needs update: ") != std::string::npos, r.err.c_str());
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("token without sub-verb") << QStringList{QStringLiteral("token")};
        QTest::newRow("issue without policy") << QStringList{QStringLiteral("token"), QStringLiteral("issue")};
        QTest::newRow("keygen without alg") << QStringList{QStringLiteral("token"), QStringLiteral("keygen")};
        QTest::newRow("verify with a bad time") << QStringList{
            QStringLiteral("token"), QStringLiteral("verify"),    QStringLiteral("--policy"), QStringLiteral("p.json"),
            QStringLiteral("--at"),  QStringLiteral("yesterday"), QStringLiteral("t")};
        QTest::newRow("hash with policy and scheme")
            << QStringList{QStringLiteral("hash"),   QStringLiteral("make"),     QStringLiteral("--policy"),
                           QStringLiteral("p.json"), QStringLiteral("--scheme"), QStringLiteral("bcrypt")};
        QTest::newRow("unknown scheme") << QStringList{QStringLiteral("hash"), QStringLiteral("make"),
                                                       QStringLiteral("--scheme"), QStringLiteral("md5")};
    }
    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QCOMPARE(cli(args).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliAuthVerbs)
#include "TestCliAuthVerbs.moc"
