// SPDX-License-Identifier: Apache-2.0
// TokenStage and AuthStage: bearer tokens through the engine contracts —
// claims for later stages, 401 answers with RFC 6750 challenges and FastAPI
// bodies, traces that explain without revealing the token or the key.
#include "auth/AuthStage.h"
#include "auth/JwtIssuer.h"
#include "auth/SecretResolver.h"
#include "auth/TokenStage.h"
#include "engine/RateLimitStore.h"

#include "TestSupport.h"

#include <QTest>

using namespace std::string_literals;
using Json = nlohmann::json;

namespace {

constexpr long long kNow = 1'700'000'000;
const pc::SystemTime kNowTime{std::chrono::seconds(kNow)};
const std::string kSecret = "stage-test-secret-0123456789-0123456789-abc";

pc::Policy makePolicy()
{
    pc::Policy p;
    pc::Route open;
    open.id = "open";
    open.path = "/open";
    pc::Route guarded;
    guarded.id = "guarded";
    guarded.path = "/me";
    guarded.auth = pc::RouteAuth::Bearer;
    p.routes = {open, guarded};
    pc::JwtSettings jwt;
    jwt.algorithms = {"HS256"};
    jwt.keys = {pc::JwtKey{"", pc::SecretSource{"jwt_key", "", ""}}};
    jwt.issuer = "https://issuer.example";
    jwt.audience = {"api"};
    p.auth.jwt = jwt;
    pc::SecretRef ref;
    ref.name = "jwt_key";
    ref.kind = pc::SecretKind::HmacKey;
    ref.env = "PC_STAGE_JWT_KEY";
    p.secrets = {ref};
    return p;
}

pc::SecretResolver resolver(bool withKey)
{
    return pc::SecretResolver({}, [withKey](const std::string& name) -> std::optional<pc::SecretBytes> {
        if (withKey && name == "PC_STAGE_JWT_KEY") {
            return pc::SecretBytes(kSecret);
        }
        return std::nullopt;
    });
}

std::string issue(pc::TokenKind kind, const Json& extra = Json::object())
{
    const pc::Policy p = makePolicy();
    auto key = pc::JoseKey::fromSecret(pc::SecretBytes(kSecret)).value();
    return pc::JwtIssuer::create(*p.auth.jwt, key).value().issue(kind, kNowTime, extra).value();
}

struct Run {
    std::optional<pc::StageAnswer> answer;
    std::optional<Json> claims;
    std::vector<pc::TraceStep> trace;
};

struct Harness {
    pc::Policy policy = makePolicy();
    pc::SecretResolver secrets = resolver(true);
    pc::CompileOptions options;
    std::unique_ptr<pc::TokenStage> token;
    std::unique_ptr<pc::AuthStage> auth;
    pc::RateLimitStore store;

    explicit Harness(bool withKey = true, bool requireSecrets = true) : secrets(resolver(withKey))
    {
        options.secrets = &secrets;
        options.requireSecrets = requireSecrets;
        auto t = pc::TokenStage::compile(policy, options);
        auto a = pc::AuthStage::compile(policy, options);
        if (t && a) {
            token = std::move(t.value());
            auth = std::move(a.value());
        }
    }

    Run run(int routeIndex, std::vector<pc::HeaderField> headers, bool withTokenStage = true)
    {
        pc::HttpRequest req;
        req.method = "GET";
        req.target = policy.routes[static_cast<size_t>(routeIndex)].path;
        req.headers = std::move(headers);
        pc::RequestContext ctx(req, kNowTime, store);
        ctx.routeIndex = routeIndex;
        ctx.route = &policy.routes[static_cast<size_t>(routeIndex)];
        if (withTokenStage) {
            token->run(ctx);
        }
        auth->run(ctx);
        return {ctx.answer, ctx.claims, ctx.trace};
    }
};

std::string header(const pc::StageAnswer& a, const std::string& name)
{
    for (const auto& h : a.headers) {
        if (h.name == name) {
            return h.value;
        }
    }
    return "<absent>";
}

std::string traceText(const std::vector<pc::TraceStep>& trace)
{
    std::string out;
    for (const auto& t : trace) {
        out += t.stage.str() + "/" + t.verdict.str() + ": " + t.reason + "\n";
    }
    return out;
}

} // namespace

