// SPDX-License-Identifier: Apache-2.0
#include "common/FileIo.h"
#include "common/TextFile.h"
#include "policy/PolicyFile.h"
#include "policy/PolicyWriter.h"

#include "TestSupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <sstream>

using namespace std::string_literals;
using namespace std::chrono_literals;

namespace {

std::string errorsOf(const pc::Errors& errors)
{
    std::string out;
    for (const auto& e : errors) {
        out += e.toString() + "\n";
    }
    return out;
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        out.push_back(line);
    }
    return out;
}

// A policy with a non-default value in (nearly) every member, so that a
// member the writer forgets or the reader misreads breaks the round trip.
pc::Policy everything()
{
    pc::Policy p;
    p.name = "Everything";
    p.description = "Every setting away from its default";
    p.environment = pc::Environment::Staging;

    pc::Field name;
    name.name = "name";
    name.description = "Display name";
    name.minLength = 1;
    name.maxLength = 80;
    name.pattern = "^[\\p{L} ]+$";
    name.denySubstrings = {"<", ">"};
    name.stripWhitespace = true;
    name.toLower = true;
    name.strict = true;
    name.nullable = true;
    pc::Field email;
    email.name = "email";
    email.format = pc::StringFormat::Email;
    email.required = false;
    pc::Field price;
    price.name = "price";
    price.type = pc::FieldType::Number;
    price.gt = nlohmann::json(0);
    price.le = nlohmann::json(99.5);
    price.multipleOf = nlohmann::json(0.25);
    price.allowInfNan = true;
    price.defaultValue = nlohmann::json(1.5);
    price.required = false;
    pc::Field count;
    count.name = "count";
    count.type = pc::FieldType::Integer;
    count.ge = nlohmann::json(-3);
    count.lt = nlohmann::json(18446744073709551615ULL);
    pc::Field role;
    role.name = "role";
    role.type = pc::FieldType::Enum;
    role.values = {nlohmann::json("admin"), nlohmann::json(2), nlohmann::json(true)};
    role.defaultValue = nlohmann::json("admin");
    role.required = false;
    pc::Field tags;
    tags.name = "tags";
    tags.type = pc::FieldType::Array;
    pc::Field tag;
    tag.name = "tags[]";
    tag.maxLength = 16;
    tags.items = tag;
    tags.minItems = 1;
    tags.maxItems = 5;
    tags.uniqueItems = true;
    pc::Field address;
    address.name = "address";
    address.type = pc::FieldType::Object;
    address.schema = "Address";
    pc::Field flag;
    flag.name = "flag";
    flag.type = pc::FieldType::Boolean;
    flag.defaultValue = nlohmann::json(nullptr);
    flag.nullable = true;
    flag.required = false;
    p.schemas.push_back(
        {"Input", "The input", pc::ExtraFields::Forbid, true, {name, email, price, count, role, tags, address, flag}});
    pc::Field street;
    street.name = "street";
    p.schemas.push_back({"Address", "", pc::ExtraFields::Allow, false, {street}});

    pc::Route r;
    r.id = "update";
    r.summary = "Update a thing";
    r.methods = {"PUT", "PATCH"};
    r.path = "/things/{thing_id:uuid}/files/{rest:path}";
    r.auth = pc::RouteAuth::Bearer;
    r.rateLimits = {"burst", "daily"};
    r.request = {
        "Input",           "Address", "Address", "Address", {"application/json", "application/merge-patch+json"},
        pc::ByteSize(3000)};
    r.response.allowFields = {"id", "user.name"};
    r.handler = pc::RouteHandler::Mock;
    r.mock.status = 202;
    r.mock.headers = {{"Location", "/things/1"}, {"X-Trace", "abc"}};
    r.mock.body = nlohmann::json{{"id", 1}, {"nested", {{"list", {1, "two", nullptr}}}}};
    r.upstream = "https://backend.internal:8443/base";
    pc::Route echo;
    echo.id = "echo";
    echo.methods = {"POST"};
    echo.path = "/echo";
    echo.handler = pc::RouteHandler::Echo;
    p.routes = {r, echo};

    pc::CorsPolicy cors;
    cors.allowOrigins = {"https://app.example.com", "http://localhost:5173", "https://[::1]:8443"};
    cors.allowOriginPatterns = {"https://*.example.com"};
    cors.allowCredentials = true;
    cors.allowMethods = {"GET", "PUT"};
    cors.allowHeaders = {"Authorization"};
    cors.exposeHeaders = {"ETag"};
    cors.maxAge = 7200;
    cors.allowPrivateNetwork = true;
    cors.deniedPreflightStatus = 400;
    p.cors = cors;

    pc::RateLimit burst;
    burst.name = "burst";
    burst.limit = "10/second";
    burst.key = *pc::RateKey::parse("header:X-Client-Id");
    burst.strategy = pc::RateStrategy::LeakyBucket;
    burst.scope = pc::RateScope::Shared;
    burst.burst = 20;
    burst.nodelay = false;
    burst.exempt = {"10.0.0.0/8", "::1"};
    burst.ipv6Prefix = 56;
    burst.headers = pc::RateHeaderStyle::Legacy;
    burst.status = 503;
    pc::RateLimit daily;
    daily.name = "daily";
    daily.limit = "1000 per day";
    daily.key = *pc::RateKey::parse("jwt_claim:sub");
    p.rateLimits = {burst, daily};

    p.headers.set = {{"X-Content-Type-Options", "nosniff"}, {"Cache-Control", "no-store"}};
    p.headers.remove = {"Server"};
    p.headers.csp = pc::CspPolicy{{{"default-src", {"'none'"}}, {"upgrade-insecure-requests", {}}}, true};
    p.headers.hsts = pc::HstsPolicy{pc::Duration(std::chrono::hours(24 * 730)), true, true};
    p.headers.permissionsPolicy =
        pc::PermissionsPolicy{{{"camera", {}}, {"geolocation", {"self", "https://maps.example.com"}}}};

    pc::JwtSettings jwt;
    jwt.algorithms = {"ES256", "EdDSA"};
    jwt.keys = {{"k1", {"jwt_key", "", ""}}, {"k2", {"", "JWT_KEY_2", ""}}};
    jwt.issuer = "https://issuer.example.com";
    jwt.audience = {"a", "b"};
    jwt.accessTtl = pc::Duration(5min);
    jwt.refreshTtl = pc::Duration(std::chrono::hours(24));
    jwt.leeway = pc::Duration(10s);
    jwt.requiredClaims = {"exp", "sub"};
    jwt.typ = "at+jwt";
    jwt.maxTokenBytes = pc::ByteSize(4096);
    jwt.claims = nlohmann::json{{"scope", "read"}, {"n", 2}};
    p.auth.jwt = jwt;
    pc::PasswordPolicy pw;
    pw.scheme = pc::PasswordScheme::Scrypt;
    pw.accept = {pc::PasswordScheme::Bcrypt, pc::PasswordScheme::Pbkdf2Sha256};
    pw.bcryptRounds = 13;
    pw.bcryptMinRounds = 12;
    pw.bcryptMaxRounds = 14;
    pw.bcryptLongPasswords = pc::LongPasswordPolicy::Truncate;
    pw.argon2MemoryKib = 47104;
    pw.argon2TimeCost = 1;
    pw.argon2Parallelism = 2;
    pw.scryptLogN = 16;
    pw.scryptR = 8;
    pw.scryptP = 2;
    pw.pbkdf2Sha256Iterations = 700'000;
    pw.pbkdf2Sha512Iterations = 250'000;
    pw.targetTime = pc::Duration(500ms);
    p.auth.passwords = pw;
    pc::CookiePolicy cookies;
    cookies.name = "sid";
    cookies.secure = true;
    cookies.httpOnly = false;
    cookies.sameSite = pc::SameSite::Strict;
    cookies.path = "/app";
    cookies.domain = "example.com";
    cookies.maxAge = pc::Duration(std::chrono::hours(8));
    p.auth.cookies = cookies;
    p.auth.apiKeyHeader = "X-Key";

    pc::SecretRef key;
    key.name = "jwt_key";
    key.description = "Signing key";
    key.kind = pc::SecretKind::PrivateKey;
    key.file = "/run/secrets/jwt.pem";
    key.required = false;
    key.minLength = 64;
    pc::SecretRef db;
    db.name = "db";
    db.kind = pc::SecretKind::DatabaseUrl;
    db.env = "DATABASE_URL";
    db.dotenv = ".env.local";
    p.secrets = {key, db};

    p.transport.httpsOnly = true;
    p.transport.minTls = pc::TlsVersion::Tls13;
    p.transport.trustedProxies = {"192.168.0.0/16"};
    p.transport.clientIpHeader = pc::ClientIpHeader::Forwarded;
    p.transport.upstream = "http://127.0.0.1:8000";
    p.transport.headerTimeout = pc::Duration(5s);
    p.transport.idleTimeout = pc::Duration(std::chrono::minutes(2));
    p.transport.maxConnections = 64;

    p.limits.maxBodyBytes = pc::ByteSize(2 << 20);
    p.limits.maxHeaderBytes = pc::ByteSize(1000);
    p.limits.maxUrlBytes = pc::ByteSize(4 << 10);
    p.limits.maxHeaders = 50;
    p.limits.maxJsonDepth = 8;
    p.limits.contentTypes = {"application/json", "text/plain"};
    return p;
}

