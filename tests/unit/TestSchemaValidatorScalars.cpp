// SPDX-License-Identifier: Apache-2.0
// Pydantic v2 semantics of SchemaValidator for the scalars other than strings:
// integers (lax and strict coercion, big integers, bounds and their order),
// numbers, booleans and enums. Rows: SchemaValidatorRows.h.
#include "engine/SchemaValidator.h"

#include "SchemaValidatorRows.h"
#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;
using pc::test::addColumns;
using pc::test::checkRow;

class TestSchemaValidatorScalars final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void integers_data()
    {
        addColumns();
        const auto lax = R"({"type": "integer"})"s;
        const auto strict = R"({"type": "integer", "strict": true})"s;
        QTest::newRow("int") << lax << "42"s
                             << ""s
                             << "42"s;
        QTest::newRow("lax numeric string") << lax << R"("42")"s
                                            << ""s
                                            << "42"s;
        QTest::newRow("strict numeric string") << strict << R"("42")"s
                                               << "int_type"s
                                               << "Input should be a valid integer"s;
        QTest::newRow("lax string with fraction") << lax << R"("42.5")"s
                                                  << "int_parsing"s
                                                  << "Input should be a valid integer, unable to parse string as an "
                                                     "integer"s;
        QTest::newRow("lax string with zero fraction") << lax << R"("42.000")"s
                                                       << ""s
                                                       << "42"s;
        QTest::newRow("lax string with whitespace") << lax << R"(" 42 ")"s
                                                    << ""s
                                                    << "42"s;
        QTest::newRow("lax string with underscores") << lax << R"("1_000")"s
                                                     << ""s
                                                     << "1000"s;
        QTest::newRow("lax string with plus sign") << lax << R"("+5")"s
                                                   << ""s
                                                   << "5"s;
        QTest::newRow("lax string with leading zeros") << lax << R"("-007")"s
                                                       << ""s
                                                       << "-7"s;
        QTest::newRow("lax hex string") << lax << R"("0x10")"s
                                        << "int_parsing"s
                                        << "Input should be a valid integer, unable to parse string as an integer"s;
        QTest::newRow("lax empty string") << lax << R"("")"s
                                          << "int_parsing"s
                                          << "Input should be a valid integer, unable to parse string as an integer"s;
        QTest::newRow("lax integral float") << lax << "42.0"s
                                            << ""s
                                            << "42"s;
        QTest::newRow("lax fractional float") << lax << "42.5"s
                                              << "int_from_float"s
                                              << "Input should be a valid integer, got a number with a fractional "
                                                 "part"s;
        QTest::newRow("strict integral float") << strict << "42.0"s
                                               << "int_type"s
                                               << "Input should be a valid integer"s;
        QTest::newRow("lax bool") << lax << "true"s
                                  << ""s
                                  << "1"s;
        QTest::newRow("strict bool") << strict << "true"s
                                     << "int_type"s
                                     << "Input should be a valid integer"s;
        QTest::newRow("huge float") << lax << "1e20"s
                                    << "int_parsing_size"s
                                    << "Unable to parse input string as an integer, exceeded maximum size"s;
        QTest::newRow("infinity") << lax << "Infinity"s
                                  << "finite_number"s
                                  << "Input should be a finite number"s;
        QTest::newRow("null") << lax << "null"s
                              << "int_type"s
                              << "Input should be a valid integer"s;
        QTest::newRow("list") << lax << "[1]"s
                              << "int_type"s
                              << "Input should be a valid integer"s;
        QTest::newRow("big integer beyond uint64 is valid") << lax << "123456789012345678901234567890"s
                                                            << ""s
                                                            << "1.2345678901234568e+29"s;
        QTest::newRow("big integer string") << lax << R"("-123456789012345678901234567890")"s
                                            << ""s
                                            << "-1.2345678901234568e+29"s;
        QTest::newRow("uint64 stays exact") << lax << "18446744073709551615"s
                                            << ""s
                                            << "18446744073709551615"s;
        QTest::newRow("gt") << R"({"type": "integer", "gt": 0})"s
                            << "0"s
                            << "greater_than"s
                            << "Input should be greater than 0"s;
        QTest::newRow("ge") << R"({"type": "integer", "ge": 1})"s
                            << "0"s
                            << "greater_than_equal"s
                            << "Input should be greater than or equal to 1"s;
        QTest::newRow("lt") << R"({"type": "integer", "lt": 10})"s
                            << "10"s
                            << "less_than"s
                            << "Input should be less than 10"s;
        QTest::newRow("le") << R"({"type": "integer", "le": 100})"s
                            << "101"s
                            << "less_than_equal"s
                            << "Input should be less than or equal to 100"s;
        QTest::newRow("le against a big integer") << R"({"type": "integer", "le": 100})"s
                                                  << "100000000000000000000000"s
                                                  << "less_than_equal"s
                                                  << "Input should be less than or equal to 100"s;
        QTest::newRow("gt against a big negative integer") << R"({"type": "integer", "gt": -5})"s
                                                           << "-100000000000000000000000"s
                                                           << "greater_than"s
                                                           << "Input should be greater than -5"s;
        QTest::newRow("multiple_of") << R"({"type": "integer", "multiple_of": 5})"s
                                     << "12"s
                                     << "multiple_of"s
                                     << "Input should be a multiple of 5"s;
        // Checked exactly (Python ints are unbounded); echoed as the nearest double, as JSON beyond 64 bits is.
        QTest::newRow("multiple_of a big integer") << R"({"type": "integer", "multiple_of": 7})"s
                                                   << "700000000000000000000000000007"s
                                                   << ""s
                                                   << "7e+29"s;
        QTest::newRow("multiple_of a big integer is exact") << R"({"type": "integer", "multiple_of": 7})"s
                                                            << "700000000000000000000000000008"s
                                                            << "multiple_of"s
                                                            << "Input should be a multiple of 7"s;
        QTest::newRow("multiple_of is checked before le") << R"({"type": "integer", "multiple_of": 5, "le": 10})"s
                                                          << "12"s
                                                          << "multiple_of"s
                                                          << "Input should be a multiple of 5"s;
        QTest::newRow("le is checked before ge") << R"({"type": "integer", "ge": 20, "le": 30})"s
                                                 << "31"s
                                                 << "less_than_equal"s
                                                 << "Input should be less than or equal to 30"s;
    }
    void integers() { checkRow(); }

    void numbers_data()
    {
        addColumns();
        const auto lax = R"({"type": "number"})"s;
        QTest::newRow("float") << lax << "4.5"s
                               << ""s
                               << "4.5"s;
        QTest::newRow("int becomes float") << lax << "1"s
                                           << ""s
                                           << "1.0"s;
        QTest::newRow("strict accepts int") << R"({"type": "number", "strict": true})"s
                                            << "1"s
                                            << ""s
                                            << "1.0"s;
        QTest::newRow("strict refuses string") << R"({"type": "number", "strict": true})"s
                                               << R"("1.5")"s
                                               << "float_type"s
                                               << "Input should be a valid number"s;
        QTest::newRow("lax string") << lax << R"(" 42.5 ")"s
                                    << ""s
                                    << "42.5"s;
        QTest::newRow("lax exponent string") << lax << R"("1e3")"s
                                             << ""s
                                             << "1000.0"s;
        QTest::newRow("lax garbage string") << lax << R"("4.5.6")"s
                                            << "float_parsing"s
                                            << "Input should be a valid number, unable to parse string as a number"s;
        QTest::newRow("lax bool") << lax << "true"s
                                  << ""s
                                  << "1.0"s;
        QTest::newRow("strict bool") << R"({"type": "number", "strict": true})"s
                                     << "false"s
                                     << "float_type"s
                                     << "Input should be a valid number"s;
        QTest::newRow("inf string refused by default") << lax << R"("inf")"s
                                                       << "finite_number"s
                                                       << "Input should be a finite number"s;
        QTest::newRow("NaN literal refused by default") << lax << "NaN"s
                                                        << "finite_number"s
                                                        << "Input should be a finite number"s;
        QTest::newRow("inf string with allow_inf_nan") << R"({"type": "number", "allow_inf_nan": true})"s
                                                       << R"("-Infinity")"s
                                                       << ""s
                                                       << "null"s;
        QTest::newRow("huge literal overflows to inf") << lax << "1e400"s
                                                       << "finite_number"s
                                                       << "Input should be a finite number"s;
        QTest::newRow("float gt prints like Rust") << R"({"type": "number", "gt": 0.5})"s
                                                   << "0.5"s
                                                   << "greater_than"s
                                                   << "Input should be greater than 0.5"s;
        QTest::newRow("integral float bound prints without .0") << R"({"type": "number", "le": 100.0})"s
                                                                << "100.5"s
                                                                << "less_than_equal"s
                                                                << "Input should be less than or equal to 100"s;
        QTest::newRow("multiple_of 0.1 tolerates rounding") << R"({"type": "number", "multiple_of": 0.1})"s
                                                            << "0.3"s
                                                            << ""s
                                                            << "0.3"s;
        QTest::newRow("multiple_of 0.25") << R"({"type": "number", "multiple_of": 0.25})"s
                                          << "0.3"s
                                          << "multiple_of"s
                                          << "Input should be a multiple of 0.25"s;
    }
    void numbers() { checkRow(); }

    void booleans_data()
    {
        addColumns();
        const auto lax = R"({"type": "boolean"})"s;
        const char* truthy[] = {"true", "True", "1", "t", "T", "y", "yes", "YES", "on", "On"};
        const char* falsy[] = {"false", "FALSE", "0", "f", "n", "no", "off", "OFF"};
        for (const char* s : truthy) {
            QTest::addRow("string \"%s\" is true", s) << lax << ("\""s + s + "\"") << ""s
                                                      << "true"s;
        }
        for (const char* s : falsy) {
            QTest::addRow("string \"%s\" is false", s) << lax << ("\""s + s + "\"") << ""s
                                                       << "false"s;
        }
        const auto parsing = "Input should be a valid boolean, unable to interpret input"s;
        QTest::newRow("string 2") << lax << R"("2")"s
                                  << "bool_parsing"s << parsing;
        QTest::newRow("empty string") << lax << R"("")"s
                                      << "bool_parsing"s << parsing;
        QTest::newRow("string with spaces") << lax << R"(" yes")"s
                                            << "bool_parsing"s << parsing;
        QTest::newRow("int 1") << lax << "1"s
                               << ""s
                               << "true"s;
        QTest::newRow("int 2") << lax << "2"s
                               << "bool_parsing"s << parsing;
        QTest::newRow("float 0.0") << lax << "0.0"s
                                   << ""s
                                   << "false"s;
        QTest::newRow("float 0.5") << lax << "0.5"s
                                   << "bool_type"s
                                   << "Input should be a valid boolean"s;
        QTest::newRow("null") << lax << "null"s
                              << "bool_type"s
                              << "Input should be a valid boolean"s;
        QTest::newRow("strict string") << R"({"type": "boolean", "strict": true})"s
                                       << R"("yes")"s
                                       << "bool_type"s
                                       << "Input should be a valid boolean"s;
        QTest::newRow("strict int") << R"({"type": "boolean", "strict": true})"s
                                    << "1"s
                                    << "bool_type"s
                                    << "Input should be a valid boolean"s;
    }
    void booleans() { checkRow(); }

    void enums_data()
    {
        addColumns();
        const auto colours = R"({"type": "enum", "values": ["red", "green", "blue"]})"s;
        QTest::newRow("member") << colours << R"("green")"s
                                << ""s
                                << R"("green")"s;
        QTest::newRow("not a member") << colours << R"("pink")"s
                                      << "enum"s
                                      << "Input should be 'red', 'green' or 'blue'"s;
        QTest::newRow("case matters") << colours << R"("Red")"s
                                      << "enum"s
                                      << "Input should be 'red', 'green' or 'blue'"s;
        const auto sizes = R"({"type": "enum", "values": [1, 2, 3]})"s;
        QTest::newRow("int member") << sizes << "2"s
                                    << ""s
                                    << "2"s;
        QTest::newRow("lax int from string") << sizes << R"("2")"s
                                             << ""s
                                             << "2"s;
        QTest::newRow("strict int from string") << R"({"type": "enum", "values": [1, 2], "strict": true})"s
                                                << R"("2")"s
                                                << "enum"s
                                                << "Input should be 1 or 2"s;
        QTest::newRow("single value") << R"({"type": "enum", "values": ["only"]})"s
                                      << R"("x")"s
                                      << "enum"s
                                      << "Input should be 'only'"s;
        QTest::newRow("mixed values") << R"({"type": "enum", "values": ["a", 1, true, null, 2.5]})"s
                                      << R"("b")"s
                                      << "enum"s
                                      << "Input should be 'a', 1, True, None or 2.5"s;
    }
    void enums() { checkRow(); }
};

QTEST_GUILESS_MAIN(TestSchemaValidatorScalars)
#include "TestSchemaValidatorScalars.moc"
