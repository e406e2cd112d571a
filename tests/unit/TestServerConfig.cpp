// SPDX-License-Identifier: Apache-2.0
#include "server/ServerConfig.h"

#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;
using namespace std::chrono_literals;

class TestServerConfig final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreValidAndLoopback()
    {
        const pc::ServerConfig c;
        QVERIFY(c.validate());
        QVERIFY(c.address.isLoopback());
        QCOMPARE(c.threads, 1);
    }

    void rejects_data()
    {
        QTest::addColumn<int>("variant");
        QTest::addColumn<std::string>("code");
        QTest::newRow("public address") << 0 << "server-not-loopback"s;
        QTest::newRow("no threads") << 1 << "server-threads"s;
        QTest::newRow("too many threads") << 2 << "server-threads"s;
        QTest::newRow("no connections") << 3 << "server-max-connections"s;
        QTest::newRow("tiny limits") << 4 << "server-limits"s;
        QTest::newRow("beyond the parser") << 5 << "server-limits"s;
        QTest::newRow("zero timeout") << 6 << "server-timeouts"s;
        QTest::newRow("certificate without key") << 7 << "server-tls-files"s;
        QTest::newRow("nowhere to keep a generated certificate") << 8 << "server-tls-directory"s;
        QTest::newRow("no pipelining room") << 9 << "server-pipeline"s;
    }
    void rejects()
    {
        QFETCH(int, variant);
        QFETCH(std::string, code);
        pc::ServerConfig c;
        switch (variant) {
        case 0:
            c.address = QHostAddress(QStringLiteral("192.0.2.10"));
            break;
        case 1:
            c.threads = 0;
            break;
        case 2:
            c.threads = 65;
            break;
        case 3:
            c.maxConnections = 0;
            break;
        case 4:
            c.limits.maxHeaderBytes = 10;
            break;
        case 5:
            c.limits.maxHeaderBytes = 100 * 1024;
            break;
        case 6:
            c.idleTimeout = 0ms;
            break;
        case 7:
            c.tls.enabled = true;
            c.tls.certificateFile = QStringLiteral("c.pem");
            break;
        case 8:
            c.tls.enabled = true;
            break;
        case 9:
            c.maxPipelinedRequests = 0;
            break;
        default:
            QFAIL("unknown variant");
        }
        const pc::Status s = c.validate();
        QVERIFY(!s);
        QCOMPARE(s.error().code, code);
        QVERIFY(!s.error().message.empty());
    }

    void nonLoopbackNeedsTheExplicitOption()
    {
        pc::ServerConfig c;
        c.address = QHostAddress(QHostAddress::AnyIPv6);
        QVERIFY(!c.validate());
        c.allowNonLoopback = true;
        QVERIFY(c.validate());
    }

    void appliesThePolicy()
    {
        pc::TransportPolicy transport;
        transport.headerTimeout = pc::Duration::seconds(5);
        transport.idleTimeout = pc::Duration::seconds(30);
        transport.maxConnections = 64;
        transport.minTls = pc::TlsVersion::Tls13;
        pc::SizeLimits sizes;
        sizes.maxBodyBytes = pc::ByteSize(2048);
        sizes.maxHeaderBytes = pc::ByteSize(4096);
        sizes.maxUrlBytes = pc::ByteSize(1000);
        sizes.maxHeaders = 20;
        pc::ServerConfig c;
        c.applyPolicy(transport, sizes);
        QCOMPARE(c.headerTimeout, 5000ms);
        QCOMPARE(c.idleTimeout, 30000ms);
        QCOMPARE(c.maxConnections, 64);
        QCOMPARE(c.tls.minimumVersion, pc::TlsVersion::Tls13);
        QCOMPARE(c.limits.maxBodyBytes, std::uint64_t(2048));
        QCOMPARE(c.limits.maxHeaderBytes, std::size_t(4096));
        QCOMPARE(c.limits.maxTargetBytes, std::size_t(1000));
        QCOMPARE(c.limits.maxHeaders, std::size_t(20));
        QVERIFY(c.validate());
    }
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "TestServerConfig.moc"
