// SPDX-License-Identifier: Apache-2.0
#include "common/JsonParser.h"
#include "common/TextFile.h"
#include "policy/PolicyFile.h"
#include "policy/PolicyReader.h"

#include "TestSupport.h"

#include <QTest>

#include <algorithm>
#include <set>

using namespace std::string_literals;

namespace {

const std::string kCorpus = pc::test::sourcePath("tests/data/invalid/");

pc::PolicyJson manifest()
{
    const auto text = pc::TextFile::read(kCorpus + "expected.json", 1 << 20);
    return text.ok() ? pc::JsonParser::parse(text.value())->value : pc::PolicyJson::object();
}

std::string everything(const pc::Errors& errors)
{
    std::string out;
    for (const pc::Error& e : errors) {
        out += e.toString() + "\n";
    }
    return out;
}

const pc::Error* find(const pc::Errors& errors, const std::string& code, const std::string& pointer)
{
    for (const pc::Error& e : errors) {
        if (e.code == code && e.pointer == pointer) {
            return &e;
        }
    }
    return nullptr;
}

// JSON written with single quotes, so that test documents read without escapes
// (moc mis-parses some raw string literals).
std::string jq(std::string text)
{
    std::replace(text.begin(), text.end(), '\'', '"');
    return text;
}

pc::Result<pc::Policy> load(const std::string& text)
{
    return pc::PolicyFile::loadText(text, "test.json");
}

} // namespace

