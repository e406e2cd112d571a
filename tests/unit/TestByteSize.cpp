// SPDX-License-Identifier: Apache-2.0
#include "common/ByteSize.h"

#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;

class TestByteSize final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesValid_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<quint64>("bytes");
        QTest::addColumn<std::string>("canonical");
        QTest::newRow("plain bytes") << "1000"s << quint64(1000) << "1000"s;
        QTest::newRow("B suffix") << "512B"s << quint64(512) << "512"s;
        QTest::newRow("KiB") << "16KiB"s << quint64(16384) << "16KiB"s;
        QTest::newRow("MiB") << "1MiB"s << quint64(1048576) << "1MiB"s;
        QTest::newRow("GiB") << "2GiB"s << quint64(2147483648ULL) << "2GiB"s;
        QTest::newRow("SI MB") << "1MB"s << quint64(1000000) << "1000000"s;
        QTest::newRow("bytes that are a MiB") << "1048576"s << quint64(1048576) << "1MiB"s;
        QTest::newRow("1536 bytes") << "1536"s << quint64(1536) << "1536"s;
        QTest::newRow("2048 bytes") << "2048"s << quint64(2048) << "2KiB"s;
    }
    void parsesValid()
    {
        QFETCH(std::string, text);
        QFETCH(quint64, bytes);
        QFETCH(std::string, canonical);
        const auto s = pc::ByteSize::parse(text);
        QVERIFY(s.has_value());
        QCOMPARE(quint64(s->bytes()), bytes);
        QCOMPARE(s->toString(), canonical);
        QCOMPARE(pc::ByteSize::parse(s->toString()), s);
    }

    void rejectsInvalid_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::newRow("empty") << ""s;
        QTest::newRow("unit only") << "MiB"s;
        QTest::newRow("lower-case unit") << "1mib"s;
        QTest::newRow("space") << "1 MiB"s;
        QTest::newRow("fraction") << "1.5MiB"s;
        QTest::newRow("negative") << "-1"s;
        QTest::newRow("overflow") << "99999999999GiB"s;
        QTest::newRow("unknown unit") << "1TB"s;
    }
    void rejectsInvalid()
    {
        QFETCH(std::string, text);
        QVERIFY(!pc::ByteSize::parse(text).has_value());
    }
};

QTEST_GUILESS_MAIN(TestByteSize)
#include "TestByteSize.moc"
