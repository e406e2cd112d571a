// SPDX-License-Identifier: Apache-2.0
#include "common/JsonParser.h"
#include "policy/MigrationRegistry.h"
#include "policy/Policy.h"
#include "policy/PolicyFile.h"

#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;

namespace {

pc::PolicyJson parse(const std::string& text)
{
    auto parsed = pc::JsonParser::parse(text);
    return parsed.ok() ? parsed->value : pc::PolicyJson();
}

// A made-up history: version 1 called the section "security_headers" and
// version 2 wrote rate limits as a list; version 3 is today's shape.
pc::MigrationRegistry threeVersions()
{
    pc::MigrationRegistry registry(3);
    registry.add(1, [](pc::PolicyJson& doc) -> pc::Status {
        if (doc.contains("security_headers")) {
            doc["headers"] = doc["security_headers"];
            doc.erase("security_headers");
        }
        return pc::Ok{};
    });
    registry.add(2, [](pc::PolicyJson& doc) -> pc::Status {
        if (!doc.contains("rate_limits")) {
            return pc::Ok{};
        }
        if (!doc["rate_limits"].is_array()) {
            return pc::makeError("migration-failed", "Version 2 wrote rate limits as a list.", "/rate_limits",
                                 "fix the file by hand");
        }
        pc::PolicyJson named = pc::PolicyJson::object();
        for (const auto& limit : doc["rate_limits"]) {
            pc::PolicyJson rest = limit;
            rest.erase("name");
            named[limit.at("name").get<std::string>()] = rest; // throws on a malformed entry
        }
        doc["rate_limits"] = named;
        return pc::Ok{};
    });
    return registry;
}

} // namespace

