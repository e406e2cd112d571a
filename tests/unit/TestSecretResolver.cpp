// SPDX-License-Identifier: Apache-2.0
// SecretResolver and DotEnv: environment, dotenv fallback, files, policy
// secrets; errors name the variable or file and never the value.
#include "auth/DotEnv.h"
#include "auth/SecretBytes.h"
#include "auth/SecretResolver.h"

#include "TestSupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace std::string_literals;

namespace {

const std::string kValue = "s3cr3t-value-that-must-never-appear-in-errors";

pc::SecretResolver::Environment fakeEnv(std::map<std::string, std::string> vars)
{
    return [vars = std::move(vars)](const std::string& name) -> std::optional<pc::SecretBytes> {
        const auto it = vars.find(name);
        if (it == vars.end()) {
            return std::nullopt;
        }
        return pc::SecretBytes(it->second);
    };
}

void writeFile(const QString& path, const std::string& content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content.data(), static_cast<qint64>(content.size()));
}

void assertNoValue(const pc::Error& e)
{
    for (const std::string* text : {&e.message, &e.hint, &e.pointer}) {
        QVERIFY2(text->find(kValue) == std::string::npos, text->c_str());
        QVERIFY2(text->find("s3cr3t") == std::string::npos, text->c_str());
    }
}

} // namespace

