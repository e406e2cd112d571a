// SPDX-License-Identifier: Apache-2.0
#include "engine/CidrBlock.h"
#include "engine/IpAddress.h"

#include <arpa/inet.h>

#include <cstring>
#include <vector>

#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;

class TestIpAddress final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesAndNormalises_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<std::string>("canonical");
        QTest::addColumn<bool>("v4");
        QTest::newRow("IPv4") << "203.0.113.7"s
                              << "203.0.113.7"s << true;
        QTest::newRow("IPv6 compressed") << "2001:DB8:0:0:0:0:0:1"s
                                         << "2001:db8::1"s << false;
        QTest::newRow("loopback v6") << "::1"s
                                     << "::1"s << false;
        QTest::newRow("IPv4-mapped becomes IPv4") << "::ffff:192.0.2.1"s
                                                  << "192.0.2.1"s << true;
        QTest::newRow("IPv4-mapped in hex") << "::ffff:c000:201"s
                                            << "192.0.2.1"s << true;
        QTest::newRow("IPv4-compatible is not mapped") << "::192.0.2.1"s
                                                       << "::192.0.2.1"s << false;
    }
    void parsesAndNormalises()
    {
        QFETCH(std::string, text);
        QFETCH(std::string, canonical);
        QFETCH(bool, v4);
        const auto a = pc::IpAddress::parse(text);
        QVERIFY(a);
        QCOMPARE(a->toString(), canonical);
        QCOMPARE(a->isV4(), v4);
        QCOMPARE(a->bytes().size(), v4 ? std::size_t(4) : std::size_t(16));
    }

    void rejectsGarbage_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::newRow("empty") << ""s;
        QTest::newRow("hostname") << "localhost"s;
        QTest::newRow("port") << "203.0.113.7:80"s;
        QTest::newRow("brackets") << "[::1]"s;
        QTest::newRow("octal-looking") << "010.0.0.1"s;
        QTest::newRow("short") << "10.1"s;
        QTest::newRow("zone id") << "fe80::1%eth0"s;
        QTest::newRow("too long") << std::string(100, '1');
        QTest::newRow("embedded NUL") << "1.2.3.4\0junk"s;
        QTest::newRow("leading zero") << "1.02.3.4"s;
        QTest::newRow("octet over 255") << "1.2.3.256"s;
        QTest::newRow("five octets") << "1.2.3.4.5"s;
        QTest::newRow("trailing dot") << "1.2.3.4."s;
        QTest::newRow("leading dot") << ".1.2.3.4"s;
        QTest::newRow("empty octet") << "1..3.4"s;
        QTest::newRow("space") << "1.2.3.4 "s;
        QTest::newRow("sign") << "+1.2.3.4"s;
    }
    void rejectsGarbage()
    {
        QFETCH(std::string, text);
        QVERIFY(!pc::IpAddress::parse(text));
    }

    // IPv4 text is parsed by hand on the request path; it must accept exactly what inet_pton accepts.
    void v4AgreesWithInetPton()
    {
        const std::string alphabet = "0125.9";
        std::vector<std::string> texts = {"0.0.0.0", "255.255.255.255", "127.0.0.1", "00.0.0.0", "1.2.3.04"};
        std::vector<std::string> level = {""};
        for (int length = 1; length <= 7; ++length) {
            std::vector<std::string> next;
            for (const std::string& prefix : level) {
                for (const char c : alphabet) {
                    next.push_back(prefix + c);
                }
            }
            texts.insert(texts.end(), next.begin(), next.end());
            level = std::move(next);
        }
        for (const std::string& text : texts) {
            in_addr expected{};
            const bool valid = inet_pton(AF_INET, text.c_str(), &expected) == 1;
            const auto parsed = pc::IpAddress::parse(text);
            QVERIFY2(parsed.has_value() == valid, text.c_str());
            if (valid) {
                QVERIFY2(std::memcmp(parsed->bytes().data(), &expected, 4) == 0, text.c_str());
            }
        }
    }

    void masks_data()
    {
        QTest::addColumn<std::string>("address");
        QTest::addColumn<int>("prefix");
        QTest::addColumn<std::string>("masked");
        QTest::newRow("v6 /64") << "2001:db8:1:2:3:4:5:6"s << 64 << "2001:db8:1:2::"s;
        QTest::newRow("v6 /56") << "2001:db8:1:2ff:3:4:5:6"s << 56 << "2001:db8:1:200::"s;
        QTest::newRow("v6 /0") << "2001:db8::1"s << 0 << "::"s;
        QTest::newRow("v4 /24") << "203.0.113.77"s << 24 << "203.0.113.0"s;
        QTest::newRow("v4 /13 mid-byte") << "10.255.1.1"s << 13 << "10.248.0.0"s;
        QTest::newRow("prefix beyond length is clamped") << "10.0.0.1"s << 64 << "10.0.0.1"s;
    }
    void masks()
    {
        QFETCH(std::string, address);
        QFETCH(int, prefix);
        QFETCH(std::string, masked);
        QCOMPARE(pc::IpAddress::parse(address)->masked(prefix).toString(), masked);
    }

    void cidrContains_data()
    {
        QTest::addColumn<std::string>("block");
        QTest::addColumn<std::string>("address");
        QTest::addColumn<bool>("contains");
        QTest::newRow("v4 inside") << "10.0.0.0/8"s
                                   << "10.200.3.4"s << true;
        QTest::newRow("v4 outside") << "10.0.0.0/8"s
                                    << "11.0.0.1"s << false;
        QTest::newRow("v4 host bits cleared") << "192.168.1.77/24"s
                                              << "192.168.1.1"s << true;
        QTest::newRow("bare v4 address") << "203.0.113.7"s
                                         << "203.0.113.7"s << true;
        QTest::newRow("bare v4 address, other") << "203.0.113.7"s
                                                << "203.0.113.8"s << false;
        QTest::newRow("v6 inside") << "2001:db8::/32"s
                                   << "2001:db8:ffff::1"s << true;
        QTest::newRow("v6 outside") << "2001:db8::/32"s
                                    << "2001:db9::1"s << false;
        QTest::newRow("v4 block matches mapped address") << "127.0.0.0/8"s
                                                         << "::ffff:127.0.0.1"s << true;
        QTest::newRow("mapped block is a v4 block") << "::ffff:10.0.0.0/104"s
                                                    << "10.9.9.9"s << true;
        QTest::newRow("v6 block never matches v4") << "::/0"s
                                                   << "10.0.0.1"s << false;
        QTest::newRow("/0 v4 matches every v4") << "0.0.0.0/0"s
                                                << "198.51.100.1"s << true;
    }
    void cidrContains()
    {
        QFETCH(std::string, block);
        QFETCH(std::string, address);
        QFETCH(bool, contains);
        const auto b = pc::CidrBlock::parse(block);
        QVERIFY(b);
        QCOMPARE(b->contains(*pc::IpAddress::parse(address)), contains);
    }

    void cidrRejects_data()
    {
        QTest::addColumn<std::string>("block");
        QTest::newRow("v4 prefix too long") << "10.0.0.0/33"s;
        QTest::newRow("v6 prefix too long") << "::/129"s;
        QTest::newRow("no prefix digits") << "10.0.0.0/"s;
        QTest::newRow("negative") << "10.0.0.0/-1"s;
        QTest::newRow("junk prefix") << "10.0.0.0/8x"s;
        QTest::newRow("mapped block wider than the mapped range") << "::ffff:10.0.0.0/90"s;
        QTest::newRow("hostname") << "example.com/24"s;
    }
    void cidrRejects()
    {
        QFETCH(std::string, block);
        QVERIFY(!pc::CidrBlock::parse(block));
    }

    void cidrRendersCanonically()
    {
        QCOMPARE(pc::CidrBlock::parse("192.168.1.77/24")->toString(), "192.168.1.0/24"s);
        QCOMPARE(pc::CidrBlock::parse("2001:DB8::1/32")->toString(), "2001:db8::/32"s);
        QCOMPARE(pc::CidrBlock::parse("::1")->toString(), "::1/128"s);
    }
};

QTEST_GUILESS_MAIN(TestIpAddress)
#include "TestIpAddress.moc"