class TestMigrations final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void standardRegistryIsAtTheFormatVersion()
    {
        QCOMPARE(pc::MigrationRegistry::standard().currentVersion(), pc::Policy::kFormatVersion);
        auto doc = parse(R"({"portcullis": 1, "name": "x"})");
        const auto version = pc::MigrationRegistry::standard().migrate(doc);
        QVERIFY(version.ok());
        QCOMPARE(version.value(), 1);
    }

    void migratesStepByStep_data()
    {
        QTest::addColumn<std::string>("document");
        QTest::addColumn<int>("from");
        QTest::newRow("from version 1") << R"({"portcullis": 1, "name": "x",
            "security_headers": {"remove": ["Server"]}, "rate_limits": [{"name": "a", "limit": "1/second"}]})"s
                                        << 1;
        QTest::newRow("from version 2") << R"({"portcullis": 2, "name": "x",
            "headers": {"remove": ["Server"]}, "rate_limits": [{"name": "a", "limit": "1/second"}]})"s
                                        << 2;
        QTest::newRow("already current") << R"({"portcullis": 3, "name": "x",
            "headers": {"remove": ["Server"]}, "rate_limits": {"a": {"limit": "1/second"}}})"s
                                         << 3;
    }
    void migratesStepByStep()
    {
        QFETCH(std::string, document);
        QFETCH(int, from);
        auto doc = parse(document);
        const auto version = threeVersions().migrate(doc);
        QVERIFY(version.ok());
        QCOMPARE(version.value(), from);
        QCOMPARE(doc["portcullis"].get<int>(), 3);
        QCOMPARE(doc.begin().key(), "portcullis"s); // still the first member
        QVERIFY(!doc.contains("security_headers"));
        QCOMPARE(doc["headers"]["remove"][0].get<std::string>(), "Server"s);
        QCOMPARE(doc["rate_limits"]["a"]["limit"].get<std::string>(), "1/second"s);
    }

    void refusesWhatItCannotMigrate_data()
    {
        QTest::addColumn<std::string>("document");
        QTest::addColumn<std::string>("code");
        QTest::addColumn<std::string>("messagePart");
        QTest::newRow("newer version") << R"({"portcullis": 4})"s
                                       << "newer-version"s
                                       << "up to 3"s;
        QTest::newRow("huge version") << R"({"portcullis": 18446744073709551615})"s
                                      << "newer-version"s
                                      << "up to 3"s;
        QTest::newRow("missing version") << R"({"name": "x"})"s
                                         << "missing-version"s
                                         << "format version"s;
        QTest::newRow("version zero") << R"({"portcullis": 0})"s
                                      << "bad-version"s
                                      << "no format version 0"s;
        QTest::newRow("negative version") << R"({"portcullis": -1})"s
                                          << "bad-version"s
                                          << "no format version -1"s;
        QTest::newRow("version as text") << R"({"portcullis": "1"})"s
                                         << "bad-version"s
                                         << "whole number"s;
        QTest::newRow("version as decimal") << R"({"portcullis": 1.0})"s
                                            << "bad-version"s
                                            << "whole number"s;
        QTest::newRow("not an object") << R"([1])"s
                                       << "wrong-type"s
                                       << "JSON object"s;
        QTest::newRow("step refuses") << R"({"portcullis": 2, "rate_limits": {"a": {}}})"s
                                      << "migration-failed"s
                                      << "as a list"s;
        QTest::newRow("step throws") << R"({"portcullis": 2, "rate_limits": [{"limit": "1/second"}]})"s
                                     << "migration-failed"s
                                     << "from format version 2 to 3 failed"s;
    }
    void refusesWhatItCannotMigrate()
    {
        QFETCH(std::string, document);
        QFETCH(std::string, code);
        QFETCH(std::string, messagePart);
        auto doc = parse(document);
        const auto version = threeVersions().migrate(doc);
        QVERIFY(!version.ok());
        QCOMPARE(version.error().code, code);
        QVERIFY2(version.error().message.find(messagePart) != std::string::npos, version.error().message.c_str());
        QVERIFY(!version.error().hint.empty());
    }

    void newerVersionAsksToUpgrade()
    {
        auto doc = parse(R"({"portcullis": 4})");
        const auto version = threeVersions().migrate(doc);
        QVERIFY(!version.ok());
        QVERIFY(version.error().hint.find("upgrade Portcullis") != std::string::npos);
        QCOMPARE(version.error().pointer, "/portcullis"s);
    }

    void refusesAGapInTheSteps()
    {
        pc::MigrationRegistry gap(3);
        gap.add(1, [](pc::PolicyJson&) -> pc::Status { return pc::Ok{}; });
        auto doc = parse(R"({"portcullis": 1})");
        const auto version = gap.migrate(doc);
        QVERIFY(!version.ok());
        QCOMPARE(version.error().code, "no-migration"s);
        QVERIFY(version.error().message.find("version 2 to 3") != std::string::npos);
        QCOMPARE(doc["portcullis"].get<int>(), 2); // the steps that exist ran
    }

    void loaderRunsTheMigrationsFirst()
    {
        // A registry one version ahead of today's stands in for a future build:
        // the loader migrates a version-1 document ("title" became "name") and
        // then reads it.
        pc::MigrationRegistry future(pc::Policy::kFormatVersion + 1);
        future.add(pc::Policy::kFormatVersion, [](pc::PolicyJson& doc) -> pc::Status {
            doc["name"] = doc["title"];
            doc.erase("title");
            return pc::Ok{};
        });
        const std::string text = R"({"portcullis": 1, "title": "Renamed"})";
        const auto loaded = pc::PolicyFile::loadDocumentText(text, "old.json", future);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().toString().c_str());
        QCOMPARE(loaded->policy.name, "Renamed"s);
        QCOMPARE(loaded->sourceVersion, pc::Policy::kFormatVersion);

        const auto newer = pc::PolicyFile::loadText(R"({"portcullis": 99, "name": "x"})", "new.json");
        QVERIFY(!newer.ok());
        QCOMPARE(newer.error().code, "newer-version"s);
        QCOMPARE(newer.error().line, 1);
        QCOMPARE(newer.error().column, 16);
        QCOMPARE(newer.error().file, "new.json"s);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"
