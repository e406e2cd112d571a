// SPDX-License-Identifier: Apache-2.0
#include "common/JsonParser.h"

#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;

class TestJsonParser final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesValuesInOrder()
    {
        const auto parsed = pc::JsonParser::parse(R"({"b": 1, "a": [true, null, -2, 1.5, "x\u00e9\ud83d\ude00"]})");
        QVERIFY(parsed.ok());
        const auto& v = parsed->value;
        QCOMPARE(v.begin().key(), "b"s); // document order, not sorted
        QCOMPARE(v["a"][2].get<long long>(), -2LL);
        QVERIFY(v["a"][2].is_number_integer());
        QVERIFY(v["b"].is_number_unsigned());
        QVERIFY(v["a"][3].is_number_float());
        QCOMPARE(v["a"][4].get<std::string>(), "x\xC3\xA9\xF0\x9F\x98\x80"s);
        QVERIFY(parsed->duplicateKeys.empty());
    }

    void mapsValuesAndKeys_data()
    {
        QTest::addColumn<std::string>("pointer");
        QTest::addColumn<int>("valueLine");
        QTest::addColumn<int>("valueColumn");
        QTest::addColumn<int>("keyLine");
        QTest::addColumn<int>("keyColumn");
        QTest::newRow("root") << ""s << 1 << 1 << 0 << 0;
        QTest::newRow("member") << "/name"s << 2 << 11 << 2 << 3;
        QTest::newRow("nested array element") << "/list/1"s << 3 << 15 << 0 << 0;
        QTest::newRow("after multi-byte text, columns count characters") << "/after"s << 4 << 20 << 4 << 11;
        QTest::newRow("escaped slash in the key") << "/a~1b"s << 5 << 10 << 5 << 3;
    }
    void mapsValuesAndKeys()
    {
        QFETCH(std::string, pointer);
        QFETCH(int, valueLine);
        QFETCH(int, valueColumn);
        QFETCH(int, keyLine);
        QFETCH(int, keyColumn);
        const std::string text = "{\n"
                                 "  \"name\": \"x\",\n"
                                 "  \"list\": [1, 22],\n"
                                 "  \"é\": 1, \"after\": 2,\n"
                                 "  \"a/b\": 3\n"
                                 "}\n";
        const auto parsed = pc::JsonParser::parse(text);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->sourceMap.value(pointer), (pc::SourceLocation{valueLine, valueColumn}));
        QCOMPARE(parsed->sourceMap.key(pointer), (pc::SourceLocation{keyLine, keyColumn}));
    }

    void locatesMissingMembersAtTheirParent()
    {
        const auto parsed = pc::JsonParser::parse("{\n  \"cors\": {\n    \"x\": 1\n  }\n}");
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->sourceMap.locate("/cors/allow_origins"), (pc::SourceLocation{2, 11}));
        QCOMPARE(parsed->sourceMap.locate("/cors/x", true), (pc::SourceLocation{3, 5}));
        QCOMPARE(parsed->sourceMap.locate("/nothing/deeper"), (pc::SourceLocation{1, 1}));
    }

    void reportsEveryDuplicateKeepingTheFirst()
    {
        const auto parsed =
            pc::JsonParser::parse("{\"alg\": \"none\",\n \"alg\": \"HS256\", \"x\": {\"k\": 1, \"k\": 2}}");
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->value["alg"].get<std::string>(), "none"s);
        QCOMPARE(parsed->value["x"]["k"].get<int>(), 1);
        QCOMPARE(parsed->duplicateKeys.size(), size_t(2));
        const pc::Error& first = parsed->duplicateKeys.front();
        QCOMPARE(first.code, "duplicate-key"s);
        QCOMPARE(first.pointer, "/alg"s);
        QCOMPARE(first.line, 2);
        QCOMPARE(first.column, 2);
        QCOMPARE(parsed->duplicateKeys.back().pointer, "/x/k"s);
        // The source map keeps the first occurrence.
        QCOMPARE(parsed->sourceMap.value("/alg"), (pc::SourceLocation{1, 9}));
    }

    void rejectsSyntaxErrors_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<std::string>("code");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<std::string>("pointer");
        QTest::addColumn<std::string>("messagePart");
        QTest::newRow("empty") << ""s
                               << "json-syntax"s << 1 << 1 << ""s
                               << "empty"s;
        QTest::newRow("trailing comma in object") << "{\"a\": 1,\n}"s
                                                  << "json-syntax"s << 2 << 1 << ""s
                                                  << "comma"s;
        QTest::newRow("trailing comma in array") << "{\"a\": [1, 2, ]}"s
                                                 << "json-syntax"s << 1 << 14 << "/a"s
                                                 << "comma"s;
        QTest::newRow("missing comma") << "{\"a\": 1\n \"b\": 2}"s
                                       << "json-syntax"s << 2 << 2 << ""s
                                       << "\",\""s;
        QTest::newRow("single quotes") << "{'a': 1}"s
                                       << "json-syntax"s << 1 << 2 << ""s
                                       << "double quotes"s;
        QTest::newRow("unquoted key") << "{a: 1}"s
                                      << "json-syntax"s << 1 << 2 << ""s
                                      << "key"s;
        QTest::newRow("line comment") << "{\n  // note\n}"s
                                      << "json-syntax"s << 2 << 3 << ""s
                                      << "comments"s;
        QTest::newRow("block comment") << "/* x */ {}"s
                                       << "json-syntax"s << 1 << 1 << ""s
                                       << "comments"s;
        QTest::newRow("unterminated string") << "{\"a\": \"abc}"s
                                             << "json-syntax"s << 1 << 7 << "/a"s
                                             << "closed"s;
        QTest::newRow("raw newline in string") << "{\"a\": \"ab\ncd\"}"s
                                               << "json-syntax"s << 1 << 7 << "/a"s
                                               << "end of the line"s;
        QTest::newRow("raw tab in string") << "{\"a\": \"a\tb\"}"s
                                           << "json-syntax"s << 1 << 9 << "/a"s
                                           << "control"s;
        QTest::newRow("bad escape") << "{\"a\": \"\\q\"}"s
                                    << "json-syntax"s << 1 << 8 << "/a"s
                                    << "escape"s;
        QTest::newRow("lone high surrogate") << "{\"a\": \"\\ud83d x\"}"s
                                             << "json-syntax"s << 1 << 8 << "/a"s
                                             << "surrogate"s;
        QTest::newRow("lone low surrogate") << "[\"\\ude00\"]"s
                                            << "json-syntax"s << 1 << 3 << "/0"s
                                            << "surrogate"s;
        QTest::newRow("short unicode escape") << "[\"\\u12\"]"s
                                              << "json-syntax"s << 1 << 3 << "/0"s
                                              << "four"s;
        QTest::newRow("invalid utf-8") << "[\"\xC3\x28\"]"s
                                       << "json-syntax"s << 1 << 3 << "/0"s
                                       << "UTF-8"s;
        QTest::newRow("overlong utf-8") << "[\"\xC0\xAF\"]"s
                                        << "json-syntax"s << 1 << 3 << "/0"s
                                        << "UTF-8"s;
        QTest::newRow("encoded surrogate") << "[\"\xED\xA0\x80\"]"s
                                           << "json-syntax"s << 1 << 3 << "/0"s
                                           << "UTF-8"s;
        QTest::newRow("leading zero") << "[01]"s
                                      << "json-syntax"s << 1 << 2 << "/0"s
                                      << "leading zeros"s;
        QTest::newRow("plus sign") << "[+1]"s
                                   << "json-syntax"s << 1 << 2 << "/0"s
                                   << "+"s;
        QTest::newRow("bare decimal point") << "[.5]"s
                                            << "json-syntax"s << 1 << 2 << "/0"s
                                            << "digit"s;
        QTest::newRow("trailing decimal point") << "[1.]"s
                                                << "json-syntax"s << 1 << 4 << "/0"s
                                                << "decimal"s;
        QTest::newRow("empty exponent") << "[1e]"s
                                        << "json-syntax"s << 1 << 4 << "/0"s
                                        << "exponent"s;
        QTest::newRow("number with a unit") << "{\"t\": 15m}"s
                                            << "json-syntax"s << 1 << 9 << "/t"s
                                            << "number"s;
        QTest::newRow("NaN") << "[NaN]"s
                             << "json-syntax"s << 1 << 2 << "/0"s
                             << "NaN"s;
        QTest::newRow("Infinity") << "[-Infinity]"s
                                  << "json-syntax"s << 1 << 3 << "/0"s
                                  << "digits"s;
        QTest::newRow("huge number") << "[1e400]"s
                                     << "json-syntax"s << 1 << 2 << "/0"s
                                     << "large"s;
        QTest::newRow("capitalised literal") << "[True]"s
                                             << "json-syntax"s << 1 << 2 << "/0"s
                                             << "lower-case"s;
        QTest::newRow("misspelt literal") << "[nul]"s
                                          << "json-syntax"s << 1 << 2 << "/0"s
                                          << "double quotes"s;
        QTest::newRow("bare word") << "{\"a\": yes}"s
                                   << "json-syntax"s << 1 << 7 << "/a"s
                                   << "double quotes"s;
        QTest::newRow("missing colon") << "{\"a\" 1}"s
                                       << "json-syntax"s << 1 << 6 << ""s
                                       << "\":\""s;
        QTest::newRow("two documents") << "{} {}"s
                                       << "json-syntax"s << 1 << 4 << ""s
                                       << "after the end"s;
        QTest::newRow("unclosed object") << "{\"a\": 1"s
                                         << "json-syntax"s << 1 << 8 << ""s
                                         << "inside an object"s;
        QTest::newRow("unclosed array") << "[1,"s
                                        << "json-syntax"s << 1 << 4 << "/1"s
                                        << "ends"s;
        std::string deepPointer;
        for (int i = 0; i < 64; ++i) {
            deepPointer += "/0";
        }
        QTest::newRow("too deep") << std::string(65, '[') + std::string(65, ']') << "json-too-deep"s << 1 << 65
                                  << deepPointer << "deeper"s;
    }
    void rejectsSyntaxErrors()
    {
        QFETCH(std::string, text);
        QFETCH(std::string, code);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(std::string, pointer);
        QFETCH(std::string, messagePart);
        const auto parsed = pc::JsonParser::parse(text);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.errors().size(), size_t(1));
        const pc::Error& e = parsed.error();
        QCOMPARE(e.code, code);
        QCOMPARE(e.line, line);
        QCOMPARE(e.column, column);
        QCOMPARE(e.pointer, pointer);
        QVERIFY2(e.message.find(messagePart) != std::string::npos, e.message.c_str());
        QVERIFY2(!e.hint.empty(), "every syntax error says what to do");
    }

    void enforcesLimits()
    {
        pc::JsonLimits limits;
        limits.maxBytes = 10;
        auto tooBig = pc::JsonParser::parse("[1, 2, 3, 4, 5]", limits);
        QVERIFY(!tooBig.ok());
        QCOMPARE(tooBig.error().code, "json-too-large"s);

        limits = pc::JsonLimits{};
        limits.maxValues = 3;
        auto tooMany = pc::JsonParser::parse("[1, 2, 3]", limits);
        QVERIFY(!tooMany.ok());
        QCOMPARE(tooMany.error().code, "json-too-large"s);
        QVERIFY(pc::JsonParser::parse("[1, 2]", limits).ok());

        limits = pc::JsonLimits{};
        limits.maxDepth = 2;
        QVERIFY(pc::JsonParser::parse("[[1]]", limits).ok());
        QCOMPARE(pc::JsonParser::parse("[[[1]]]", limits).error().code, "json-too-deep"s);
    }

    void acceptsByteOrderMarkAndWhitespace()
    {
        const auto parsed = pc::JsonParser::parse("\xEF\xBB\xBF \r\n\t{\"a\": 1}\r\n");
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->value["a"].get<int>(), 1);
    }

    void keepsLargeIntegersExact()
    {
        const auto parsed = pc::JsonParser::parse("[18446744073709551615, -9223372036854775808, 1e2, 0.1]");
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->value[0].get<std::uint64_t>(), std::uint64_t(18446744073709551615ULL));
        QVERIFY(parsed->value[1].is_number_integer());
        QVERIFY(parsed->value[2].is_number_float());
        QCOMPARE(parsed->value[3].dump(), "0.1"s);
    }
};

QTEST_GUILESS_MAIN(TestJsonParser)
#include "TestJsonParser.moc"
