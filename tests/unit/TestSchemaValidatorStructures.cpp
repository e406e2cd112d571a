// SPDX-License-Identifier: Apache-2.0
// SchemaValidator beyond single scalars: arrays and nested objects with every
// error located, extra fields, defaults and nullability, the whole-value and
// single-field entry points, and the schemas it refuses to compile.
#include "engine/SchemaValidator.h"

#include "SchemaFixture.h"
#include "SchemaValidatorRows.h"
#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;
using pc::test::addColumns;
using pc::test::checkRow;
using pc::test::validateSingle;

class TestSchemaValidatorStructures final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void arrays_data()
    {
        addColumns();
        const auto tags = R"({"type": "array", "items": {"type": "string", "max_length": 3}, "max_items": 3})"s;
        QTest::newRow("valid") << tags << R"(["a", "bc"])"s
                               << ""s
                               << R"(["a","bc"])"s;
        QTest::newRow("not a list") << tags << R"("a")"s
                                    << "list_type"s
                                    << "Input should be a valid list"s;
        QTest::newRow("too long") << tags << R"(["a", "b", "c", "d"])"s
                                  << "too_long"s
                                  << "List should have at most 3 items after validation, not 4"s;
        QTest::newRow("too long, singular") << R"({"type": "array", "max_items": 1})"s
                                            << "[1, 2]"s
                                            << "too_long"s
                                            << "List should have at most 1 item after validation, not 2"s;
        QTest::newRow("too short") << R"({"type": "array", "min_items": 2})"s
                                   << "[1]"s
                                   << "too_short"s
                                   << "List should have at least 2 items after validation, not 1"s;
        QTest::newRow("items are coerced") << R"({"type": "array", "items": {"type": "integer"}})"s
                                           << R"(["1", 2.0, true])"s
                                           << ""s
                                           << "[1,2,1]"s;
        QTest::newRow("unique items") << R"({"type": "array", "unique_items": true})"s
                                      << "[1, 2, 1]"s
                                      << "unique_items"s
                                      << "List item should be unique, it repeats item 0"s;
        QTest::newRow("any items") << R"({"type": "array"})"s
                                   << R"([1, "a", null, {"k": [true]}])"s
                                   << ""s
                                   << R"([1,"a",null,{"k":[true]}])"s;
    }
    void arrays()
    {
        QFETCH(std::string, type);
        if (type == "unique_items") {
            QFETCH(std::string, field);
            QFETCH(std::string, input);
            QFETCH(std::string, expected);
            const auto outcome = validateSingle(field, input);
            QCOMPARE(outcome.issues.size(), size_t(1));
            QCOMPARE(outcome.issues[0].msg, expected);
            QCOMPARE(outcome.issues[0].loc.dump(), R"(["body","v",2])"s); // points at the repeat
            return;
        }
        checkRow();
    }

    void everyItemErrorIsReported()
    {
        const auto outcome =
            validateSingle(R"({"type": "array", "items": {"type": "integer", "gt": 0}})", R"([1, "x", 0, 3, -1])");
        QCOMPARE(outcome.issues.size(), size_t(3));
        QCOMPARE(outcome.issues[0].loc.dump(), R"(["body","v",1])"s);
        QCOMPARE(outcome.issues[0].type, "int_parsing"s);
        QCOMPARE(outcome.issues[1].loc.dump(), R"(["body","v",2])"s);
        QCOMPARE(outcome.issues[1].type, "greater_than"s);
        QCOMPARE(outcome.issues[2].loc.dump(), R"(["body","v",4])"s);
    }

    void tooLongHidesItemErrors()
    {
        // pydantic-core stops at the item beyond max_length and reports only too_long.
        const auto outcome =
            validateSingle(R"({"type": "array", "items": {"type": "integer"}, "max_items": 1})", R"(["x", "y"])");
        QCOMPARE(outcome.issues.size(), size_t(1));
        QCOMPARE(outcome.issues[0].type, "too_long"s);
        QCOMPARE(outcome.issues[0].ctx.dump(), R"({"field_type":"List","max_length":1,"actual_length":2})"s);
    }

    void nestedObjects()
    {
        auto validator = pc::SchemaValidator::compile(pc::test::schemasFromJson(R"({
            "Order": {"fields": {
                "id": {"type": "integer"},
                "customer": {"type": "object", "schema": "Customer"},
                "lines": {"type": "array", "items": {"type": "object", "schema": "Line"}}}},
            "Customer": {"extra": "forbid", "fields": {
                "name": {"type": "string"},
                "address": {"type": "object", "schema": "Address", "nullable": true}}},
            "Address": {"fields": {"zip": {"type": "string", "pattern": "^[0-9]{5}$"}}},
            "Line": {"fields": {"sku": {"type": "string"}, "qty": {"type": "integer", "gt": 0}}}})"));
        QVERIFY(validator.ok());
        pc::SchemaValidator::Options options;
        options.locPrefix = {"body"};
        const auto outcome =
            validator->validateJson("Order",
                                    R"({"id": "7", "customer": {"address": {"zip": "1234"}, "vip": true},
                "lines": [{"sku": "A", "qty": 1}, {"qty": 0}, "oops"]})",
                                    options);
        std::vector<std::string> got;
        for (const auto& issue : outcome.issues) {
            got.push_back(issue.loc.dump() + " " + issue.type);
        }
        const std::vector<std::string> want{
            R"(["body","customer","name"] missing)",
            R"(["body","customer","address","zip"] string_pattern_mismatch)",
            R"(["body","customer","vip"] extra_forbidden)",
            R"(["body","lines",1,"sku"] missing)",
            R"(["body","lines",1,"qty"] greater_than)",
            R"(["body","lines",2] model_attributes_type)",
        };
        QCOMPARE(got, want);
        // A missing field's input is the object that lacks it.
        QCOMPARE(outcome.issues[0].input, R"({"address":{"zip":"1234"},"vip":true})"s);
        QCOMPARE(outcome.issues[3].input, R"({"qty":0})"s);

        const auto fine = validator->validateJson(
            "Order", R"({"id": "7", "customer": {"name": "Ann", "address": null}, "lines": []})", options);
        QVERIFY(fine.ok());
        QCOMPARE(fine.value.dump(), R"({"customer":{"address":null,"name":"Ann"},"id":7,"lines":[]})"s);
    }

    void extraBehaviours_data()
    {
        QTest::addColumn<std::string>("extra");
        QTest::addColumn<std::string>("expected");
        QTest::newRow("ignore drops unknown fields") << "ignore"s
                                                     << R"({"a":1})"s;
        QTest::newRow("allow keeps them") << "allow"s
                                          << R"({"a":1,"b":[2]})"s;
        QTest::newRow("forbid refuses them") << "forbid"s
                                             << "extra_forbidden ['b'] [2]"s;
    }
    void extraBehaviours()
    {
        QFETCH(std::string, extra);
        QFETCH(std::string, expected);
        auto validator = pc::SchemaValidator::compile(
            pc::test::schemasFromJson(R"({"S": {"extra": ")" + extra + R"(", "fields": {"a": {"type": "integer"}}}})"));
        QVERIFY(validator.ok());
        const auto outcome = validator->validateJson("S", R"({"a": 1, "b": [2]})");
        if (outcome.ok()) {
            QCOMPARE(outcome.value.dump(), expected);
        } else {
            const auto& issue = outcome.issues.at(0);
            QCOMPARE(issue.type + " ['" + issue.loc[0].get<std::string>() + "'] " + issue.input, expected);
        }
    }

    void missingDefaultsAndNullable()
    {
        auto validator = pc::SchemaValidator::compile(pc::test::schemasFromJson(R"({"S": {"fields": {
            "required": {"type": "string"},
            "defaulted": {"type": "integer", "default": 10},
            "optional": {"type": "string", "required": false},
            "nullable": {"type": "string", "nullable": true}}}})"));
        QVERIFY(validator.ok());
        const auto missing = validator->validateJson("S", R"({"nullable": "x"})");
        QCOMPARE(missing.issues.size(), size_t(1));
        QCOMPARE(missing.issues[0].type, "missing"s);
        QCOMPARE(missing.issues[0].msg, "Field required"s);
        const auto ok = validator->validateJson("S", R"({"required": "r", "nullable": null})");
        QVERIFY(ok.ok());
        QCOMPARE(ok.value.dump(), R"({"defaulted":10,"nullable":null,"required":"r"})"s);
        const auto nullRequired = validator->validateJson("S", R"({"required": null, "nullable": null})");
        QCOMPARE(nullRequired.issues.at(0).type, "string_type"s);
    }

    void wholeValueTypeErrors_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::addColumn<std::string>("expected");
        QTest::newRow("FastAPI (python mode, from_attributes)")
            << int(pc::SchemaValidator::Dialect::FastApi)
            << R"({"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from","input":[1,2]})"s;
        QTest::newRow("Pydantic validate_json")
            << int(pc::SchemaValidator::Dialect::PydanticJson)
            << R"({"type":"model_type","loc":["body"],"msg":"Input should be an object","input":[1,2],"ctx":{"class_name":"S"}})"s;
    }
    void wholeValueTypeErrors()
    {
        QFETCH(int, dialect);
        QFETCH(std::string, expected);
        auto validator = pc::SchemaValidator::compile(pc::test::singleField(R"({"type": "string"})"));
        pc::SchemaValidator::Options options;
        options.locPrefix = {"body"};
        options.dialect = static_cast<pc::SchemaValidator::Dialect>(dialect);
        const auto outcome = validator->validateJson("S", "[1, 2]", options);
        QCOMPARE(outcome.issues.size(), size_t(1));
        std::string json;
        outcome.issues[0].appendJson(json);
        QCOMPARE(json, expected);
    }

    void singleFieldAndRawText()
    {
        auto validator = pc::SchemaValidator::compile(pc::test::schemasFromJson(R"({"Q": {"fields": {
            "limit": {"type": "integer", "le": 100},
            "tags": {"type": "array", "items": {"type": "string"}},
            "name": {"type": "string"}}}})"));
        QVERIFY(validator.ok());
        const auto limit = validator->validateFieldText("Q", "limit", "42");
        QVERIFY(limit.ok());
        QCOMPARE(limit.value.dump(), "42"s);
        const auto tooBig = validator->validateFieldText("Q", "limit", "101");
        QCOMPARE(tooBig.issues.at(0).type, "less_than_equal"s);
        QCOMPARE(tooBig.issues.at(0).loc.dump(), R"(["limit"])"s);
        QCOMPARE(validator->validateFieldText("Q", "tags", "x").value.dump(), R"(["x"])"s);
        const auto json = validator->validateFieldJson("Q", "limit", "[");
        QCOMPARE(json.issues.at(0).type, "json_invalid"s);
        // Raw bytes that are not UTF-8 cannot become a string.
        const auto bytes = validator->validateFieldText("Q", "name", "caf\xE9");
        QCOMPARE(bytes.issues.at(0).type, "string_unicode"s);
        QCOMPARE(bytes.issues.at(0).input, "\"caf\xEF\xBF\xBD\""s);
        QCOMPARE(validator->validateField("Q", "nope", pc::JsonRef()).issues.at(0).type, "unknown_schema"s);
    }

    void compileErrorsAreLocated_data()
    {
        QTest::addColumn<std::string>("schemas");
        QTest::addColumn<std::string>("code");
        QTest::addColumn<std::string>("pointer");
        QTest::newRow("look-ahead refused by RE2")
            << R"({"UserInput": {"fields": {"username": {"pattern": "^(?=.*[0-9]).+$"}}}})"s
            << "bad-pattern"s
            << "/schemas/UserInput/fields/username/pattern"s;
        QTest::newRow("backreference refused by RE2") << R"({"S": {"fields": {"v": {"pattern": "(a)\\1"}}}})"s
                                                      << "bad-pattern"s
                                                      << "/schemas/S/fields/v/pattern"s;
        QTest::newRow("unknown nested schema") << R"({"S": {"fields": {"v": {"type": "object", "schema": "Nope"}}}})"s
                                               << "unknown-schema"s
                                               << "/schemas/S/fields/v/schema"s;
        QTest::newRow("object without schema") << R"({"S": {"fields": {"v": {"type": "object"}}}})"s
                                               << "missing-schema"s
                                               << "/schemas/S/fields/v/schema"s;
        QTest::newRow("inescapable cycle") << R"({"A": {"fields": {"b": {"type": "object", "schema": "B"}}},
                  "B": {"fields": {"a": {"type": "object", "schema": "A"}}}})"s
                                           << "cyclic-schema"s
                                           << "/schemas/B/fields/a"s;
        QTest::newRow("cycle through a non-empty array")
            << R"({"Node": {"fields": {"kids": {"type": "array", "min_items": 1,
                   "items": {"type": "object", "schema": "Node"}}}}})"s
            << "cyclic-schema"s
            << "/schemas/Node/fields/kids"s;
        QTest::newRow("min_length above max_length")
            << R"({"S": {"fields": {"v": {"min_length": 5, "max_length": 3}}}})"s
            << "contradictory-bounds"s
            << "/schemas/S/fields/v/min_length"s;
        QTest::newRow("min_items above max_items")
            << R"({"S": {"fields": {"v": {"type": "array", "min_items": 5, "max_items": 3}}}})"s
            << "contradictory-bounds"s
            << "/schemas/S/fields/v/min_items"s;
        QTest::newRow("gt 5 with lt 6 leaves no integer")
            << R"({"S": {"fields": {"v": {"type": "integer", "gt": 5, "lt": 6}}}})"s
            << "contradictory-bounds"s
            << "/schemas/S/fields/v/gt"s;
        QTest::newRow("ge above le") << R"({"S": {"fields": {"v": {"type": "number", "ge": 2.5, "le": 1}}}})"s
                                     << "contradictory-bounds"s
                                     << "/schemas/S/fields/v/ge"s;
        QTest::newRow("gt equal to lt") << R"({"S": {"fields": {"v": {"type": "number", "gt": 1, "lt": 1}}}})"s
                                        << "contradictory-bounds"s
                                        << "/schemas/S/fields/v/gt"s;
        QTest::newRow("fractional bound on an integer")
            << R"({"S": {"fields": {"v": {"type": "integer", "gt": 0.5}}}})"s
            << "bad-bound"s
            << "/schemas/S/fields/v/gt"s;
        QTest::newRow("zero multiple_of") << R"({"S": {"fields": {"v": {"type": "number", "multiple_of": 0}}}})"s
                                          << "bad-bound"s
                                          << "/schemas/S/fields/v/multiple_of"s;
        QTest::newRow("string constraint on an integer")
            << R"({"S": {"fields": {"v": {"type": "integer", "max_length": 3}}}})"s
            << "inapplicable-constraint"s
            << "/schemas/S/fields/v/max_length"s;
        QTest::newRow("pattern inside array items")
            << R"({"S": {"fields": {"v": {"type": "array", "items": {"pattern": "(?<!x)y"}}}}})"s
            << "bad-pattern"s
            << "/schemas/S/fields/v/items/pattern"s;
        QTest::newRow("empty enum") << R"({"S": {"fields": {"v": {"type": "enum", "values": []}}}})"s
                                    << "empty-enum"s
                                    << "/schemas/S/fields/v/values"s;
        QTest::newRow("plain fields compile") << R"({"S": {"fields": {"v": {}, "w": {}}}})"s
                                              << "none"s
                                              << ""s;
    }
    void compileErrorsAreLocated()
    {
        QFETCH(std::string, schemas);
        QFETCH(std::string, code);
        QFETCH(std::string, pointer);
        const auto result = pc::SchemaValidator::compile(pc::test::schemasFromJson(schemas));
        if (code == "none") {
            QVERIFY(result.ok());
            return;
        }
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, code);
        QCOMPARE(result.error().pointer, pointer);
        QVERIFY(!result.error().message.empty());
    }

    void re2MessageIsQuoted()
    {
        const auto result = pc::SchemaValidator::compile(pc::test::singleField(R"({"pattern": "^(?=.*[0-9]).+$"})"));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.find("invalid perl operator: (?=") != std::string::npos,
                 result.error().message.c_str());
    }

    void escapableCyclesCompile()
    {
        const auto result = pc::SchemaValidator::compile(pc::test::schemasFromJson(R"({
            "Tree": {"fields": {"children": {"type": "array", "items": {"type": "object", "schema": "Tree"}},
                                "parent": {"type": "object", "schema": "Tree", "nullable": true}}}})"));
        QVERIFY(result.ok());
        // Input nesting is the only bound on recursion, and the body parser bounds that.
        const auto outcome =
            result->validateJson("Tree", R"({"children": [{"children": [{"children": []}], "parent": null}]})");
        QCOMPARE(outcome.issues.size(), size_t(2)); // fields in declaration order, depth first
        QCOMPARE(outcome.issues.at(0).loc.dump(), R"(["children",0,"children",0,"parent"])"s);
        QCOMPARE(outcome.issues.at(1).loc.dump(), R"(["parent"])"s);
    }

    void validatorIsSharedAndCopyable()
    {
        auto compiled = pc::SchemaValidator::compile(pc::test::singleField(R"({"pattern": "^a+$"})"));
        QVERIFY(compiled.ok());
        const pc::SchemaValidator copy = *compiled;
        QVERIFY(copy.validateJson("S", R"({"v": "aaa"})").ok());
        QVERIFY(!copy.validateJson("S", R"({"v": "b"})").ok());
        QVERIFY(copy.hasSchema("S"));
        QVERIFY(!copy.hasSchema("T"));
    }
};

QTEST_GUILESS_MAIN(TestSchemaValidatorStructures)
#include "TestSchemaValidatorStructures.moc"
