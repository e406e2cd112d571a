// SPDX-License-Identifier: Apache-2.0
// Request validation cost: a 1 KiB JSON body with 10 constrained fields,
// parsed and validated (the ValidationStage hot path), next to its parts and
// to nlohmann::json's parser as a reference point. Run a Release build:
//   cmake --preset release && cmake --build build/release --target BenchValidation
//   build/release/tests/bench/BenchValidation
#include "engine/PythonJsonParser.h"
#include "engine/RateLimitStore.h"
#include "engine/SchemaValidator.h"
#include "engine/ValidationStage.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

namespace {

pc::Field field(std::string name, pc::FieldType type)
{
    pc::Field f;
    f.name = std::move(name);
    f.type = type;
    return f;
}

std::vector<pc::Schema> schemas()
{
    pc::Schema s;
    s.name = "Profile";
    s.extra = pc::ExtraFields::Forbid;
    pc::Field username = field("username", pc::FieldType::String);
    username.minLength = 3;
    username.maxLength = 50;
    username.pattern = "^[a-zA-Z0-9_]+$";
    username.denySubstrings = {"'", "\"", ";", "--", "/*", "*/"};
    pc::Field email = field("email", pc::FieldType::String);
    email.maxLength = 254;
    email.pattern = "^[\\w\\.-]+@[\\w\\.-]+\\.\\w+$";
    pc::Field age = field("age", pc::FieldType::Integer);
    age.ge = 13;
    age.le = 130;
    pc::Field score = field("score", pc::FieldType::Number);
    score.ge = 0.0;
    score.le = 100.0;
    score.multipleOf = 0.5;
    pc::Field active = field("active", pc::FieldType::Boolean);
    pc::Field role = field("role", pc::FieldType::Enum);
    role.values = {"admin", "editor", "viewer"};
    pc::Field tags = field("tags", pc::FieldType::Array);
    pc::Field tag = field("items", pc::FieldType::String);
    tag.maxLength = 20;
    tag.toLower = true;
    tags.items = tag;
    tags.maxItems = 10;
    pc::Field bio = field("bio", pc::FieldType::String);
    bio.maxLength = 800;
    bio.stripWhitespace = true;
    bio.denySubstrings = {"<script"};
    pc::Field website = field("website", pc::FieldType::String);
    website.format = pc::StringFormat::Uri;
    website.maxLength = 200;
    pc::Field created = field("created", pc::FieldType::String);
    created.format = pc::StringFormat::DateTime;
    s.fields = {username, email, age, score, active, role, tags, bio, website, created};
    return {s};
}

std::string body()
{
    std::string bio;
    while (bio.size() < 717) {
        bio += "Writes about HTTP security, parsers and the occasional regular expression. ";
    }
    bio.resize(717);
    nlohmann::ordered_json j = {{"username", "alice_the_admin"},
                                {"email", "alice.liddell@example.com"},
                                {"age", 34},
                                {"score", 87.5},
                                {"active", true},
                                {"role", "editor"},
                                {"tags", {"Security", "HTTP", "Parsing", "ReDoS", "FastAPI"}},
                                {"bio", bio},
                                {"website", "https://alice.example.com/about"},
                                {"created", "2024-05-17T09:30:00Z"}};
    return j.dump(1);
}

const pc::SchemaValidator& validator()
{
    static const pc::SchemaValidator v = pc::SchemaValidator::compile(schemas()).value();
    return v;
}

void BM_ParseAndValidate(benchmark::State& state)
{
    const std::string text = body();
    pc::SchemaValidator::Options options;
    options.locPrefix = {"body"};
    for (auto _ : state) {
        auto outcome = validator().validateJson("Profile", text, options);
        benchmark::DoNotOptimize(outcome);
        if (!outcome.ok()) {
            state.SkipWithError(outcome.issues[0].msg.c_str());
        }
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
    state.counters["body_bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_ParseAndValidate);

void BM_ParseOnly(benchmark::State& state)
{
    const std::string text = body();
    for (auto _ : state) {
        auto parsed = pc::PythonJsonParser::parse(text);
        benchmark::DoNotOptimize(parsed);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParseOnly);

void BM_ValidateOnly(benchmark::State& state)
{
    const auto parsed = pc::PythonJsonParser::parse(body());
    for (auto _ : state) {
        auto outcome = validator().validate("Profile", parsed.document.root());
        benchmark::DoNotOptimize(outcome);
    }
}
BENCHMARK(BM_ValidateOnly);

// Reference point: the same body through nlohmann::json's DOM parser.
void BM_NlohmannParse(benchmark::State& state)
{
    const std::string text = body();
    for (auto _ : state) {
        auto j = nlohmann::json::parse(text);
        benchmark::DoNotOptimize(j);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_NlohmannParse);

// The error path: five failing fields and the 422 body rendered.
void BM_InvalidBodyTo422(benchmark::State& state)
{
    const std::string text =
        R"({"username": "a'--", "email": "nope", "age": 7, "score": 101, "active": "maybe", "role": "root",)"
        R"( "tags": [], "bio": "hi", "website": "https://a.example", "created": "2024-05-17T09:30:00Z"})";
    pc::SchemaValidator::Options options;
    options.locPrefix = {"body"};
    for (auto _ : state) {
        auto outcome = validator().validateJson("Profile", text, options);
        std::string detail = pc::ValidationIssue::detailBody(outcome.issues);
        benchmark::DoNotOptimize(detail);
    }
}
BENCHMARK(BM_InvalidBodyTo422);

// The whole stage: path, query and header parameters plus the body.
void BM_StageRun(benchmark::State& state)
{
    pc::Policy policy;
    policy.schemas = schemas();
    pc::Schema query;
    query.name = "Query";
    pc::Field limit = field("limit", pc::FieldType::Integer);
    limit.le = 100;
    limit.required = false;
    query.fields = {limit};
    pc::Schema path;
    path.name = "Path";
    pc::Field id = field("user_id", pc::FieldType::Integer);
    id.gt = 0;
    path.fields = {id};
    pc::Schema headers;
    headers.name = "Headers";
    pc::Field token = field("x_token", pc::FieldType::String);
    token.minLength = 8;
    headers.fields = {token};
    policy.schemas.push_back(query);
    policy.schemas.push_back(path);
    policy.schemas.push_back(headers);
    pc::Route route;
    route.id = "profile";
    route.path = "/users/{user_id}";
    route.request.body = "Profile";
    route.request.query = "Query";
    route.request.pathParams = "Path";
    route.request.headers = "Headers";
    policy.routes = {route};
    const auto stage = pc::ValidationStage::compile(policy).value();
    pc::HttpRequest request;
    request.method = "PUT";
    request.target = "/users/42?limit=20";
    request.headers = {{"Host", "api.example.com"},
                       {"Content-Type", "application/json"},
                       {"X-Token", "secret-token"},
                       {"User-Agent", "bench"}};
    request.body = body();
    pc::RateLimitStore store;
    for (auto _ : state) {
        pc::RequestContext ctx(request, pc::SystemTime{}, store);
        ctx.routeIndex = 0;
        ctx.route = &policy.routes[0];
        ctx.pathParams = {{"user_id", "42"}};
        stage->run(ctx);
        benchmark::DoNotOptimize(ctx.validated);
        if (ctx.answer) {
            state.SkipWithError(ctx.answer->body.c_str());
        }
    }
}
BENCHMARK(BM_StageRun);

} // namespace

BENCHMARK_MAIN();
