// SPDX-License-Identifier: Apache-2.0
#include "policy/RateLimitSpec.h"

#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;

class TestRateLimitSpec final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesLimitsGrammar_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<std::vector<std::string>>("items"); // "count/windowSeconds"
        QTest::newRow("slash") << "10/minute"s << std::vector<std::string>{"10/60"};
        QTest::newRow("per") << "100 per hour"s << std::vector<std::string>{"100/3600"};
        QTest::newRow("multiple") << "5/10seconds"s << std::vector<std::string>{"5/10"};
        QTest::newRow("plural") << "2/seconds"s << std::vector<std::string>{"2/1"};
        QTest::newRow("case-insensitive") << "10/MINUTE"s << std::vector<std::string>{"10/60"};
        QTest::newRow("month is 30 days") << "1/month"s << std::vector<std::string>{"1/2592000"};
        QTest::newRow("year is 360 days") << "1/year"s << std::vector<std::string>{"1/31104000"};
        QTest::newRow("several") << "10/hour;100/day;2000 per year"s
                                 << std::vector<std::string>{"10/3600", "100/86400", "2000/31104000"};
        QTest::newRow("comma and spaces")
            << "100/day, 500/7days"s << std::vector<std::string>{"100/86400", "500/604800"};
        QTest::newRow("pipe") << "1/second|5/minute"s << std::vector<std::string>{"1/1", "5/60"};
    }
    void parsesLimitsGrammar()
    {
        QFETCH(std::string, text);
        QFETCH(std::vector<std::string>, items);
        const auto parsed = pc::RateLimitSpec::parse(text);
        QVERIFY(parsed.has_value());
        std::vector<std::string> got;
        for (const auto& item : *parsed) {
            got.push_back(std::to_string(item.count) + "/" + std::to_string(item.windowSeconds));
        }
        QCOMPARE(got, items);
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::newRow("empty") << ""s;
        QTest::newRow("no count") << "/minute"s;
        QTest::newRow("no period") << "10/"s;
        QTest::newRow("typo") << "10/minut"s;
        QTest::newRow("zero") << "0/minute"s;
        QTest::newRow("fraction") << "0.5/second"s;
        QTest::newRow("trailing junk") << "10/minute extra"s;
        QTest::newRow("empty item") << "10/minute;;5/second"s;
        QTest::newRow("nginx syntax") << "10r/s"s;
    }
    void rejectsMalformed()
    {
        QFETCH(std::string, text);
        std::string problem;
        QVERIFY(!pc::RateLimitSpec::parse(text, &problem).has_value());
        QVERIFY(!problem.empty());
    }

    void rendersItems()
    {
        const auto parsed = pc::RateLimitSpec::parse("5/10seconds;10 per minute");
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->at(0).toString(), "5/10seconds"s);
        QCOMPARE(parsed->at(1).toString(), "10/minute"s);
    }
};

QTEST_GUILESS_MAIN(TestRateLimitSpec)
#include "TestRateLimitSpec.moc"
