// SPDX-License-Identifier: Apache-2.0
// The typed settings facade: defaults from its one table, round trips through
// a real INI file, recent-file rules, and names as written on disk.
#include "support/Settings.h"

#include "TestSupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestSettings final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void defaultsComeFromTheTable()
    {
        pc::Settings settings(ini());
        QVERIFY(settings.autosaveEnabled());
        QCOMPARE(settings.autosaveDelayMs(), pc::Settings::defaultValue(pc::Settings::Key::AutosaveDelayMs).toInt());
        QCOMPARE(settings.theme(), pc::Settings::Theme::System);
        QCOMPARE(settings.maxRecentFiles(), 10);
        QVERIFY(settings.recentFiles().isEmpty());
        QVERIFY(settings.mainWindowGeometry().isEmpty());
    }

    void valuesSurviveANewFacade()
    {
        {
            pc::Settings settings(ini());
            settings.setTheme(pc::Settings::Theme::Dark);
            settings.setAutosaveDelayMs(5000);
            settings.setAutosaveEnabled(false);
            settings.setLastDirectory(QStringLiteral("/srv/policies"));
            settings.setMainWindowGeometry(QByteArray("\x01\x02\x03", 3));
            settings.sync();
        }
        pc::Settings settings(ini());
        QCOMPARE(settings.theme(), pc::Settings::Theme::Dark);
        QCOMPARE(settings.autosaveDelayMs(), 5000);
        QVERIFY(!settings.autosaveEnabled());
        QCOMPARE(settings.lastDirectory(), QStringLiteral("/srv/policies"));
        QCOMPARE(settings.mainWindowGeometry(), QByteArray("\x01\x02\x03", 3));
        QFile file(ini());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("theme=dark"));
    }

    void recentFilesAreMostRecentFirstWithoutDuplicates()
    {
        pc::Settings settings(ini());
        settings.setMaxRecentFiles(3);
        for (const char* name : {"a.json", "b.json", "c.json", "a.json", "d.json"}) {
            settings.addRecentFile(QString::fromLatin1(name));
        }
        QCOMPARE(settings.recentFiles(),
                 (QStringList{QStringLiteral("d.json"), QStringLiteral("a.json"), QStringLiteral("c.json")}));
        settings.removeRecentFile(QStringLiteral("a.json"));
        QCOMPARE(settings.recentFiles(), (QStringList{QStringLiteral("d.json"), QStringLiteral("c.json")}));
        settings.clearRecentFiles();
        QVERIFY(settings.recentFiles().isEmpty());
    }

    void outOfRangeValuesAreClamped_data()
    {
        QTest::addColumn<int>("written");
        QTest::addColumn<int>("read");
        QTest::newRow("negative delay") << -5 << 0;
        QTest::newRow("delay of a day") << 86'400'000 << 600'000;
        QTest::newRow("sensible delay") << 1500 << 1500;
    }
    void outOfRangeValuesAreClamped()
    {
        QFETCH(int, written);
        QFETCH(int, read);
        pc::Settings settings(ini());
        settings.setAutosaveDelayMs(written);
        QCOMPARE(settings.autosaveDelayMs(), read);
    }

    void keyNamesAreUnique()
    {
        QSet<QString> names;
        for (auto key :
             {pc::Settings::Key::MainWindowGeometry, pc::Settings::Key::MainWindowState, pc::Settings::Key::RecentFiles,
              pc::Settings::Key::MaxRecentFiles, pc::Settings::Key::LastDirectory, pc::Settings::Key::AutosaveEnabled,
              pc::Settings::Key::AutosaveDelayMs, pc::Settings::Key::Theme, pc::Settings::Key::LastSection}) {
            names.insert(pc::Settings::keyName(key));
        }
        QCOMPARE(names.size(), 9);
    }

private:
    QString ini() const { return m_dir->filePath(QStringLiteral("settings.ini")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_MAIN(TestSettings)
#include "TestSettings.moc"