class TestPolicyReader final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void corpusIsLargeEnough() { QVERIFY(manifest().size() >= 40); }

    void rejectsInvalidDocument_data()
    {
        QTest::addColumn<std::string>("file");
        QTest::addColumn<std::string>("code");
        QTest::addColumn<std::string>("pointer");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<std::string>("secret");
        const pc::PolicyJson all = manifest();
        for (auto it = all.begin(); it != all.end(); ++it) {
            const auto& e = it.value();
            const std::string name = it.key().substr(0, it.key().size() - 5);
            QTest::newRow(name.c_str()) << it.key() << e["code"].get<std::string>() << e["pointer"].get<std::string>()
                                        << e.value("count", 1) << e.value("line", 0) << e.value("column", 0)
                                        << e.value("secret", ""s);
        }
    }
    void rejectsInvalidDocument()
    {
        QFETCH(std::string, file);
        QFETCH(std::string, code);
        QFETCH(std::string, pointer);
        QFETCH(int, count);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(std::string, secret);
        const std::string path = kCorpus + file;
        const auto loaded = pc::PolicyFile::load(path);
        QVERIFY2(!loaded.ok(), "the document must not load");
        const pc::Errors& errors = loaded.errors();
        const pc::Error* e = find(errors, code, pointer);
        QVERIFY2(e != nullptr, ("expected " + code + " at \"" + pointer + "\", got:\n" + everything(errors)).c_str());
        QCOMPARE(int(errors.size()), count);
        QCOMPARE(e->file, path);
        QVERIFY2(e->line > 0 && e->column > 0, "every error is located");
        if (line > 0) {
            QCOMPARE(e->line, line);
            QCOMPARE(e->column, column);
        }
        QVERIFY2(!e->message.empty() && !e->hint.empty(), "every error says what is wrong and what to do");
        QVERIFY2(e->message.back() == '.', e->message.c_str());
        if (!secret.empty()) {
            QVERIFY2(everything(errors).find(secret) == std::string::npos, "a message repeats the secret");
        }
    }

    void reportsEveryErrorInDocumentOrder()
    {
        const std::string text =
            jq("{\n"
               "  'portcullis': 1,\n"
               "  'name': 'Many mistakes',\n"
               "  'enviroment': 'production',\n"
               "  'routes': [{'id': 'a', 'methods': ['get'], 'path': 'x', 'rate_limits': ['nope']}],\n"
               "  'cors': {'allow_origins': ['https://a.example/'], 'max_age': '600'},\n"
               "  'auth': {'jwt': {'algorithms': ['none'], 'key': 'inline-secret-value'}},\n"
               "  'limits': {'max_body_bytes': 'lots'}\n"
               "}");
        const auto loaded = load(text);
        QVERIFY(!loaded.ok());
        const pc::Errors& errors = loaded.errors();
        const std::set<std::string> codes = [&] {
            std::set<std::string> out;
            for (const auto& e : errors) {
                out.insert(e.code);
            }
            return out;
        }();
        for (const char* expected : {"unknown-key", "bad-value", "bad-path", "unknown-rate-limit", "bad-origin",
                                     "wrong-type", "inline-secret", "bad-size"}) {
            QVERIFY2(codes.count(expected) == 1,
                     (std::string("missing ") + expected + "\n" + everything(errors)).c_str());
        }
        QCOMPARE(errors.size(), size_t(9));
        for (size_t i = 1; i < errors.size(); ++i) {
            const bool ordered = errors[i - 1].line < errors[i].line ||
                                 (errors[i - 1].line == errors[i].line && errors[i - 1].column <= errors[i].column);
            QVERIFY2(ordered, everything(errors).c_str());
        }
        QVERIFY(everything(errors).find("inline-secret-value") == std::string::npos);
    }

    void suggestsTheIntendedName_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<std::string>("hint");
        QTest::newRow("misspelt key") << jq("{'portcullis': 1, 'name': 'x', 'cors': {'allow_origin': []}}")
                                      << "did you mean \"allow_origins\"?"s;
        QTest::newRow("camelCase key") << jq("{'portcullis': 1, 'name': 'x', 'cors': {'allowCredentials': true}}")
                                       << "did you mean \"allow_credentials\"?"s;
        QTest::newRow("enum value")
            << jq("{'portcullis': 1, 'name': 'x', 'environment': 'prodution'}")
            << "did you mean \"production\"? Use one of \"development\", \"staging\" or \"production\""s;
        QTest::newRow("reference")
            << jq("{'portcullis': 1, 'name': 'x', 'routes': [{'id': 'a', 'methods': ['GET'],\n"
                  "                                         'path': '/', 'rate_limits': ['per-clent']}],\n"
                  "                                         'rate_limits': {'per-client': {'limit': '1/second'}}}")
            << "did you mean \"per-client\"?"s;
        QTest::newRow("lower-case method")
            << jq("{'portcullis': 1, 'name': 'x', 'routes': [{'id': 'a',\n"
                  "                                                 'methods': ['patch'], 'path': '/'}]}")
            << "write \"PATCH\": browsers upper-case only DELETE, GET, HEAD, OPTIONS, "
               "POST and PUT, so a request made with \"patch\" would very likely end in "
               "a 405"s;
        QTest::newRow("constraint for another type")
            << jq("{'portcullis': 1, 'name': 'x', 'schemas': {'S': {'fields': {'n': {'type': 'integer', 'min_length': "
                  "1}}}}}")
            << "bound the value with \"ge\" and \"le\" (or \"gt\" and \"lt\") instead"s;
    }
    void suggestsTheIntendedName()
    {
        QFETCH(std::string, text);
        QFETCH(std::string, hint);
        const auto loaded = load(text);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.errors().size(), size_t(1));
        QCOMPARE(loaded.error().hint, hint);
    }

    void readsAMinimalDocumentWithDefaults()
    {
        const auto loaded = load(jq("{'portcullis': 1, 'name': 'Minimal'}"));
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : everything(loaded.errors()).c_str());
        pc::Policy expected;
        expected.name = "Minimal";
        QVERIFY(loaded.value() == expected);
    }

    void readsValuesIntoTheModel()
    {
        const auto loaded = load(
            jq("{\n"
               "  'portcullis': 1, 'name': 'x',\n"
               "  'schemas': {'B': {}, 'A': {'fields': {'z': {'type': 'integer', 'default': 3, 'ge': 0, 'le': 1.5e1},\n"
               "                                          'y': {'type': 'string', 'required': false},\n"
               "                                          'tags': {'type': 'array', 'items': {'type': 'string', "
               "'max_length': 8}}}}},\n"
               "  'auth': {'jwt': {'audience': 'https://api.example.com', 'keys': [{'kid': 'a', 'key': {'env': "
               "'KEY_A'}},\n"
               "                                                                   {'kid': 'b', 'key': {'file': "
               "'/run/b.pem'}}]}},\n"
               "  'limits': {'max_body_bytes': '2MiB', 'max_header_bytes': 4096}\n"
               "}"));
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : everything(loaded.errors()).c_str());
        const pc::Policy& p = loaded.value();
        QCOMPARE(p.schemas.size(), size_t(2));
        QCOMPARE(p.schemas[0].name, "B"s); // document order
        const pc::Schema& a = p.schemas[1];
        QCOMPARE(a.fields[0].name, "z"s);
        QVERIFY(!a.fields[0].required); // a default makes it optional
        QVERIFY(a.fields[0].ge->is_number_unsigned());
        QCOMPARE(a.fields[0].le->dump(), "15.0"s);
        QVERIFY(!a.fields[1].required);
        QVERIFY(a.fields[1].name == "y");
        QVERIFY(a.fields[2].items.has());
        QCOMPARE(*a.fields[2].items->maxLength, std::uint64_t(8));
        QCOMPARE(p.auth.jwt->audience, std::vector<std::string>{"https://api.example.com"});
        QCOMPARE(p.auth.jwt->keys.size(), size_t(2));
        QCOMPARE(p.auth.jwt->keys[1].source.file, "/run/b.pem"s);
        QCOMPARE(p.limits.maxBodyBytes.bytes(), std::uint64_t(2 << 20));
        QCOMPARE(p.limits.maxHeaderBytes.bytes(), std::uint64_t(4096));
    }

    // Patterns are written for Pydantic's Rust engine; its (?<name>…) loads though RE2 2022 spells it (?P<name>…).
    void readsRustNamedGroups()
    {
        const auto loaded = load(jq("{'portcullis': 1, 'name': 'x', 'schemas': {'A': {'fields': {'y': {'type': "
                                    "'string', 'pattern': '^(?<year>[0-9]{4})$'}}}}}"));
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : everything(loaded.errors()).c_str());
        QCOMPARE(loaded.value().schemas[0].fields[0].pattern, "^(?<year>[0-9]{4})$"s);
    }

    void readerWorksWithoutASourceMap()
    {
        const auto doc = pc::JsonParser::parse(jq("{'portcullis': 1, 'name': 'x', 'cors': {'max_age': true}}"));
        QVERIFY(doc.ok());
        const auto policy = pc::PolicyReader::read(doc->value);
        QVERIFY(!policy.ok());
        QCOMPARE(policy.error().code, "wrong-type"s);
        QCOMPARE(policy.error().pointer, "/cors/max_age"s);
        QCOMPARE(policy.error().line, 0);
    }

    void refusesOversizedFiles()
    {
        std::string text = jq("{'portcullis': 1, 'name': '");
        text += std::string(pc::PolicyFile::kMaxBytes, 'x');
        text += "\"}";
        const auto loaded = load(text);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, "json-too-large"s);
    }
};

QTEST_GUILESS_MAIN(TestPolicyReader)
#include "TestPolicyReader.moc"
