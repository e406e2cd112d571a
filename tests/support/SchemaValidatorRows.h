// SPDX-License-Identifier: Apache-2.0
// Test-only: the row shape the SchemaValidator tables share. Each row is a field
// (policy JSON), an input (JSON) and either the validated value or the error type
// and message Pydantic v2 gives (pydantic-core 2.x, Python mode as FastAPI runs it).
// Header-only; checkRow() uses QtTest macros, so call it from a test function.
#pragma once

#include "engine/SchemaValidator.h"

#include "SchemaFixture.h"
#include "TestSupport.h"

#include <QTest>

#include <string>

namespace pc::test {

// Validates {"v": input} against a schema with the single field `v`.
inline SchemaValidator::Outcome validateSingle(const std::string& field, const std::string& input)
{
    auto validator = SchemaValidator::compile(singleField(field));
    if (!validator) {
        qFatal("fixture does not compile: %s", validator.error().toString().c_str());
    }
    SchemaValidator::Options options;
    options.locPrefix = {"body"};
    return validator->validateJson("S", R"({"v": )" + input + "}", options);
}

inline void addColumns()
{
    QTest::addColumn<std::string>("field");
    QTest::addColumn<std::string>("input");
    QTest::addColumn<std::string>("type");     // "" when valid
    QTest::addColumn<std::string>("expected"); // the validated value (JSON), or the message
}

// Checks the current row: the validated value, or exactly one error of the row's type and message at body.v.
inline void checkRow()
{
    using namespace std::string_literals;
    QFETCH(std::string, field);
    QFETCH(std::string, input);
    QFETCH(std::string, type);
    QFETCH(std::string, expected);
    const auto outcome = validateSingle(field, input);
    if (type.empty()) {
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : (outcome.issues[0].type + ": " + outcome.issues[0].msg).c_str());
        QCOMPARE(outcome.value["v"].dump(), expected);
        return;
    }
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.issues.size(), size_t(1)); // one error per field
    QCOMPARE(outcome.issues[0].type, type);
    QCOMPARE(outcome.issues[0].msg, expected);
    QCOMPARE(outcome.issues[0].loc.dump(), R"(["body","v"])"s);
}

} // namespace pc::test