class FailingWrites final : public pc::FileIo {
public:
    long write(int, const char*, std::size_t) override
    {
        errno = ENOSPC;
        return -1;
    }
};

} // namespace

class TestPolicyRoundTrip final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shippedFileRoundTrips_data()
    {
        QTest::addColumn<std::string>("path");
        int files = 0;
        for (const char* folder : {"resources/examples", "resources/presets"}) {
            const QDir dir(QString::fromStdString(pc::test::sourcePath(folder)));
            for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
                const std::string row = std::string(folder) + "/" + name.toStdString();
                QTest::newRow(row.c_str()) << pc::test::sourcePath(row);
                ++files;
            }
        }
        QVERIFY(files >= 5);
    }
    void shippedFileRoundTrips()
    {
        QFETCH(std::string, path);
        const auto original = pc::TextFile::read(path, pc::PolicyFile::kMaxBytes);
        QVERIFY(original.ok());
        const auto first = pc::PolicyFile::load(path);
        QVERIFY2(first.ok(), first.ok() ? "" : errorsOf(first.errors()).c_str());
        const std::string saved = pc::PolicyFile::toText(first.value());
        QCOMPARE(saved, original.value()); // shipped files are canonical
        const auto second = pc::PolicyFile::loadText(saved, "saved.json");
        QVERIFY(second.ok());
        QVERIFY(second.value() == first.value());
        QCOMPARE(pc::PolicyFile::toText(second.value()), saved);
    }

    void everyMemberRoundTrips()
    {
        const pc::Policy p = everything();
        const std::string text = pc::PolicyFile::toText(p);
        const auto loaded = pc::PolicyFile::loadText(text, "everything.json");
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : (errorsOf(loaded.errors()) + text).c_str());
        QVERIFY2(loaded.value() == p, text.c_str());
        QCOMPARE(pc::PolicyFile::toText(loaded.value()), text);
    }

    void omitsDefaults()
    {
        pc::Policy p;
        p.name = "Minimal";
        QCOMPARE(pc::PolicyFile::toText(p), "{\n  \"portcullis\": 1,\n  \"name\": \"Minimal\"\n}\n"s);
        p.cors = pc::CorsPolicy{};
        QCOMPARE(pc::PolicyFile::toText(p), "{\n  \"portcullis\": 1,\n  \"name\": \"Minimal\",\n  \"cors\": {}\n}\n"s);
    }

    void alwaysWritesWhatSetsStrength()
    {
        pc::Policy p;
        p.name = "x";
        p.auth.jwt = pc::JwtSettings{};
        p.auth.passwords = pc::PasswordPolicy{};
        pc::RateLimit limit;
        limit.name = "l";
        limit.limit = "1/second";
        p.rateLimits = {limit};
        p.headers.hsts = pc::HstsPolicy{};
        const pc::PolicyJson json = pc::PolicyWriter::toJson(p);
        QCOMPARE(json["auth"]["jwt"]["access_ttl"].get<std::string>(), "15m"s);
        QCOMPARE(json["auth"]["jwt"]["refresh_ttl"].get<std::string>(), "7d"s);
        QCOMPARE(json["auth"]["jwt"]["algorithms"][0].get<std::string>(), "HS256"s);
        QCOMPARE(json["auth"]["passwords"]["argon2id"]["memory_kib"].get<int>(), 19456);
        QVERIFY(!json["auth"]["passwords"].contains("bcrypt"));
        QCOMPARE(json["rate_limits"]["l"]["key"].get<std::string>(), "client_ip"s);
        QCOMPARE(json["rate_limits"]["l"]["strategy"].get<std::string>(), "fixed_window"s);
        QCOMPARE(json["headers"]["hsts"]["max_age"].get<std::string>(), "365d"s);
    }

    void oneFieldEditIsAOneLineDiff_data()
    {
        QTest::addColumn<int>("edit");
        QTest::newRow("token lifetime") << 0;
        QTest::newRow("rate") << 1;
        QTest::newRow("field bound") << 2;
        QTest::newRow("header value") << 3;
        QTest::newRow("one method of several") << 4;
    }
    void oneFieldEditIsAOneLineDiff()
    {
        QFETCH(int, edit);
        const auto loaded = pc::PolicyFile::load(pc::test::sourcePath("resources/examples/fastapi-tutorial.json"));
        QVERIFY(loaded.ok());
        pc::Policy p = loaded.value();
        const std::string before = pc::PolicyFile::toText(p);
        switch (edit) {
        case 0:
            p.auth.jwt->accessTtl = pc::Duration(5min);
            break;
        case 1:
            p.rateLimits[0].limit = "20/minute";
            break;
        case 2:
            p.schemas[0].fields[0].maxLength = 40;
            break;
        case 3:
            p.headers.set[2].value = "0";
            break;
        default:
            p.cors->allowMethods[3] = "PATCH";
            break;
        }
        const auto a = lines(before);
        const auto b = lines(pc::PolicyFile::toText(p));
        QCOMPARE(a.size(), b.size());
        int changed = 0;
        for (size_t i = 0; i < a.size(); ++i) {
            changed += a[i] != b[i] ? 1 : 0;
        }
        QCOMPARE(changed, 1);
    }

    void saveWritesCanonicalTextAndLoadsBack()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("policy.json")).toStdString();
        const pc::Policy p = everything();
        QVERIFY(pc::PolicyFile::save(p, path).ok());
        const auto loaded = pc::PolicyFile::load(path);
        QVERIFY(loaded.ok());
        QVERIFY(loaded.value() == p);
    }

    void failedSaveKeepsThePreviousFile()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("policy.json")).toStdString();
        pc::Policy old;
        old.name = "Old";
        QVERIFY(pc::PolicyFile::save(old, path).ok());
        FailingWrites io;
        const pc::Status status = pc::PolicyFile::save(everything(), path, io);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, "save-failed"s);
        const auto reloaded = pc::PolicyFile::load(path);
        QVERIFY(reloaded.ok());
        QVERIFY(reloaded.value() == old);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), qsizetype(1));

        const std::string underAFile = path + "/nested.json";
        QVERIFY(!pc::PolicyFile::save(old, underAFile).ok());
        QVERIFY(pc::PolicyFile::load(path).ok());
    }
};

QTEST_GUILESS_MAIN(TestPolicyRoundTrip)
#include "TestPolicyRoundTrip.moc"
