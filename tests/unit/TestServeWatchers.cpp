// SPDX-License-Identifier: Apache-2.0
#include "PolicyFileWatcher.h"
#include "SignalWatcher.h"

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>

using namespace std::chrono_literals;

namespace {

void writeFile(const QString& path, const QByteArray& content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}

} // namespace

class TestServeWatchers final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void signalsBecomeQtSignals()
    {
        struct sigaction before {};
        QCOMPARE(::sigaction(SIGINT, nullptr, &before), 0);
        std::vector<int> got;
        {
            pc::cli::SignalWatcher watcher;
            QVERIFY(watcher.isActive());
            connect(&watcher, &pc::cli::SignalWatcher::received, this, [&](int n) { got.push_back(n); });
            QCOMPARE(std::raise(SIGTERM), 0);
            QCOMPARE(std::raise(SIGINT), 0);
            QTRY_COMPARE(int(got.size()), 2);
            QCOMPARE(got[0], SIGTERM);
            QCOMPARE(got[1], SIGINT);

            pc::cli::SignalWatcher second;
            QVERIFY(!second.isActive()); // one at a time
        }
        // Whatever handled SIGINT before (QtTest installs its own) is back.
        struct sigaction now {};
        QCOMPARE(::sigaction(SIGINT, nullptr, &now), 0);
        QVERIFY(now.sa_handler == before.sa_handler);
    }

    void seesInPlaceWrites()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("policy.json"));
        writeFile(path, "{\"a\": 1}");
        pc::cli::PolicyFileWatcher watcher(path, 50ms);
        int changes = 0;
        connect(&watcher, &pc::cli::PolicyFileWatcher::changed, this, [&] { ++changes; });
        writeFile(path, "{\"a\": 2}");
        QTRY_COMPARE(changes, 1);
        writeFile(path, "{\"a\": 3}");
        QTRY_COMPARE(changes, 2);
    }

    void survivesRenameOverSaves()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("policy.json"));
        writeFile(path, "{\"v\": 1}");
        pc::cli::PolicyFileWatcher watcher(path, 50ms);
        int changes = 0;
        connect(&watcher, &pc::cli::PolicyFileWatcher::changed, this, [&] { ++changes; });
        for (int v = 2; v <= 4; ++v) {
            const QString temp = dir.filePath(QStringLiteral(".policy.json.tmp"));
            writeFile(temp, "{\"v\": " + QByteArray::number(v) + "}");
            QCOMPARE(std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(path).constData()), 0);
            QTRY_COMPARE(changes, v - 1); // each save seen, though the watched inode was replaced
        }
    }

    void sameBytesAreNotAChange()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("policy.json"));
        writeFile(path, "{\"same\": true}");
        pc::cli::PolicyFileWatcher watcher(path, 50ms);
        int changes = 0;
        connect(&watcher, &pc::cli::PolicyFileWatcher::changed, this, [&] { ++changes; });
        writeFile(path, "{\"same\": true}");
        writeFile(dir.filePath(QStringLiteral("other.json")), "{}"); // the folder changes too
        writeFile(path, "{\"same\": false}");
        QTRY_COMPARE(changes, 1);
        QTest::qWait(200);
        QCOMPARE(changes, 1);
    }
};

QTEST_GUILESS_MAIN(TestServeWatchers)
#include "TestServeWatchers.moc"
