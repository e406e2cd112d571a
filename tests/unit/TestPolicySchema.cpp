// SPDX-License-Identifier: Apache-2.0
#include "common/JsonParser.h"
#include "common/TextFile.h"
#include "policy/PolicyEnums.h"
#include "policy/PolicyJson.h"

#include "TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include <map>

using namespace std::string_literals;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");

pc::PolicyJson readJson(const std::string& path)
{
    auto text = pc::TextFile::read(path, 16 << 20);
    if (!text.ok()) {
        return {};
    }
    auto parsed = pc::JsonParser::parse(text.value());
    return parsed.ok() ? parsed->value : pc::PolicyJson();
}

std::string schemaPath()
{
    return pc::test::sourcePath("resources/schema/portcullis-policy.schema.json");
}

QStringList shippedFiles()
{
    QStringList files;
    for (const char* folder : {"resources/examples", "resources/presets"}) {
        const QDir dir(QString::fromStdString(pc::test::sourcePath(folder)));
        for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            files << dir.filePath(name);
        }
    }
    return files;
}

template <class E> std::vector<std::string> enumNames()
{
    std::vector<std::string> out;
    for (const auto& entry : pc::EnumTraits<E>::names()) {
        out.emplace_back(entry.name);
    }
    return out;
}

// Every member of every "properties" has a description, so editors can show one.
void collectUndescribed(const pc::PolicyJson& node, const std::string& where, std::vector<std::string>& out)
{
    if (node.is_object()) {
        if (node.contains("properties") && node["properties"].is_object()) {
            for (auto it = node["properties"].begin(); it != node["properties"].end(); ++it) {
                if (it.value().is_object() && !it.value().contains("description")) {
                    out.push_back(where + "/properties/" + it.key());
                }
            }
        }
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (it.key() != "if") { // conditions select, they describe nothing
                collectUndescribed(it.value(), where + "/" + it.key(), out);
            }
        }
    } else if (node.is_array()) {
        for (size_t i = 0; i < node.size(); ++i) {
            collectUndescribed(node[i], where + "/" + std::to_string(i), out);
        }
    }
}

} // namespace

class TestPolicySchema final : public QObject {
    Q_OBJECT

private:
    std::map<std::string, pc::PolicyJson> m_reports; // absolute file path -> validator report
    bool m_havePython = false;

    void requirePython()
    {
        if (!m_havePython) {
            QSKIP("/usr/bin/python3 with the jsonschema package is not installed (apt install python3-jsonschema)");
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFileInfo::exists(kPython)) {
            return;
        }
        QProcess probe;
        probe.start(kPython,
                    {QStringLiteral("-c"), QStringLiteral("import jsonschema; jsonschema.Draft202012Validator")});
        if (!probe.waitForFinished(60'000) || probe.exitCode() != 0) {
            return;
        }
        m_havePython = true;

        QStringList files = shippedFiles();
        const QDir corpus(QString::fromStdString(pc::test::sourcePath("tests/data/invalid")));
        for (const QString& name : corpus.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            if (name != QStringLiteral("expected.json")) {
                files << corpus.filePath(name);
            }
        }
        QProcess run;
        run.start(kPython,
                  QStringList{QString::fromStdString(pc::test::sourcePath("tests/support/validate_with_schema.py")),
                              QString::fromStdString(schemaPath())} +
                      files);
        QVERIFY(run.waitForFinished(120'000));
        QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
        const auto report = pc::JsonParser::parse(run.readAllStandardOutput().toStdString());
        QVERIFY(report.ok());
        for (const auto& entry : report->value) {
            m_reports[entry["file"].get<std::string>()] = entry;
        }
        QCOMPARE(m_reports.size(), size_t(files.size()));
    }

    void acceptsShippedFile_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString& file : shippedFiles()) {
            QTest::newRow(QFileInfo(file).fileName().toUtf8().constData()) << file;
        }
    }
    void acceptsShippedFile()
    {
        requirePython();
        QFETCH(QString, file);
        const pc::PolicyJson& r = m_reports[file.toStdString()];
        QVERIFY2(r["valid"].get<bool>(), r["errors"].dump().c_str());
    }

    void judgesInvalidDocument_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<std::string>("expectation");
        const pc::PolicyJson expected = readJson(pc::test::sourcePath("tests/data/invalid/expected.json"));
        const QDir corpus(QString::fromStdString(pc::test::sourcePath("tests/data/invalid")));
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            QTest::newRow(it.key().c_str())
                << corpus.filePath(QString::fromStdString(it.key())) << it.value()["schema"].get<std::string>();
        }
    }
    void judgesInvalidDocument()
    {
        requirePython();
        QFETCH(QString, file);
        QFETCH(std::string, expectation);
        const pc::PolicyJson& r = m_reports[file.toStdString()];
        if (expectation == "not-json") {
            QVERIFY(!r["parsed"].get<bool>());
        } else if (expectation == "reject") {
            QVERIFY2(r["parsed"].get<bool>() && !r["valid"].get<bool>(), "the schema must reject this document");
        } else {
            // Only the loader can tell (references, duplicates, grammars); record
            // that the schema lets it through, so the expectation stays honest.
            QCOMPARE(expectation, "loader-only"s);
            QVERIFY2(r["valid"].get<bool>(), r["errors"].dump().c_str());
        }
    }

    void enumsMatchTheModel()
    {
        const pc::PolicyJson schema = readJson(schemaPath());
        const auto check = [&](const char* def, std::vector<std::string> names) {
            const auto& values = schema["$defs"][def]["enum"];
            QVERIFY2(values.is_array(), def);
            QCOMPARE(values.get<std::vector<std::string>>(), names);
        };
        check("environment", enumNames<pc::Environment>());
        check("fieldType", enumNames<pc::FieldType>());
        check("stringFormat", enumNames<pc::StringFormat>());
        check("extraFields", enumNames<pc::ExtraFields>());
        check("routeAuth", enumNames<pc::RouteAuth>());
        check("routeHandler", enumNames<pc::RouteHandler>());
        check("rateStrategy", enumNames<pc::RateStrategy>());
        check("rateScope", enumNames<pc::RateScope>());
        check("rateHeaderStyle", enumNames<pc::RateHeaderStyle>());
        check("passwordScheme", enumNames<pc::PasswordScheme>());
        check("longPasswordPolicy", enumNames<pc::LongPasswordPolicy>());
        check("sameSite", enumNames<pc::SameSite>());
        check("secretKind", enumNames<pc::SecretKind>());
        check("clientIpHeader", enumNames<pc::ClientIpHeader>());
        check("tlsVersion", enumNames<pc::TlsVersion>());
    }

    void describesEveryProperty()
    {
        const pc::PolicyJson schema = readJson(schemaPath());
        QCOMPARE(schema["$schema"].get<std::string>(), "https://json-schema.org/draft/2020-12/schema"s);
        std::vector<std::string> undescribed;
        collectUndescribed(schema, "", undescribed);
        std::string list;
        for (const auto& u : undescribed) {
            list += u + "\n";
        }
        QVERIFY2(undescribed.empty(), list.c_str());
    }
};

QTEST_GUILESS_MAIN(TestPolicySchema)
#include "TestPolicySchema.moc"
