// SPDX-License-Identifier: Apache-2.0
// Differential test: the same requests go through ValidationStage and through
// a real FastAPI app run in-process by /usr/bin/python3 (fastapi.testclient, no
// network; tests/data/validation/fastapi_differential.py). Status codes and
// error locations must agree. Debian 12 ships Pydantic 1.x, whose messages
// and types differ from v2, so only what v1 and v2 share is compared; the
// cases avoid the known v1/v2 differences (v1 coerces numbers to strings,
// and its Python-re `$` accepts a trailing newline).
#include "engine/ValidationStage.h"

#include "engine/PythonJsonParser.h"
#include "engine/RateLimitStore.h"

#include "SchemaFixture.h"
#include "TestSupport.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <sstream>

using namespace std::string_literals;

namespace {

struct Case {
    std::string name;
    int route = 0; // 0: PUT /users/{user_id}, 1: POST /comments
    std::string target;
    std::vector<pc::HeaderField> headers;
    std::string body;
};

struct Observed {
    int status = 0;
    std::string locs; // JSON array of loc arrays
};

const std::vector<pc::HeaderField> kJson{{"Content-Type", "application/json"}};
const std::vector<pc::HeaderField> kUserHeaders{{"X-Token", "secret-token"}, {"Content-Type", "application/json"}};

std::vector<Case> cases()
{
    const std::string good = R"({"username": "alice_1", "email": "alice@example.com"})";
    return {
        {"valid request", 0, "/users/42?tags=a&tags=b&q=hi", kUserHeaders, good},
        {"username too short", 0, "/users/42", kUserHeaders, R"({"username": "ab", "email": "a@b.co"})"},
        {"a'-- refused", 0, "/users/42", kUserHeaders, "{\"username\": \"a'--\", \"email\": \"a@b.co\"}"},
        {"missing body", 0, "/users/42", kUserHeaders, ""},
        {"malformed JSON", 0, "/users/42", kUserHeaders, R"({"username": })"},
        {"trailing comma", 1, "/comments", kJson, R"({"text": "hi",})"},
        {"array body", 1, "/comments", kJson, "[1, 2]"},
        {"text/plain body", 1, "/comments", {{"Content-Type", "text/plain"}}, "hello"},
        {"no content type", 1, "/comments", {}, R"({"text": "hi"})"},
        {"extra field forbidden", 0, "/users/42", kUserHeaders,
         R"({"username": "bob_1", "email": "b@c.de", "admin": true})"},
        {"every location", 0, "/users/0?limit=500&active=maybe", kJson, R"({"username": "bob_1", "email": "nope"})"},
        {"array item and nested object", 0, "/users/42", kUserHeaders,
         R"({"username": "carol", "email": "c@d.io", "tags": ["ok", "far too long", "x"], "address": {"zip": "1"}})"},
        {"too many tags", 0, "/users/42", kUserHeaders,
         R"({"username": "carol", "email": "c@d.io", "tags": ["a", "b", "c", "d"]})"},
        {"path segment not an integer", 0, "/users/abc", kUserHeaders, good},
        {"lone query key", 0, "/users/42?active", kUserHeaders, good},
        {"query integer with underscore", 0, "/users/42?limit=0_5", kUserHeaders, good},
        {"header name case", 0, "/users/42", {{"x-TOKEN", "short"}, {"Content-Type", "application/json"}}, good},
        {"deny list", 1, "/comments", kJson, R"({"text": "x -- y"})"},
        {"duplicate keys keep the last", 1, "/comments", kJson, R"({"text": "a -- b", "text": "fine"})"},
        {"body not UTF-8", 1, "/comments", kJson, "{\"text\": \"caf\xE9\"}"},
        {"big integer", 0, "/users/42", kUserHeaders,
         R"({"username": "gina", "email": "g@h.it", "age": 123456789012345678901234567890})"},
        {"Unicode \\w in the email pattern", 0, "/users/42", kUserHeaders,
         R"({"username": "hugo", "email": "héloïse@exämple.fr"})"},
        {"age below minimum", 0, "/users/42", kUserHeaders, R"({"username": "ivan", "email": "i@j.kr", "age": 12})"},
        {"JSON null body", 1, "/comments", kJson, "null"},
    };
}

std::string hex(const std::string& bytes)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

pc::Policy differentialPolicy()
{
    std::ifstream in(pc::test::sourcePath("tests/data/validation/tutorial_schemas.json"));
    std::stringstream text;
    text << in.rdbuf();
    pc::Policy policy;
    policy.schemas = pc::test::schemasFromJson(text.str());
    pc::Route user;
    user.id = "update-user";
    user.path = "/users/{user_id}";
    user.request.body = "UserInput";
    user.request.query = "Filters";
    user.request.pathParams = "UserPath";
    user.request.headers = "Auth";
    pc::Route comment;
    comment.id = "comment";
    comment.path = "/comments";
    comment.request.body = "Comment";
    policy.routes = {user, comment};
    return policy;
}

Observed throughStage(const pc::ValidationStage& stage, const pc::Policy& policy, const Case& c)
{
    pc::HttpRequest request;
    request.method = c.route == 0 ? "PUT" : "POST";
    request.target = c.target;
    request.headers = c.headers;
    request.body = c.body;
    pc::RateLimitStore store;
    pc::RequestContext ctx(request, pc::SystemTime{}, store);
    ctx.routeIndex = c.route;
    ctx.route = &policy.routes.at(static_cast<std::size_t>(c.route));
    if (c.route == 0) {
        const std::string path(request.path());
        ctx.pathParams = {{"user_id", path.substr(std::string("/users/").size())}};
    }
    stage.run(ctx);
    if (!ctx.answer) {
        return {200, "[]"};
    }
    nlohmann::json locs = nlohmann::json::array();
    const auto body = nlohmann::json::parse(ctx.answer->body);
    if (body["detail"].is_array()) {
        for (const auto& item : body["detail"]) {
            locs.push_back(item["loc"]);
        }
    }
    return {ctx.answer->status, locs.dump()};
}

} // namespace

