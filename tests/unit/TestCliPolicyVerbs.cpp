// SPDX-License-Identifier: Apache-2.0
#include "CheckCommand.h"
#include "CliApplication.h"

#include "common/AtomicFile.h"
#include "common/JsonParser.h"
#include "common/TextFile.h"

#include "TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <regex>
#include <sstream>

using namespace std::string_literals;

namespace {

struct Run {
    int code = -1;
    std::string out;
    std::string err;
};

Run cli(const QStringList& args)
{
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    pc::cli::CliContext io{in, out, err};
    pc::cli::CliApplication app;
    Run r;
    r.code = app.run(args, io);
    r.out = out.str();
    r.err = err.str();
    return r;
}

QString source(const char* relative)
{
    return QString::fromStdString(pc::test::sourcePath(relative));
}

QStringList shippedFiles()
{
    QStringList files;
    for (const char* folder : {"resources/examples", "resources/presets"}) {
        const QDir dir(source(folder));
        for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            files << dir.filePath(name);
        }
    }
    return files;
}

std::string read(const QString& path)
{
    auto text = pc::TextFile::read(path.toStdString(), 1 << 24);
    return text.ok() ? text.value() : "<unreadable>"s;
}

void write(const QString& path, const std::string& text)
{
    QVERIFY(pc::AtomicFile::write(path.toStdString(), text).ok());
}

const std::string kBroken = "{\n"
                            "  \"portcullis\": 1,\n"
                            "  \"name\": \"Broken\",\n"
                            "  \"cors\": {\"allow_origin\": [\"https://app.example.com\"]},\n"
                            "  \"routes\": [{\"id\": \"a\", \"methods\": [\"patch\"], \"path\": \"/a\"}]\n"
                            "}\n";

} // namespace

