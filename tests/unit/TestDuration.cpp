// SPDX-License-Identifier: Apache-2.0
#include "common/Duration.h"

#include "TestSupport.h"

#include <QTest>

using namespace std::chrono_literals;

using namespace std::string_literals;

class TestDuration final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesValid_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<std::string>("canonical");
        QTest::newRow("seconds") << "30s"s << qint64(30'000) << "30s"s;
        QTest::newRow("minutes") << "15m"s << qint64(900'000) << "15m"s;
        QTest::newRow("days") << "7d"s << qint64(604'800'000) << "7d"s;
        QTest::newRow("compound") << "1h30m"s << qint64(5'400'000) << "1h30m"s;
        QTest::newRow("a year in days") << "365d"s << qint64(31'536'000'000) << "365d"s;
        QTest::newRow("millis") << "250ms"s << qint64(250) << "250ms"s;
        QTest::newRow("zero") << "0s"s << qint64(0) << "0s"s;
        QTest::newRow("overflowing unit renders larger") << "90m"s << qint64(5'400'000) << "1h30m"s;
        QTest::newRow("weeks and days") << "1w2d"s << qint64(777'600'000) << "9d"s;
    }
    void parsesValid()
    {
        QFETCH(std::string, text);
        QFETCH(qint64, ms);
        QFETCH(std::string, canonical);
        const auto d = pc::Duration::parse(text);
        QVERIFY(d.has_value());
        QCOMPARE(qint64(d->ms().count()), ms);
        QCOMPARE(d->toString(), canonical);
        QCOMPARE(pc::Duration::parse(d->toString()), d);
    }

    void rejectsInvalid_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::newRow("empty") << ""s;
        QTest::newRow("no unit") << "30"s;
        QTest::newRow("unknown unit") << "3y"s;
        QTest::newRow("upper case") << "15M"s;
        QTest::newRow("space") << "15 m"s;
        QTest::newRow("negative") << "-5s"s;
        QTest::newRow("fraction") << "1.5h"s;
        QTest::newRow("units out of order") << "30m1h"s;
        QTest::newRow("unit twice") << "1m1m"s;
        QTest::newRow("overflow") << "99999999999999999999s"s;
        QTest::newRow("beyond ten years") << "600w"s;
        QTest::newRow("unit only") << "m"s;
    }
    void rejectsInvalid()
    {
        QFETCH(std::string, text);
        QVERIFY(!pc::Duration::parse(text).has_value());
    }
};

QTEST_GUILESS_MAIN(TestDuration)
#include "TestDuration.moc"
