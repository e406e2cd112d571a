// SPDX-License-Identifier: Apache-2.0
#include "TestSupport.h"

#include "common/Timestamp.h"

#include <QTest>

using namespace std::string_literals;
using namespace std::chrono;

class TestTimestamp final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesRfc3339_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<qint64>("epochMs");
        QTest::newRow("UTC") << "2026-11-28T12:00:00Z"s << qint64(1'795'867'200'000);
        QTest::newRow("lower-case separators") << "2026-11-28t12:00:00z"s << qint64(1'795'867'200'000);
        QTest::newRow("positive offset") << "2026-11-28T14:00:00+02:00"s << qint64(1'795'867'200'000);
        QTest::newRow("negative offset") << "2026-11-28T07:30:00-04:30"s << qint64(1'795'867'200'000);
        QTest::newRow("fraction") << "1970-01-01T00:00:01.250Z"s << qint64(1'250);
        QTest::newRow("leap day") << "2024-02-29T00:00:00Z"s << qint64(1'709'164'800'000);
    }
    void parsesRfc3339()
    {
        QFETCH(std::string, text);
        QFETCH(qint64, epochMs);
        const auto t = pc::Timestamp::parseRfc3339(text);
        QVERIFY(t.has_value());
        QCOMPARE(qint64(duration_cast<milliseconds>(t->time_since_epoch()).count()), epochMs);
    }

    void refusesMalformed_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::newRow("no zone") << "2026-11-28T12:00:00"s;
        QTest::newRow("date only") << "2026-11-28"s;
        QTest::newRow("February 30") << "2026-02-30T00:00:00Z"s;
        QTest::newRow("hour 24") << "2026-11-28T24:00:00Z"s;
        QTest::newRow("empty fraction") << "2026-11-28T12:00:00.Z"s;
        QTest::newRow("trailing text") << "2026-11-28T12:00:00Zjunk"s;
        QTest::newRow("before 1970") << "1969-12-31T23:59:59Z"s;
        QTest::newRow("words") << "yesterday"s;
    }
    void refusesMalformed()
    {
        QFETCH(std::string, text);
        QVERIFY(!pc::Timestamp::parseRfc3339(text).has_value());
    }

    void formatsAndRoundTrips()
    {
        const auto t = pc::Timestamp::parseRfc3339("2026-11-28T14:00:00.5+02:00");
        QVERIFY(t.has_value());
        QCOMPARE(pc::Timestamp::formatRfc3339(*t), "2026-11-28T12:00:00.500Z"s);
        QCOMPARE(pc::Timestamp::formatRfc3339(pc::SystemTime{}), "1970-01-01T00:00:00Z"s);
    }
};

QTEST_GUILESS_MAIN(TestTimestamp)
#include "TestTimestamp.moc"
