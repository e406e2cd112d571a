// SPDX-License-Identifier: Apache-2.0
// Pydantic v2 semantics of SchemaValidator for strings: length in code points,
// unanchored Rust-like patterns, the order of strip, case and deny list, and the
// string formats (email, uuid, uri, date-time, ipv4, ipv6). Rows: SchemaValidatorRows.h.
#include "engine/SchemaValidator.h"

#include "SchemaValidatorRows.h"
#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;
using pc::test::addColumns;
using pc::test::checkRow;

class TestSchemaValidatorStrings final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void strings_data()
    {
        addColumns();
        const auto min3 = R"({"type": "string", "min_length": 3})"s;
        QTest::newRow("plain string passes") << R"({"type": "string"})"s
                                             << R"("abc")"s
                                             << ""s
                                             << R"("abc")"s;
        QTest::newRow("number is not a string, even lax") << R"({"type": "string"})"s
                                                          << "42"s
                                                          << "string_type"s
                                                          << "Input should be a valid string"s;
        QTest::newRow("null is not a string") << R"({"type": "string"})"s
                                              << "null"s
                                              << "string_type"s
                                              << "Input should be a valid string"s;
        QTest::newRow("too short, plural") << min3 << R"("ab")"s
                                           << "string_too_short"s
                                           << "String should have at least 3 characters"s;
        QTest::newRow("too short, singular") << R"({"min_length": 1})"s
                                             << R"("")"s
                                             << "string_too_short"s
                                             << "String should have at least 1 character"s;
        QTest::newRow("too long") << R"({"max_length": 2})"s
                                  << R"("abc")"s
                                  << "string_too_long"s
                                  << "String should have at most 2 characters"s;
        QTest::newRow("emoji is one code point") << R"({"max_length": 1})"s
                                                 << R"("😀")"s
                                                 << ""s
                                                 << R"("😀")"s;
        QTest::newRow("escaped emoji is one code point") << R"({"max_length": 1})"s
                                                         << R"("\ud83d\ude00")"s
                                                         << ""s
                                                         << R"("😀")"s;
        QTest::newRow("e + combining accent is two code points") << R"({"max_length": 1})"s
                                                                 << R"("e\u0301")"s
                                                                 << "string_too_long"s
                                                                 << "String should have at most 1 character"s;
        QTest::newRow("pattern search is unanchored") << R"({"pattern": "[a-z]+"})"s
                                                      << R"("ABCabc")"s
                                                      << ""s
                                                      << R"("ABCabc")"s;
        QTest::newRow("anchored pattern refuses") << R"({"pattern": "^[a-z]+$"})"s
                                                  << R"("ABCabc")"s
                                                  << "string_pattern_mismatch"s
                                                  << "String should match pattern '^[a-z]+$'"s;
        QTest::newRow("$ is the end of text, not before a newline") << R"({"pattern": "^[a-z]+$"})"s
                                                                    << R"("abc\n")"s
                                                                    << "string_pattern_mismatch"s
                                                                    << "String should match pattern '^[a-z]+$'"s;
        QTest::newRow("\\w is Unicode-aware as in Rust regex") << R"({"pattern": "^\\w+$"})"s
                                                               << R"("café")"s
                                                               << ""s
                                                               << R"("café")"s;
        QTest::newRow("\\d matches Arabic-Indic digits as in Rust regex") << R"({"pattern": "^\\d+$"})"s
                                                                          << R"("٣")"s
                                                                          << ""s
                                                                          << R"("٣")"s;
        QTest::newRow("(?<name>) groups work as in Rust regex") << R"({"pattern": "^(?<word>[a-z]+)$"})"s
                                                                << R"("abc")"s
                                                                << ""s
                                                                << R"("abc")"s;
        QTest::newRow("length is checked before the pattern") << R"({"min_length": 5, "pattern": "^[0-9]+$"})"s
                                                              << R"("ab")"s
                                                              << "string_too_short"s
                                                              << "String should have at least 5 characters"s;
        QTest::newRow("strip before length") << R"({"strip_whitespace": true, "min_length": 3})"s
                                             << R"("  ab  ")"s
                                             << "string_too_short"s
                                             << "String should have at least 3 characters"s;
        QTest::newRow("strip output") << R"({"strip_whitespace": true, "min_length": 3})"s
                                      << R"(" abc\u3000")"s
                                      << ""s
                                      << R"("abc")"s;
        QTest::newRow("strip before pattern") << R"({"strip_whitespace": true, "pattern": "^[a-z]+$"})"s
                                              << R"("  abc ")"s
                                              << ""s
                                              << R"("abc")"s;
        QTest::newRow("to_lower runs after the pattern (pydantic#6624)")
            << R"({"to_lower": true, "pattern": "^[a-z]+$"})"s
            << R"("ABC")"s
            << "string_pattern_mismatch"s
            << "String should match pattern '^[a-z]+$'"s;
        QTest::newRow("to_lower output") << R"({"to_lower": true})"s
                                         << R"("AbÇ")"s
                                         << ""s
                                         << R"("abç")"s;
        QTest::newRow("to_upper output") << R"({"to_upper": true})"s
                                         << R"("straße")"s
                                         << ""s
                                         << R"("STRASSE")"s;
        QTest::newRow("denied substring") << R"({"deny_substrings": ["--", ";"]})"s
                                          << R"("a--b")"s
                                          << "string_denied_substring"s
                                          << "String should not contain '--'"s;
        // Escaped, not raw, literals: moc does not parse raw strings, and an apostrophe in one hid every later slot.
        QTest::newRow("denied quote is named with Python's repr") << "{\"deny_substrings\": [\"'\"]}"s
                                                                  << "\"O'Brian\""s
                                                                  << "string_denied_substring"s
                                                                  << "String should not contain \"'\""s;
        QTest::newRow("deny list sees the lower-cased value") << R"({"to_lower": true, "deny_substrings": ["drop"]})"s
                                                              << R"("DROP table")"s
                                                              << "string_denied_substring"s
                                                              << "String should not contain 'drop'"s;
    }
    void strings() { checkRow(); }

    void formats_data()
    {
        addColumns();
        QTest::newRow("email ok") << R"({"format": "email"})"s
                                  << R"("jd@example.com")"s
                                  << ""s
                                  << R"("jd@example.com")"s;
        QTest::newRow("email without @") << R"({"format": "email"})"s
                                         << R"("jd.example.com")"s
                                         << "value_error"s
                                         << "value is not a valid email address: An email address must have an "
                                            "@-sign."s;
        QTest::newRow("email domain without period")
            << R"({"format": "email"})"s
            << R"("jd@example")"s
            << "value_error"s
            << "value is not a valid email address: The part after the @-sign is not valid. It should have a period."s;
        QTest::newRow("uuid hyphenated") << R"({"format": "uuid"})"s
                                         << R"("123e4567-e89b-12d3-a456-426614174000")"s
                                         << ""s
                                         << R"("123e4567-e89b-12d3-a456-426614174000")"s;
        QTest::newRow("uuid simple") << R"({"format": "uuid"})"s
                                     << R"("123e4567e89b12d3a456426614174000")"s
                                     << ""s
                                     << R"("123e4567e89b12d3a456426614174000")"s;
        QTest::newRow("uuid bad length") << R"({"format": "uuid"})"s
                                         << R"("1234")"s
                                         << "uuid_parsing"s
                                         << "Input should be a valid UUID, invalid length: expected length 32 for "
                                            "simple format, found 4"s;
        QTest::newRow("uuid bad group") << R"({"format": "uuid"})"s
                                        << R"("123e4567-e89b-12d3-a456-42661417400")"s
                                        << "uuid_parsing"s
                                        << "Input should be a valid UUID, invalid group length in group 4: expected "
                                           "12, found 11"s;
        QTest::newRow("uri ok") << R"({"format": "uri"})"s
                                << R"("https://example.com:8443/a?b#c")"s
                                << ""s
                                << R"("https://example.com:8443/a?b#c")"s;
        QTest::newRow("uri relative") << R"({"format": "uri"})"s
                                      << R"("/just/a/path")"s
                                      << "url_parsing"s
                                      << "Input should be a valid URL, relative URL without a base"s;
        QTest::newRow("uri empty host") << R"({"format": "uri"})"s
                                        << R"("http://")"s
                                        << "url_parsing"s
                                        << "Input should be a valid URL, empty host"s;
        QTest::newRow("uri bad port") << R"({"format": "uri"})"s
                                      << R"("http://a.b:99999/")"s
                                      << "url_parsing"s
                                      << "Input should be a valid URL, invalid port number"s;
        QTest::newRow("date-time with Z") << R"({"format": "date-time"})"s
                                          << R"("2024-02-29T12:30:00Z")"s
                                          << ""s
                                          << R"("2024-02-29T12:30:00Z")"s;
        QTest::newRow("date-time with offset and fraction") << R"({"format": "date-time"})"s
                                                            << R"("2024-01-01T00:00:00.123456+05:30")"s
                                                            << ""s
                                                            << R"("2024-01-01T00:00:00.123456+05:30")"s;
        QTest::newRow("date-time without zone") << R"({"format": "date-time"})"s
                                                << R"("2024-01-01T00:00:00")"s
                                                << "timezone_aware"s
                                                << "Input should have timezone info"s;
        QTest::newRow("date-time not a leap year") << R"({"format": "date-time"})"s
                                                   << R"("2023-02-29T00:00:00Z")"s
                                                   << "datetime_parsing"s
                                                   << "Input should be a valid datetime, day value is outside "
                                                      "expected range"s;
        QTest::newRow("date-time bad month") << R"({"format": "date-time"})"s
                                             << R"("2023-13-01T00:00:00Z")"s
                                             << "datetime_parsing"s
                                             << "Input should be a valid datetime, month value is outside expected "
                                                "range of 1-12"s;
        QTest::newRow("ipv4 ok") << R"({"format": "ipv4"})"s
                                 << R"("192.168.0.1")"s
                                 << ""s
                                 << R"("192.168.0.1")"s;
        QTest::newRow("ipv4 leading zero") << R"({"format": "ipv4"})"s
                                           << R"("192.168.0.01")"s
                                           << "ip_v4_address"s
                                           << "Input is not a valid IPv4 address"s;
        QTest::newRow("ipv4 octet too big") << R"({"format": "ipv4"})"s
                                            << R"("256.1.1.1")"s
                                            << "ip_v4_address"s
                                            << "Input is not a valid IPv4 address"s;
        QTest::newRow("ipv6 compressed") << R"({"format": "ipv6"})"s
                                         << R"("2001:db8::1")"s
                                         << ""s
                                         << R"("2001:db8::1")"s;
        QTest::newRow("ipv6 with IPv4 tail") << R"({"format": "ipv6"})"s
                                             << R"("::ffff:192.0.2.1")"s
                                             << ""s
                                             << R"("::ffff:192.0.2.1")"s;
        QTest::newRow("ipv6 two ::") << R"({"format": "ipv6"})"s
                                     << R"("1::2::3")"s
                                     << "ip_v6_address"s
                                     << "Input is not a valid IPv6 address"s;
        QTest::newRow("ipv6 too many groups") << R"({"format": "ipv6"})"s
                                              << R"("1:2:3:4:5:6:7:8:9")"s
                                              << "ip_v6_address"s
                                              << "Input is not a valid IPv6 address"s;
    }
    void formats() { checkRow(); }
};

QTEST_GUILESS_MAIN(TestSchemaValidatorStrings)
#include "TestSchemaValidatorStrings.moc"