class TestFastApiDifferential final : public QObject {
    Q_OBJECT

private:
    std::vector<Observed> m_fastapi;
    std::string m_pydantic;

private Q_SLOTS:
    void initTestCase()
    {
        const QString python = QStringLiteral("/usr/bin/python3");
        QProcess probe;
        probe.start(python, {QStringLiteral("-c"), QStringLiteral("import fastapi, httpx, pydantic")});
        if (!probe.waitForFinished(60000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0) {
            QSKIP("/usr/bin/python3 with fastapi, httpx and pydantic is not available "
                  "(Debian: python3-fastapi python3-httpx); skipping the FastAPI differential test");
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        nlohmann::json list = nlohmann::json::array();
        for (const Case& c : cases()) {
            nlohmann::json headers = nlohmann::json::object();
            for (const auto& h : c.headers) {
                headers[h.name] = h.value;
            }
            list.push_back({{"method", c.route == 0 ? "PUT" : "POST"},
                            {"url", c.target},
                            {"headers", headers},
                            {"body_hex", hex(c.body)}});
        }
        const std::string casesPath = dir.filePath(QStringLiteral("cases.json")).toStdString();
        std::ofstream(casesPath) << list.dump();
        QProcess run;
        run.start(python,
                  {QString::fromStdString(pc::test::sourcePath("tests/data/validation/fastapi_differential.py")),
                   QString::fromStdString(casesPath)});
        QVERIFY(run.waitForFinished(120000));
        const QByteArray err = run.readAllStandardError();
        QVERIFY2(run.exitCode() == 0, err.constData());
        const auto out = nlohmann::json::parse(run.readAllStandardOutput().toStdString());
        m_pydantic = out["pydantic"].get<std::string>();
        for (const auto& r : out["results"]) {
            m_fastapi.push_back({r["status"].get<int>(), r["locs"].dump()});
        }
        qInfo("FastAPI reference: %s with Pydantic %s", "fastapi.testclient", m_pydantic.c_str());
        QCOMPARE(m_fastapi.size(), cases().size());
    }

    void sameStatusAndLocations_data()
    {
        QTest::addColumn<int>("index");
        const auto all = cases();
        for (std::size_t i = 0; i < all.size(); ++i) {
            QTest::newRow(all[i].name.c_str()) << int(i);
        }
    }
    void sameStatusAndLocations()
    {
        QFETCH(int, index);
        static const pc::Policy policy = differentialPolicy();
        static const auto stage = pc::ValidationStage::compile(policy);
        QVERIFY(stage.ok());
        const Case c = cases().at(static_cast<std::size_t>(index));
        const Observed ours = throughStage(**stage, policy, c);
        const Observed theirs = m_fastapi.at(static_cast<std::size_t>(index));
        QCOMPARE(ours.status, theirs.status);
        QCOMPARE(ours.locs, theirs.locs);
    }

    // The body decoder against CPython's json module itself, on generated
    // malformed documents: same message, same code-point position.
    void jsonErrorsMatchPython()
    {
        std::vector<std::string> docs;
        const std::string alphabet = "{}[],:\"a1-.e \\ut\xC3\xA9";
        std::uint32_t seed = 12345;
        for (int i = 0; i < 2000; ++i) {
            std::string doc;
            const int len = static_cast<int>((seed = seed * 1103515245 + 12345) >> 16) % 14;
            for (int k = 0; k < len; ++k) {
                seed = seed * 1103515245 + 12345;
                doc += alphabet[(seed >> 16) % alphabet.size()];
            }
            docs.push_back(doc);
        }
        std::string input;
        for (const auto& d : docs) {
            input += hex(d) + "\n";
        }
        const char* script = "import json,sys\n"
                             "for line in sys.stdin.read().split('\\n')[:-1]:\n"
                             "  b=bytes.fromhex(line)\n"
                             "  try:\n"
                             "    json.loads(b); print('ok')\n"
                             "  except json.JSONDecodeError as e: print('%s|%d' % (e.msg, e.pos))\n"
                             "  except Exception: print('other')\n";
        QProcess py;
        py.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QString::fromUtf8(script)});
        QVERIFY(py.waitForStarted());
        py.write(input.data(), static_cast<qint64>(input.size()));
        py.closeWriteChannel();
        QVERIFY(py.waitForFinished(60000));
        const QList<QByteArray> lines = py.readAllStandardOutput().split('\n');
        int compared = 0;
        for (std::size_t i = 0; i < docs.size(); ++i) {
            const std::string want = lines.at(static_cast<qsizetype>(i)).toStdString();
            const auto r = pc::PythonJsonParser::parse(docs[i]);
            std::string got = "ok";
            if (r.failure == pc::PythonJsonParser::Failure::Syntax) {
                got = r.message + "|" + std::to_string(r.position);
            } else if (!r.ok()) {
                got = "other";
            }
            QVERIFY2(got == want, (hex(docs[i]) + ": ours " + got + ", Python " + want).c_str());
            ++compared;
        }
        QCOMPARE(compared, 2000);
    }
};

QTEST_GUILESS_MAIN(TestFastApiDifferential)
#include "TestFastApiDifferential.moc"