class TestAuthStages final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void validTokenPasses()
    {
        Harness h;
        QVERIFY(h.token && h.auth);
        const std::string token = issue(pc::TokenKind::Access, {{"sub", "alice"}});
        const Run r = h.run(1, {{"Authorization", "Bearer " + token}});
        QVERIFY(!r.answer);
        QVERIFY(r.claims.has_value());
        QCOMPARE(r.claims->at("sub").get<std::string>(), "alice"s);
        QCOMPARE(r.trace.size(), size_t(2));
        QCOMPARE(r.trace[0].stage.str(), "token"s);
        QCOMPARE(r.trace[0].verdict.str(), "pass"s);
        QCOMPARE(r.trace[1].stage.str(), "auth"s);
        QCOMPARE(r.trace[1].verdict.str(), "pass"s);
        QVERIFY(traceText(r.trace).find(token) == std::string::npos);
        QVERIFY(traceText(r.trace).find("alice") != std::string::npos);
    }

    void lowerCaseSchemeAndClaimsOnOpenRoutes()
    {
        Harness h;
        const Run r = h.run(0, {{"authorization", "bearer " + issue(pc::TokenKind::Access)}});
        QVERIFY(!r.answer);
        QVERIFY(r.claims.has_value()); // verified claims for rate-limit keys even on open routes
        QCOMPARE(r.trace.back().verdict.str(), "skip"s);
    }

    void unauthorized_data()
    {
        QTest::addColumn<std::vector<pc::HeaderField>>("headers");
        QTest::addColumn<std::string>("challenge"); // prefix of WWW-Authenticate
        QTest::addColumn<std::string>("detail");
        QTest::addColumn<std::string>("traceMentions");
        QTest::newRow("no Authorization header") << std::vector<pc::HeaderField>{} << "Bearer"s
                                                 << "Not authenticated"s
                                                 << "carries none"s;
        QTest::newRow("Basic scheme") << std::vector<pc::HeaderField>{{"Authorization", "Basic YWxhZGRpbjpvcGVu"}}
                                      << "Bearer"s
                                      << "Not authenticated"s
                                      << "carries none"s;
        QTest::newRow("Bearer without a token") << std::vector<pc::HeaderField>{{"Authorization", "Bearer"}}
                                                << "Bearer error=\"invalid_request\", error_description=\""s
                                                << "Not authenticated"s
                                                << "no well-formed"s;
        QTest::newRow("Bearer with two words")
            << std::vector<pc::HeaderField>{{"Authorization", "Bearer a b"}} << "Bearer error=\"invalid_request\""s
            << "Not authenticated"s
            << "no well-formed"s;
        QTest::newRow("two Authorization headers")
            << std::vector<pc::HeaderField>{{"Authorization", "Bearer " + issue(pc::TokenKind::Access)},
                                            {"Authorization", "Bearer x"}}
            << "Bearer error=\"invalid_request\""s
            << "Not authenticated"s
            << "more than one"s;
        QTest::newRow("expired token") << std::vector<pc::HeaderField>{{"Authorization",
                                                                        "Bearer " + issue(pc::TokenKind::Access,
                                                                                          {{"exp", kNow - 3600}})}}
                                       << "Bearer error=\"invalid_token\", error_description=\"The token expired"s
                                       << "Could not validate credentials"s
                                       << "(expired)"s;
        QTest::newRow("refresh token as access token")
            << std::vector<pc::HeaderField>{{"Authorization", "Bearer " + issue(pc::TokenKind::Refresh)}}
            << "Bearer error=\"invalid_token\""s
            << "Could not validate credentials"s
            << "(wrong-token-type)"s;
        QTest::newRow("alg none") << std::vector<pc::HeaderField>{{"Authorization", "Bearer eyJhbGciOiJub25lIn0.e30."}}
                                  << "Bearer error=\"invalid_token\""s
                                  << "Could not validate credentials"s
                                  << "(alg-none)"s;
        QTest::newRow("quotes in the refusal stay out of the header")
            << std::vector<pc::HeaderField>{{"Authorization", "Bearer eyJhbGciOiJIUzI1NiIsImtpZCI6ImFcImIifQ.e30.AAAA"}}
            << "Bearer error=\"invalid_token\""s
            << "Could not validate credentials"s
            << "(unknown-kid)"s;
    }
    void unauthorized()
    {
        QFETCH(std::vector<pc::HeaderField>, headers);
        QFETCH(std::string, challenge);
        QFETCH(std::string, detail);
        QFETCH(std::string, traceMentions);
        Harness h;
        const Run r = h.run(1, headers);
        QVERIFY(r.answer.has_value());
        QCOMPARE(r.answer->status, 401);
        const std::string www = header(*r.answer, "WWW-Authenticate");
        QVERIFY2(www.starts_with(challenge), www.c_str());
        if (challenge == "Bearer") {
            QCOMPARE(www, "Bearer"s); // no error attribute when no token was given (RFC 6750 §3.1)
        } else {
            // Exactly two quoted values: nothing inside may break the quoting.
            QCOMPARE(std::count(www.begin(), www.end(), '"'), std::ptrdiff_t(4));
        }
        QCOMPARE(header(*r.answer, "Content-Type"), "application/json"s);
        QVERIFY(Json::parse(r.answer->body) == Json({{"detail", detail}}));
        QVERIFY(!r.claims);
        const std::string trace = traceText(r.trace);
        QVERIFY2(trace.find(traceMentions) != std::string::npos, trace.c_str());
        for (const auto& hf : headers) {
            if (hf.value.size() > 20) {
                QVERIFY(trace.find(hf.value.substr(7)) == std::string::npos);
            }
        }
    }

    void authStageWorksWithoutTokenStage()
    {
        Harness h;
        const Run ok = h.run(1, {{"Authorization", "Bearer " + issue(pc::TokenKind::Access)}}, false);
        QVERIFY(!ok.answer);
        QVERIFY(ok.claims.has_value());
        const Run bad = h.run(1, {{"Authorization", "Bearer " + issue(pc::TokenKind::Access, {{"aud", "x"}})}}, false);
        QVERIFY(bad.answer.has_value());
        QVERIFY(header(*bad.answer, "WWW-Authenticate").find("invalid_token") != std::string::npos);
    }

    void missingKeyFailsCompilationWhenRequired()
    {
        pc::Policy p = makePolicy();
        const pc::SecretResolver noKey = resolver(false);
        pc::CompileOptions options;
        options.secrets = &noKey;
        const auto token = pc::TokenStage::compile(p, options);
        QVERIFY(!token.ok());
        QCOMPARE(token.error().code, "secret-missing"s);
        QCOMPARE(token.error().pointer, "/auth/jwt/key"s);
        QVERIFY(token.error().message.find("PC_STAGE_JWT_KEY") != std::string::npos);
    }

    void missingKeyFailsClosedWhenNotRequired()
    {
        Harness h(false, false);
        QVERIFY(h.token && h.auth);
        const std::string token = issue(pc::TokenKind::Access);
        const Run withToken = h.run(1, {{"Authorization", "Bearer " + token}});
        QVERIFY(withToken.answer.has_value());
        QCOMPARE(withToken.answer->status, 401);
        QVERIFY(header(*withToken.answer, "WWW-Authenticate").starts_with("Bearer error=\"invalid_token\""));
        const std::string trace = traceText(withToken.trace);
        QVERIFY2(trace.find("unavailable") != std::string::npos, trace.c_str());
        QVERIFY2(trace.find("PC_STAGE_JWT_KEY") != std::string::npos, trace.c_str());
        QVERIFY(trace.find(kSecret) == std::string::npos);
        const Run without = h.run(1, {});
        QCOMPARE(without.answer->status, 401);
        QVERIFY(traceText(without.trace).find("unavailable") != std::string::npos);
        // Open routes are unaffected.
        QVERIFY(!h.run(0, {}).answer);
    }

    void bearerRouteWithoutJwtIsAPolicyError()
    {
        pc::Policy p = makePolicy();
        p.auth.jwt.reset();
        const auto auth = pc::AuthStage::compile(p, {});
        QVERIFY(!auth.ok());
        QCOMPARE(auth.error().code, "jwt-missing"s);
        QCOMPARE(auth.error().pointer, "/routes/1/auth"s);
        // TokenStage alone is inert without auth.jwt.
        const auto token = pc::TokenStage::compile(p, {});
        QVERIFY(token.ok());
    }

    void settingsErrorsFailEvenWithoutRequiredSecrets()
    {
        pc::Policy p = makePolicy();
        p.auth.jwt->algorithms = {"none"};
        pc::CompileOptions options;
        options.requireSecrets = false;
        const auto token = pc::TokenStage::compile(p, options);
        QVERIFY(!token.ok());
        QCOMPARE(token.error().code, "alg-none"s);
        QCOMPARE(token.error().pointer, "/auth/jwt/algorithms/0"s);
    }
};

QTEST_GUILESS_MAIN(TestAuthStages)
#include "TestAuthStages.moc"
