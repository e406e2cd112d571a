// SPDX-License-Identifier: Apache-2.0
// Secrets: dotenv files keep their other lines, values are strong and never
// shown, files end up readable by their owner only, and what the GUI writes
// is what the core's secret resolver reads.
#include "auth/DotEnv.h"
#include "auth/SecretResolver.h"
#include "document/PolicyDocument.h"
#include "editors/SecretWriter.h"
#include "editors/SecretsEditor.h"
#include "support/DotEnvFile.h"
#include "support/FileDialog.h"
#include "support/MessageBox.h"
#include "support/SecretGenerator.h"
#include "support/Settings.h"
#include "widgets/TableEditor.h"

#include "SamplePolicy.h"
#include "TestSupport.h"

#include <QFile>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace std::string_literals;

namespace {

mode_t modeOf(const QString& path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        return 0;
    }
    return st.st_mode & 0777;
}

QByteArray read(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void write(const QString& path, const QByteArray& text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class TestSecrets final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void generatedValuesAreStrongAndUnpaddedBase64url_data()
    {
        QTest::addColumn<int>("minLength");
        QTest::addColumn<int>("bytes");
        QTest::newRow("default: 256 bits") << 0 << 32;
        QTest::newRow("minimum below the floor") << 16 << 32;
        QTest::newRow("a 64-byte minimum") << 64 << 48;
    }
    void generatedValuesAreStrongAndUnpaddedBase64url()
    {
        QFETCH(int, minLength);
        QFETCH(int, bytes);
        const std::optional<std::uint32_t> min =
            minLength > 0 ? std::optional<std::uint32_t>(static_cast<std::uint32_t>(minLength)) : std::nullopt;
        QCOMPARE(pc::SecretGenerator::byteCount(pc::SecretKind::HmacKey, min), bytes);
        const QString a = pc::SecretGenerator::generate(pc::SecretKind::HmacKey, min);
        const QString b = pc::SecretGenerator::generate(pc::SecretKind::HmacKey, min);
        QVERIFY(a != b);
        QCOMPARE(a.size(), (bytes * 4 + 2) / 3);
        QVERIFY(a.size() >= minLength);
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]+$")).match(a).hasMatch());
    }

    void dotenvUpdatesKeepEveryOtherLine()
    {
        const QString path = m_dir->filePath(QStringLiteral(".env"));
        write(path, "# database\nexport DATABASE_URL=postgres://db/app\nSECRET_KEY='old'\nDEBUG=0 # off\n");
        pc::DotEnvFile file(path);
        QVERIFY(file.contains(QStringLiteral("SECRET_KEY")));
        QCOMPARE(file.value(QStringLiteral("DEBUG")), QStringLiteral("0"));
        QCOMPARE(file.value(QStringLiteral("SECRET_KEY")), QStringLiteral("old"));
        file.setValue(QStringLiteral("SECRET_KEY"), QStringLiteral("new"));
        file.setValue(QStringLiteral("API_KEY"), QStringLiteral("k"));
        QVERIFY(!file.save().has_value());
        QCOMPARE(read(path), QByteArray("# database\nexport DATABASE_URL=postgres://db/app\nSECRET_KEY=new\nDEBUG=0 "
                                        "# off\nAPI_KEY=k\n"));
        QCOMPARE(modeOf(path), mode_t(0600));
    }

    void aFailedSaveReportsWithoutTheValue()
    {
        pc::DotEnvFile file(m_dir->filePath(QStringLiteral("missing-dir/.env")));
        file.setValue(QStringLiteral("SECRET_KEY"), QStringLiteral("s3cr3t-value"));
        const auto error = file.save();
        QVERIFY(error.has_value());
        QVERIFY(!error->contains(QStringLiteral("s3cr3t-value")));
    }

    void writerRefusesWhatCannotBeRandomText_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("env");
        QTest::addColumn<bool>("refused");
        QTest::newRow("hmac key") << static_cast<int>(pc::SecretKind::HmacKey) << QStringLiteral("SECRET_KEY") << false;
        QTest::newRow("private key") << static_cast<int>(pc::SecretKind::PrivateKey) << QStringLiteral("JWT_KEY")
                                     << true;
        QTest::newRow("database url") << static_cast<int>(pc::SecretKind::DatabaseUrl) << QStringLiteral("DATABASE_URL")
                                      << true;
        QTest::newRow("no variable") << static_cast<int>(pc::SecretKind::ApiKey) << QString() << true;
        QTest::newRow("bad variable name")
            << static_cast<int>(pc::SecretKind::ApiKey) << QStringLiteral("1KEY") << true;
    }
    void writerRefusesWhatCannotBeRandomText()
    {
        QFETCH(int, kind);
        QFETCH(QString, env);
        QFETCH(bool, refused);
        pc::SecretRef ref;
        ref.name = "s";
        ref.kind = static_cast<pc::SecretKind>(kind);
        ref.env = env.toStdString();
        QCOMPARE(pc::SecretWriter::refusal(ref).has_value(), refused);
    }

    void whatTheGuiWritesTheResolverReads()
    {
        const QString path = m_dir->filePath(QStringLiteral(".env"));
        pc::SecretRef ref;
        ref.name = "secret_key";
        ref.kind = pc::SecretKind::HmacKey;
        ref.env = "PC_TEST_UNSET_SECRET_KEY";
        ref.dotenv = ".env";
        const pc::SecretWriteResult result = pc::SecretWriter::write(ref, path);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.bits, 256);
        QVERIFY(!result.replaced);
        QCOMPARE(modeOf(path), mode_t(0600));

        const pc::SecretResolver resolver(m_dir->path().toStdString(),
                                          [](const std::string&) { return std::optional<pc::SecretBytes>(); });
        pc::Result<pc::SecretBytes> value = resolver.resolve(ref);
        QVERIFY2(value.ok(), value.ok() ? "" : value.error().message.c_str());
        const std::string text = read(path).toStdString();
        auto looked = pc::DotEnv::lookup(text, ref.env);
        QVERIFY(looked.ok() && looked->has_value());
        QCOMPARE((*looked)->view().size(), size_t(43));

        QVERIFY(pc::SecretWriter::alreadySet(ref, path));
        QVERIFY(pc::SecretWriter::write(ref, path).replaced);
    }

    void theEditorGeneratesIntoTheSecretsDotenv()
    {
        pc::Settings settings(m_dir->filePath(QStringLiteral("settings.ini")));
        pc::PolicyDocument doc;
        pc::Policy policy = pc::test::samplePolicy();
        policy.secrets[0].env = "PC_TEST_SECRET_KEY";
        doc.reset(policy, m_dir->filePath(QStringLiteral("api.json")));
        pc::SecretsEditor editor(&doc, settings);
        auto* generate = editor.findChild<QPushButton*>(QStringLiteral("generateSecretButton"));
        QVERIFY(generate->isEnabled());

        // No dotenv file yet: the dialog asks where, and the answer is remembered as one undo step.
        pc::FileDialog::setNextFileName(m_dir->filePath(QStringLiteral("config/.env")));
        QDir(m_dir->path()).mkpath(QStringLiteral("config"));
        generate->click();
        const QString dotenv = m_dir->filePath(QStringLiteral("config/.env"));
        QVERIFY(QFile::exists(dotenv));
        QCOMPARE(modeOf(dotenv), mode_t(0600));
        QCOMPARE(doc.policy().secrets[0].dotenv, "config/.env"s);
        QCOMPARE(doc.undoStack()->count(), 1);
        const QByteArray first = read(dotenv);
        QVERIFY(first.startsWith("PC_TEST_SECRET_KEY="));
        const QString value = QString::fromLatin1(first.mid(19).trimmed());
        QVERIFY(!pc::MessageBox::lastText().contains(value));

        // Replacing an existing value asks first.
        pc::MessageBox::setNextAnswer(pc::MessageBox::Button::Cancel);
        generate->click();
        QCOMPARE(read(dotenv), first);
        pc::MessageBox::setNextAnswer(pc::MessageBox::Button::Yes);
        generate->click();
        QVERIFY(read(dotenv) != first);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_MAIN(TestSecrets)
#include "TestSecrets.moc"