class TestSecretResolver final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dotenvLookup_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<std::string>("key");
        QTest::addColumn<std::string>("expected"); // "<unset>" when not defined
        QTest::newRow("plain") << "A=1\nSECRET_KEY=abc\n"s
                               << "SECRET_KEY"s
                               << "abc"s;
        QTest::newRow("spaces around =") << "SECRET_KEY = abc  \n"s
                                         << "SECRET_KEY"s
                                         << "abc"s;
        QTest::newRow("export prefix") << "export SECRET_KEY=abc\n"s
                                       << "SECRET_KEY"s
                                       << "abc"s;
        QTest::newRow("comment lines") << "# SECRET_KEY=no\n  # x\nSECRET_KEY=yes\n"s
                                       << "SECRET_KEY"s
                                       << "yes"s;
        QTest::newRow("inline comment") << "SECRET_KEY=abc # the key\n"s
                                        << "SECRET_KEY"s
                                        << "abc"s;
        QTest::newRow("hash without space is data") << "SECRET_KEY=abc#def\n"s
                                                    << "SECRET_KEY"s
                                                    << "abc#def"s;
        QTest::newRow("single quotes are literal") << "SECRET_KEY='a\\nb # c'\n"s
                                                   << "SECRET_KEY"s
                                                   << "a\\nb # c"s;
        QTest::newRow("double quotes with escapes") << "SECRET_KEY=\"a\\nb\\\"c\"\n"s
                                                    << "SECRET_KEY"s
                                                    << "a\nb\"c"s;
        QTest::newRow("multi-line PEM in quotes")
            << "KEY=\"-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\"\nNEXT=1\n"s
            << "KEY"s
            << "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----"s;
        QTest::newRow("last definition wins") << "SECRET_KEY=one\nSECRET_KEY=two\n"s
                                              << "SECRET_KEY"s
                                              << "two"s;
        QTest::newRow("CRLF lines") << "A=1\r\nSECRET_KEY=abc\r\n"s
                                    << "SECRET_KEY"s
                                    << "abc"s;
        QTest::newRow("empty value") << "SECRET_KEY=\n"s
                                     << "SECRET_KEY"s
                                     << ""s;
        QTest::newRow("not defined") << "OTHER=1\n"s
                                     << "SECRET_KEY"s
                                     << "<unset>"s;
        QTest::newRow("prefix is not the key") << "SECRET_KEY_2=x\n"s
                                               << "SECRET_KEY"s
                                               << "<unset>"s;
        QTest::newRow("malformed line skipped") << "this is not a pair\nSECRET_KEY=ok\n"s
                                                << "SECRET_KEY"s
                                                << "ok"s;
        QTest::newRow("no final newline") << "SECRET_KEY=abc"s
                                          << "SECRET_KEY"s
                                          << "abc"s;
    }
    void dotenvLookup()
    {
        QFETCH(std::string, text);
        QFETCH(std::string, key);
        QFETCH(std::string, expected);
        const auto found = pc::DotEnv::lookup(text, key);
        QVERIFY(found.ok());
        QCOMPARE(found->has_value() ? std::string((*found)->view()) : "<unset>"s, expected);
    }

    void dotenvUnterminatedQuote()
    {
        const auto found = pc::DotEnv::lookup("A=1\nSECRET_KEY=\"" + kValue + "\nB=2\n", "SECRET_KEY");
        QVERIFY(!found.ok());
        QCOMPARE(found.error().code, "dotenv-syntax"s);
        QVERIFY(found.error().message.find("Line 2") != std::string::npos);
        assertNoValue(found.error());
    }

    void resolvesInOrder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(QStringLiteral(".env")), "SECRET_KEY=from-dotenv-0123456789-0123456789-0123\n");
        writeFile(dir.filePath(QStringLiteral("key.txt")), "from-file-0123456789-0123456789-012345\n\n");
        const std::string base = dir.path().toStdString();

        pc::SecretRef ref;
        ref.name = "secret_key";
        ref.kind = pc::SecretKind::HmacKey;
        ref.env = "SECRET_KEY";
        ref.dotenv = ".env";
        ref.file = "key.txt";

        const pc::SecretResolver withEnv(base, fakeEnv({{"SECRET_KEY", "from-env-0123456789-0123456789-0123456789"}}));
        QCOMPARE(std::string(withEnv.resolve(ref)->view()), "from-env-0123456789-0123456789-0123456789"s);

        const pc::SecretResolver noEnv(base, fakeEnv({}));
        QCOMPARE(std::string(noEnv.resolve(ref)->view()), "from-dotenv-0123456789-0123456789-0123"s);

        ref.dotenv = "missing.env";
        QCOMPARE(std::string(noEnv.resolve(ref)->view()),
                 "from-file-0123456789-0123456789-012345"s); // newlines stripped

        // Through a policy's secrets list.
        const std::vector<pc::SecretRef> secrets{ref};
        QCOMPARE(std::string(noEnv.resolve(pc::SecretSource{"secret_key", "", ""}, secrets)->view()),
                 "from-file-0123456789-0123456789-012345"s);
        // A direct file source, relative to the base directory.
        QCOMPARE(std::string(noEnv.resolve(pc::SecretSource{"", "", "key.txt"}, {})->view()),
                 "from-file-0123456789-0123456789-012345"s);
        // A direct env source.
        QCOMPARE(std::string(withEnv.resolve(pc::SecretSource{"", "SECRET_KEY", ""}, {})->view()),
                 "from-env-0123456789-0123456789-0123456789"s);
    }

    void processEnvironmentIsTheDefault()
    {
        qputenv("PC_TEST_SECRET_RESOLVER", QByteArray::fromStdString(kValue));
        const pc::SecretResolver resolver;
        QCOMPARE(std::string(resolver.resolve(pc::SecretSource{"", "PC_TEST_SECRET_RESOLVER", ""}, {})->view()),
                 kValue);
        qunsetenv("PC_TEST_SECRET_RESOLVER");
        QCOMPARE(resolver.resolve(pc::SecretSource{"", "PC_TEST_SECRET_RESOLVER", ""}, {}).error().code,
                 "secret-missing"s);
    }

    void errorsNameTheSourceNotTheValue()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral(".env")), "OTHER=" + kValue + "\nSHORT=" + kValue.substr(0, 10) + "\n");
        writeFile(dir.filePath(QStringLiteral("big.bin")), std::string(pc::SecretResolver::kMaxFileBytes + 1, 'x'));
        writeFile(dir.filePath(QStringLiteral("empty.txt")), "\n");
        const pc::SecretResolver resolver(dir.path().toStdString(), fakeEnv({{"SHORT_ENV", kValue.substr(0, 10)}}));

        struct Case {
            pc::SecretRef ref;
            std::string code;
            std::string mentions;
        };
        pc::SecretRef missing;
        missing.name = "jwt";
        missing.env = "JWT_SECRET";
        missing.dotenv = ".env";
        pc::SecretRef shortOne;
        shortOne.name = "jwt";
        shortOne.kind = pc::SecretKind::HmacKey;
        shortOne.env = "SHORT";
        shortOne.dotenv = ".env";
        pc::SecretRef shortEnv = shortOne;
        shortEnv.env = "SHORT_ENV";
        shortEnv.minLength = 11;
        shortEnv.kind = pc::SecretKind::Generic;
        pc::SecretRef noFile;
        noFile.file = "keys/none.pem";
        pc::SecretRef big;
        big.file = "big.bin";
        pc::SecretRef empty;
        empty.file = "empty.txt";
        pc::SecretRef nothing;
        const std::vector<Case> cases{
            {missing, "secret-missing", "JWT_SECRET"},
            {shortOne, "secret-too-short", "32"},
            {shortEnv, "secret-too-short", "11"},
            {noFile, "secret-unreadable", "keys/none.pem"},
            {big, "secret-too-large", "big.bin"},
            {empty, "secret-empty", "is set but empty"},
            {nothing, "secret-missing", "no environment variable and no file"},
        };
        for (const Case& c : cases) {
            const auto result = resolver.resolve(c.ref);
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, c.code);
            const std::string all = result.error().message + " " + result.error().hint;
            QVERIFY2(all.find(c.mentions) != std::string::npos, all.c_str());
            assertNoValue(result.error());
        }
        QCOMPARE(resolver.resolve(pc::SecretSource{"nope", "", ""}, {}).error().code, "secret-unknown"s);
    }

    void secretBytesWipesAndCompares()
    {
        std::string source = kValue;
        pc::SecretBytes s = pc::SecretBytes::adopt(source);
        QVERIFY(source.empty());
        QVERIFY(s.equals(kValue));
        QVERIFY(!s.equals(kValue + "x"));
        QVERIFY(!s.equals(std::string(kValue.size(), 'x')));
        pc::SecretBytes moved = std::move(s);
        QVERIFY(s.empty()); // NOLINT(bugprone-use-after-move): moved-from is empty by contract
        moved.truncate(6);
        QCOMPARE(std::string(moved.view()), "s3cr3t"s);
        const pc::SecretBytes copy = moved.clone();
        QVERIFY(copy.equals("s3cr3t"));
    }
};

QTEST_GUILESS_MAIN(TestSecretResolver)
#include "TestSecretResolver.moc"