class TestCliPolicyVerbs final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void checkAcceptsEveryShippedFile()
    {
        const QStringList files = shippedFiles();
        QVERIFY(files.size() >= 5);
        const Run r = cli(QStringList{QStringLiteral("check")} + files);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.empty(), r.err.c_str());
        for (const QString& f : files) {
            QVERIFY(r.out.find(f.toStdString() + ": valid") != std::string::npos);
        }
    }

    void checkReportsOneLocatedLinePerError()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("broken.json"));
        write(file, kBroken);
        const Run r = cli({QStringLiteral("check"), file});
        QCOMPARE(r.code, 1);
        const std::string f = file.toStdString();
        QVERIFY2(r.err.find(f + ":4:12: /cors/allow_origin: \"allow_origin\" is not a setting of \"cors\". (did you "
                                "mean \"allow_origins\"?)\n") != std::string::npos,
                 r.err.c_str());
        QVERIFY2(r.err.find(f + ":5:38: /routes/0/methods/0: \"patch\" is not upper-case") != std::string::npos,
                 r.err.c_str());
        const std::regex line("^.+:\\d+:\\d+: /\\S*: .+\\. \\(.+\\)$");
        std::istringstream lines(r.err);
        int located = 0;
        for (std::string l; std::getline(lines, l);) {
            if (l.starts_with(f)) {
                QVERIFY2(std::regex_match(l, line), l.c_str());
                ++located;
            }
        }
        QCOMPARE(located, 2);
    }

    void checkSpeaksJson()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("broken.json"));
        write(bad, kBroken);
        const QString good = source("resources/examples/fastapi-tutorial.json");
        const Run r = cli({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"), good, bad});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.empty());
        const auto doc = pc::JsonParser::parse(r.out);
        QVERIFY(doc.ok());
        const auto& files = doc->value["files"];
        QCOMPARE(files.size(), size_t(2));
        QCOMPARE(files[0]["file"].get<std::string>(), good.toStdString());
        QVERIFY(files[0]["valid"].get<bool>());
        QVERIFY(files[0]["errors"].empty());
        QVERIFY(!files[1]["valid"].get<bool>());
        const auto& e = files[1]["errors"][0];
        QCOMPARE(e["code"].get<std::string>(), "unknown-key"s);
        QCOMPARE(e["pointer"].get<std::string>(), "/cors/allow_origin"s);
        QCOMPARE(e["hint"].get<std::string>(), "did you mean \"allow_origins\"?"s);
        QCOMPARE(e["line"].get<int>(), 4);
        QCOMPARE(e["column"].get<int>(), 12);
        QVERIFY(e.contains("message"));
    }

    void checkRunsLaterStages()
    {
        pc::cli::CheckCommand check;
        check.addStage([](const pc::LoadedPolicy& loaded) {
            pc::Errors errors;
            if (loaded.policy.cors && loaded.policy.cors->allowCredentials) {
                errors.push_back(pc::makeError("compile-test", "A later stage found something.",
                                               "/cors/allow_credentials", "fix it"));
            }
            return errors;
        });
        const auto report = check.checkFile(pc::test::sourcePath("resources/examples/fastapi-tutorial.json"));
        QVERIFY(!report.valid());
        QCOMPARE(report.errors.size(), size_t(1));
        QCOMPARE(report.errors[0].code, "compile-test"s);
        QVERIFY(report.errors[0].line > 0); // located through the same source map
        QCOMPARE(report.errors[0].file, pc::test::sourcePath("resources/examples/fastapi-tutorial.json"));
    }

    void checkHandlesMissingFilesAndUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<std::string>("errPart");
        QTest::newRow("missing file") << QStringList{QStringLiteral("check"), QStringLiteral("/nonexistent/p.json")}
                                      << 1 << "does not exist"s;
        QTest::newRow("no file") << QStringList{QStringLiteral("check")} << 2 << "missing arguments"s;
        QTest::newRow("bad format") << QStringList{QStringLiteral("check"), QStringLiteral("--format"),
                                                   QStringLiteral("xml"), QStringLiteral("x.json")}
                                    << 2 << "--format must be text or json"s;
        QTest::newRow("unknown option") << QStringList{QStringLiteral("check"), QStringLiteral("--frmat"),
                                                       QStringLiteral("x.json")}
                                        << 2 << "Unknown option"s;
        QTest::newRow("fmt with both modes") << QStringList{QStringLiteral("fmt"), QStringLiteral("--check"),
                                                            QStringLiteral("--write"), QStringLiteral("x.json")}
                                             << 2 << "exclude each other"s;
        QTest::newRow("fmt prints one file only")
            << QStringList{QStringLiteral("fmt"), QStringLiteral("a.json"), QStringLiteral("b.json")} << 2
            << "exactly one FILE"s;
        QTest::newRow("new without a preset") << QStringList{QStringLiteral("new")} << 2 << "strict-json-api"s;
        QTest::newRow("new with an unknown preset")
            << QStringList{QStringLiteral("new"), QStringLiteral("--preset"), QStringLiteral("nope")} << 2
            << "no preset 'nope'; presets: local-development, public-read-only, spa-with-api, strict-json-api"s;
        QTest::newRow("new never walks out of the presets")
            << QStringList{QStringLiteral("new"), QStringLiteral("--preset"),
                           QStringLiteral("../examples/fastapi-tutorial")}
            << 2 << "no preset"s;
    }
    void checkHandlesMissingFilesAndUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(std::string, errPart);
        const Run r = cli(args);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.find(errPart) != std::string::npos, r.err.c_str());
    }

    void helpForEachVerb_data()
    {
        QTest::addColumn<QString>("verb");
        QTest::addColumn<std::string>("part");
        QTest::newRow("check") << QStringLiteral("check") << "FILE:LINE:COLUMN: POINTER: MESSAGE (HINT)"s;
        QTest::newRow("fmt") << QStringLiteral("fmt") << "--check"s;
        QTest::newRow("new") << QStringLiteral("new") << "Presets: local-development, public-read-only"s;
    }
    void helpForEachVerb()
    {
        QFETCH(QString, verb);
        QFETCH(std::string, part);
        const Run r = cli({verb, QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.find("Usage: portcullis-cli " + verb.toStdString()) != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find(part) != std::string::npos, r.out.c_str());
        const Run top = cli({QStringLiteral("--help")});
        QVERIFY(top.out.find("  " + verb.toStdString() + " ") != std::string::npos);
    }

    void fmtChecksEveryShippedFile()
    {
        const Run r = cli(QStringList{QStringLiteral("fmt"), QStringLiteral("--check")} + shippedFiles());
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.empty(), r.err.c_str());
    }

    void fmtPrintsChecksAndWrites()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("p.json"));
        const std::string messy = "{\"name\": \"Messy\", \"portcullis\": 1, \"cors\": {\"max_age\": 600, "
                                  "\"allow_origins\": [\"https://a.example.com\"]}}";
        write(file, messy);
        const std::string canonical = "{\n  \"portcullis\": 1,\n  \"name\": \"Messy\",\n  \"cors\": {\n"
                                      "    \"allow_origins\": [\"https://a.example.com\"]\n  }\n}\n";

        Run r = cli({QStringLiteral("fmt"), file});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, canonical);
        QCOMPARE(read(file), messy); // printing changes nothing

        r = cli({QStringLiteral("fmt"), QStringLiteral("--check"), file});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.find(file.toStdString() + ": not in canonical form") != std::string::npos, r.err.c_str());
        QCOMPARE(read(file), messy);

        r = cli({QStringLiteral("fmt"), QStringLiteral("--write"), file});
        QCOMPARE(r.code, 0);
        QCOMPARE(read(file), canonical);
        QCOMPARE(cli({QStringLiteral("fmt"), QStringLiteral("--check"), file}).code, 0);
    }

    void fmtRefusesInvalidFiles()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("broken.json"));
        write(file, kBroken);
        const Run r = cli({QStringLiteral("fmt"), QStringLiteral("--write"), file});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.find(file.toStdString() + ":4:12: /cors/allow_origin") != std::string::npos);
        QCOMPARE(read(file), kBroken);
    }

    void newWritesPresets_data()
    {
        QTest::addColumn<QString>("preset");
        for (const QString& name :
             QDir(source("resources/presets")).entryList({QStringLiteral("*.json")}, QDir::Files)) {
            QTest::newRow(name.toUtf8().constData()) << name.chopped(5);
        }
    }
    void newWritesPresets()
    {
        QFETCH(QString, preset);
        const std::string shipped = read(source("resources/presets/") + preset + QStringLiteral(".json"));
        Run r = cli({QStringLiteral("new"), QStringLiteral("--preset"), preset});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, shipped);

        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("policy.json"));
        r = cli({QStringLiteral("new"), QStringLiteral("--preset"), preset, QStringLiteral("-o"), file});
        QCOMPARE(r.code, 0);
        QCOMPARE(read(file), shipped);
        QCOMPARE(cli({QStringLiteral("check"), file}).code, 0);

        write(file, "keep me");
        r = cli({QStringLiteral("new"), QStringLiteral("--preset"), preset, QStringLiteral("-o"), file});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.find("already exists") != std::string::npos, r.err.c_str());
        QCOMPARE(read(file), "keep me"s);

        r = cli({QStringLiteral("new"), QStringLiteral("--preset"), preset, QStringLiteral("-o"), file,
                 QStringLiteral("--force")});
        QCOMPARE(r.code, 0);
        QCOMPARE(read(file), shipped);
    }

    void newListsPresets()
    {
        const Run r = cli({QStringLiteral("new"), QStringLiteral("--list")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, "local-development\npublic-read-only\nspa-with-api\nstrict-json-api\n"s);
    }

    void builtBinaryKeepsTheExitCodes()
    {
        const QString binary = QString::fromStdString(pc::test::binaryPath("app/cli/portcullis-cli"));
        if (!QFileInfo::exists(binary)) {
            QSKIP("portcullis-cli is not built; build the 'portcullis-cli' target");
        }
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("broken.json"));
        write(bad, kBroken);
        const auto run = [&](const QStringList& args) {
            QProcess p;
            p.start(binary, args);
            p.waitForFinished(60'000);
            return std::pair{p.exitCode(),
                             p.readAllStandardOutput().toStdString() + p.readAllStandardError().toStdString()};
        };
        QCOMPARE(run(QStringList{QStringLiteral("check")} + shippedFiles()).first, 0);
        const auto [badCode, badText] = run({QStringLiteral("check"), bad});
        QCOMPARE(badCode, 1);
        QVERIFY(badText.find(":4:12: /cors/allow_origin:") != std::string::npos);
        QCOMPARE(run({QStringLiteral("check")}).first, 2);
        const auto [versionCode, versionText] = run({QStringLiteral("--version")});
        QCOMPARE(versionCode, 0);
        QVERIFY(versionText.starts_with("portcullis-cli "));
        QCOMPARE(run({QStringLiteral("new"), QStringLiteral("--preset"), QStringLiteral("strict-json-api")}).first, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliPolicyVerbs)
#include "TestCliPolicyVerbs.moc"
