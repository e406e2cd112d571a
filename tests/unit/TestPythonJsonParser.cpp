// SPDX-License-Identifier: Apache-2.0
// PythonJsonParser reads bodies like Python's json.loads: the messages and
// code-point positions below are CPython 3.11's (they become FastAPI's
// json_invalid ctx.error and loc), and the values are what json.loads returns.
#include "engine/PythonJsonParser.h"

#include "TestSupport.h"

#include <QTest>

#include <cmath>

using namespace std::string_literals;

class TestPythonJsonParser final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void syntaxErrors_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<std::string>("message");
        QTest::addColumn<int>("position");
        QTest::newRow("empty document") << ""s
                                        << "Expecting value"s << 0;
        QTest::newRow("only whitespace") << "   "s
                                         << "Expecting value"s << 3;
        QTest::newRow("truncated literal") << "nul"s
                                           << "Expecting value"s << 0;
        QTest::newRow("lone minus") << "-"s
                                    << "Expecting value"s << 0;
        QTest::newRow("leading zero") << "01"s
                                      << "Extra data"s << 1;
        QTest::newRow("leading zero in array") << "[01]"s
                                               << "Expecting ',' delimiter"s << 2;
        QTest::newRow("dangling decimal point") << "1."s
                                                << "Extra data"s << 1;
        QTest::newRow("dangling exponent") << "1e+"s
                                           << "Extra data"s << 1;
        QTest::newRow("trailing comma in object") << R"({"a":1,})"s
                                                  << "Expecting property name enclosed in double quotes"s << 7;
        QTest::newRow("trailing comma in array") << "[1,]"s
                                                 << "Expecting value"s << 3;
        QTest::newRow("missing comma") << "[1 2]"s
                                       << "Expecting ',' delimiter"s << 3;
        QTest::newRow("missing colon") << R"({"a" 1})"s
                                       << "Expecting ':' delimiter"s << 5;
        QTest::newRow("missing value") << R"({"a":})"s
                                       << "Expecting value"s << 5;
        QTest::newRow("unquoted key") << "{a:1}"s
                                      << "Expecting property name enclosed in double quotes"s << 1;
        QTest::newRow("unclosed array") << "["s
                                        << "Expecting value"s << 1;
        QTest::newRow("unclosed object") << "{"s
                                         << "Expecting property name enclosed in double quotes"s << 1;
        QTest::newRow("extra data") << R"({"a":1}x)"s
                                    << "Extra data"s << 7;
        QTest::newRow("unterminated string") << "\"abc"s
                                             << "Unterminated string starting at"s << 0;
        QTest::newRow("backslash at the end") << "\"ab\\"s
                                              << "Unterminated string starting at"s << 0;
        QTest::newRow("raw control character") << "\"a\x01\""s
                                               << "Invalid control character at"s << 2;
        QTest::newRow("raw newline in string") << "[\"a\nb\"]"s
                                               << "Invalid control character at"s << 3;
        QTest::newRow("bad escape") << "\"\\x\""s
                                    << "Invalid \\escape"s << 1;
        QTest::newRow("short unicode escape") << "\"\\u12\""s
                                              << "Invalid \\uXXXX escape"s << 2;
        QTest::newRow("bad low surrogate digits") << "\"\\ud83d\\uzzzz\""s
                                                  << "Invalid \\uXXXX escape"s << 8;
        QTest::newRow("positions count code points") << R"(["é😀", x])"s
                                                     << "Expecting value"s << 7;
        QTest::newRow("BOM is skipped") << "\xEF\xBB\xBF[x]"s
                                        << "Expecting value"s << 1;
        QTest::newRow("Infinity needs its capital") << "infinity"s
                                                    << "Expecting value"s << 0;
    }
    void syntaxErrors()
    {
        QFETCH(std::string, text);
        QFETCH(std::string, message);
        QFETCH(int, position);
        const auto r = pc::PythonJsonParser::parse(text);
        QCOMPARE(int(r.failure), int(pc::PythonJsonParser::Failure::Syntax));
        QCOMPARE(r.message, message);
        QCOMPARE(int(r.position), position);
    }

    void values_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<std::string>("json"); // as json.dumps(separators=(",", ":"), ensure_ascii=False)
        QTest::newRow("scalars") << R"([true, false, null, 0, -0, 1.5, -2e3, "s"])"s
                                 << R"([true,false,null,0,0,1.5,-2000.0,"s"])"s;
        QTest::newRow("escapes") << "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\""s
                                 << "\"\\\"\\\\/\\b\\f\\n\\r\\té\""s;
        QTest::newRow("surrogate pair") << "\"\\ud83d\\ude00\""s
                                        << R"("😀")"s;
        QTest::newRow("lone surrogate becomes U+FFFD") << "\"\\ud800x\""s
                                                       << "\"\xEF\xBF\xBDx\""s;
        QTest::newRow("duplicate keys: first position, last value") << R"({"a":1,"b":2,"a":3})"s
                                                                    << R"({"a":3,"b":2})"s;
        QTest::newRow("duplicate keys in a large object")
            << R"({"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,"k11":11,"k12":12,"k13":13,"k14":14,"k15":15,"k16":16,"k1":"last"})"s
            << R"({"k0":0,"k1":"last","k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,"k11":11,"k12":12,"k13":13,"k14":14,"k15":15,"k16":16})"s;
        QTest::newRow("big integers stay exact") << "[123456789012345678901234567890, -9223372036854775809]"s
                                                 << "[123456789012345678901234567890,-9223372036854775809]"s;
        QTest::newRow("int64 limits") << "[9223372036854775807, -9223372036854775808]"s
                                      << "[9223372036854775807,-9223372036854775808]"s;
        QTest::newRow("floats print as Python's repr") << "[1e16, 1e15, 0.0001, 0.00001, 1e-7]"s
                                                       << "[1e+16,1000000000000000.0,0.0001,1e-05,1e-07]"s;
        QTest::newRow("NaN and infinities are accepted, echoed as null") << "[NaN, Infinity, -Infinity]"s
                                                                         << "[null,null,null]"s;
        QTest::newRow("nested") << R"( {"a" : [ {"b": []}, {} ] } )"s
                                << R"({"a":[{"b":[]},{}]})"s;
    }
    void values()
    {
        QFETCH(std::string, text);
        QFETCH(std::string, json);
        const auto r = pc::PythonJsonParser::parse(text);
        QVERIFY2(r.ok(), r.message.c_str());
        QCOMPARE(r.document.root().toJsonText(), json);
    }

    void kinds()
    {
        const auto r = pc::PythonJsonParser::parse(R"([1, 1.0, 99999999999999999999, NaN])");
        QVERIFY(r.ok());
        const pc::JsonRef root = r.document.root();
        QCOMPARE(int(root.item(0).kind()), int(pc::JsonKind::Int));
        QCOMPARE(int(root.item(1).kind()), int(pc::JsonKind::Float));
        QCOMPARE(int(root.item(2).kind()), int(pc::JsonKind::BigInt));
        QVERIFY(std::isnan(root.item(3).number()));
        QCOMPARE(root.item(2).exactInt().toString(), "99999999999999999999"s);
    }

    void limits_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<int>("failure");
        QTest::addColumn<int>("position");
        QTest::newRow("depth 3 is fine at limit 3") << "[[[]]]"s << int(pc::PythonJsonParser::Failure::None) << 0;
        QTest::newRow("depth 4 is too deep") << "[[[[]]]]"s << int(pc::PythonJsonParser::Failure::TooDeep) << 3;
        QTest::newRow("objects count too") << R"({"a":{"b":{"c":{}}}})"s << int(pc::PythonJsonParser::Failure::TooDeep) << 15;
        QTest::newRow("invalid UTF-8") << "\"caf\xE9\""s << int(pc::PythonJsonParser::Failure::NotUtf8) << 0;
        QTest::newRow("overlong encoding") << "\"\xC0\xAF\""s << int(pc::PythonJsonParser::Failure::NotUtf8) << 0;
        QTest::newRow("more than 4300 digits")
            << std::string(4301, '7') << int(pc::PythonJsonParser::Failure::IntTooLong) << 0;
        QTest::newRow("4300 digits are fine") << std::string(4300, '7') << int(pc::PythonJsonParser::Failure::None) << 0;
        QTest::newRow("larger than maxBytes")
            << std::string(4500, ' ') + "1" << int(pc::PythonJsonParser::Failure::TooLarge) << 0;
    }
    void limits()
    {
        QFETCH(std::string, text);
        QFETCH(int, failure);
        QFETCH(int, position);
        pc::PythonJsonParser::Options options;
        options.maxDepth = 3;
        options.maxBytes = 4400;
        const auto r = pc::PythonJsonParser::parse(text, options);
        QCOMPARE(int(r.failure), failure);
        QCOMPARE(int(r.position), position);
    }

    void hostileNestingDoesNotRecurse()
    {
        pc::PythonJsonParser::Options options;
        options.maxDepth = 100000;
        const std::string deep = std::string(50000, '[') + std::string(50000, ']');
        const auto r = pc::PythonJsonParser::parse(deep, options);
        QVERIFY(r.ok());
    }
};

QTEST_GUILESS_MAIN(TestPythonJsonParser)
#include "TestPythonJsonParser.moc"
