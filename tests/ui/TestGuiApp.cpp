// SPDX-License-Identifier: Apache-2.0
// The built `portcullis` executable: --screenshot renders every section of a
// policy, and the test server answering real requests, to PNG offscreen and
// exits; a file that does not load fails it.
#include "TestSupport.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestGuiApp final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rendersEverySectionOffscreen()
    {
        QTemporaryDir out;
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        app.setProcessEnvironment(env);
        app.start(executable(),
                  {QStringLiteral("--screenshot"), out.path(), QStringLiteral("--size"), QStringLiteral("1024x700"),
                   QString::fromStdString(pc::test::sourcePath("resources/examples/fastapi-tutorial.json"))});
        QVERIFY(app.waitForFinished(120'000));
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 0);
        const QStringList written = QString::fromUtf8(app.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        const QStringList expected{QStringLiteral("overview"),    QStringLiteral("routes"),
                                   QStringLiteral("validation"),  QStringLiteral("cors"),
                                   QStringLiteral("rate-limits"), QStringLiteral("headers"),
                                   QStringLiteral("tokens"),      QStringLiteral("secrets"),
                                   QStringLiteral("transport"),   QStringLiteral("server")};
        QCOMPARE(written.size(), expected.size());
        for (const QString& name : expected) {
            const QImage image(QDir(out.path()).filePath(name + QStringLiteral(".png")));
            QVERIFY2(!image.isNull(), qPrintable(name));
            QCOMPARE(image.size(), QSize(1024, 700));
        }
    }

    void aFileThatDoesNotLoadFailsTheRender()
    {
        QTemporaryDir out;
        const QString broken = out.filePath(QStringLiteral("broken.json"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"portcullis\": 1, \"name\": 5}");
        file.close();
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        app.setProcessEnvironment(env);
        app.start(executable(), {QStringLiteral("--screenshot"), out.filePath(QStringLiteral("shots")), broken});
        QVERIFY(app.waitForFinished(120'000));
        QCOMPARE(app.exitCode(), 1);
        QVERIFY(!QDir(out.filePath(QStringLiteral("shots"))).exists());
    }

private:
    static QString executable() { return QString::fromStdString(pc::test::binaryPath("app/gui/portcullis")); }
};

QTEST_MAIN(TestGuiApp)
#include "TestGuiApp.moc"
