// SPDX-License-Identifier: Apache-2.0
// CompiledPolicy::evaluate(): first on the shipped FastAPI-tutorial example
// (resources/examples/fastapi-tutorial.json) — an allowed GET through CORS, a
// fixed-window rate limit and the security headers; the same GET once the limit
// is spent (429); a preflight; a 1 KiB JSON body with 10 constrained fields —
// then on the engine's larger test policy (a 404, a filtered mock, compile()).
// Run the Release build: build/release/tests/bench/BenchEngine
#include "engine/CompiledPolicy.h"
#include "engine/RateLimitStore.h"
#include "policy/PolicyFile.h"

#include "EngineTestSupport.h"

#include <benchmark/benchmark.h>

namespace {

using namespace std::chrono_literals;

// The shipped example plus one route taking a 10-field form, for the body benchmark.
pc::Policy shippedTutorial()
{
    auto loaded = pc::PolicyFile::load(std::string(PC_SOURCE_DIR) + "/resources/examples/fastapi-tutorial.json");
    if (!loaded.ok()) {
        std::abort();
    }
    pc::Policy policy = std::move(loaded).value();
    pc::Schema form;
    form.name = "SignupForm";
    form.extra = pc::ExtraFields::Forbid;
    auto text = [](std::string name, std::uint64_t min, std::uint64_t max, std::string pattern) {
        pc::Field f;
        f.name = std::move(name);
        f.minLength = min;
        f.maxLength = max;
        f.pattern = std::move(pattern);
        return f;
    };
    auto integer = [](std::string name, int ge, int le) {
        pc::Field f;
        f.name = std::move(name);
        f.type = pc::FieldType::Integer;
        f.ge = ge;
        f.le = le;
        return f;
    };
    form.fields = {text("username", 3, 50, "^[a-zA-Z0-9_]+$"),
                   text("email", 3, 254, "^[\\w\\.-]+@[\\w\\.-]+\\.\\w+$"),
                   text("full_name", 1, 200, ""),
                   text("company", 1, 200, ""),
                   text("street", 1, 200, ""),
                   text("city", 1, 100, "^[^0-9]+$"),
                   text("country", 2, 2, "^[A-Z]{2}$"),
                   integer("age", 13, 130),
                   integer("seats", 1, 500),
                   text("bio", 0, 1000, "")};
    form.fields[9].denySubstrings = {"<script", "javascript:"};
    policy.schemas.push_back(form);
    pc::Route signup;
    signup.id = "signup";
    signup.methods = {"POST"};
    signup.path = "/api/signup";
    signup.request.body = "SignupForm";
    policy.routes.push_back(signup);
    return policy;
}

const std::shared_ptr<const pc::CompiledPolicy>& shipped()
{
    // No SECRET_KEY is needed: these requests carry no bearer token.
    static const auto compiled = [] {
        pc::CompileOptions options;
        options.requireSecrets = false;
        auto result = pc::CompiledPolicy::compile(shippedTutorial(), options);
        if (!result.ok()) {
            std::abort();
        }
        return std::move(result).value();
    }();
    return compiled;
}

pc::HttpRequest tutorialGet()
{
    return pc::test::request("GET", "/api/data",
                             {{"Host", "api.yourdomain.com"},
                              {"User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0"},
                              {"Accept", "application/json"},
                              {"Origin", "https://yourdomain.com"},
                              {"Sec-Fetch-Mode", "cors"}});
}

// Allowed every time: 7 s between requests keeps a client under 10/minute, so
// the fixed window really counts, expires and restarts as the clock moves.
void tutorialAllowedGet(benchmark::State& state)
{
    const auto& compiled = shipped();
    pc::RateLimitStore store;
    const pc::HttpRequest request = tutorialGet();
    pc::SystemTime now{};
    for (auto _ : state) {
        now += 7s;
        pc::Decision d = compiled->evaluate(request, now, store);
        benchmark::DoNotOptimize(d);
    }
    state.counters["status"] = compiled->evaluate(request, now + 7s, store).status;
}
BENCHMARK(tutorialAllowedGet);

// The same client at one instant: after ten requests every answer is a 429.
void tutorialRateLimitedGet(benchmark::State& state)
{
    const auto& compiled = shipped();
    pc::RateLimitStore store;
    const pc::HttpRequest request = tutorialGet();
    for (int i = 0; i < 10; ++i) {
        (void)compiled->evaluate(request, {}, store);
    }
    for (auto _ : state) {
        pc::Decision d = compiled->evaluate(request, {}, store);
        benchmark::DoNotOptimize(d);
    }
    state.counters["status"] = compiled->evaluate(request, {}, store).status;
}
BENCHMARK(tutorialRateLimitedGet);

void tutorialPreflight(benchmark::State& state)
{
    const auto& compiled = shipped();
    pc::RateLimitStore store;
    const pc::HttpRequest request = pc::test::request("OPTIONS", "/api/users",
                                                      {{"Host", "api.yourdomain.com"},
                                                       {"Accept", "*/*"},
                                                       {"Origin", "https://yourdomain.com"},
                                                       {"Access-Control-Request-Method", "PUT"},
                                                       {"Access-Control-Request-Headers", "authorization,content-type"},
                                                       {"Sec-Fetch-Mode", "cors"}});
    for (auto _ : state) {
        pc::Decision d = compiled->evaluate(request, {}, store);
        benchmark::DoNotOptimize(d);
    }
    state.counters["status"] = compiled->evaluate(request, {}, store).status;
}
BENCHMARK(tutorialPreflight);

std::string signupBody()
{
    std::string body = "{\"username\": \"alice_01\", \"email\": \"alice.smith@example.com\", "
                       "\"full_name\": \"Alice Marguerite Smith\", \"company\": \"Example Widgets Ltd\", "
                       "\"street\": \"221B Baker Street, Flat 2\", \"city\": \"London\", \"country\": \"GB\", "
                       "\"age\": 34, \"seats\": 25, \"bio\": \"";
    const std::string tail = "\"}";
    while (body.size() + tail.size() < 1024) {
        body += "Engineer who secures APIs. ";
    }
    body.resize(1024 - tail.size());
    return body + tail;
}

void tutorialJsonBody1KiB(benchmark::State& state)
{
    const auto& compiled = shipped();
    pc::RateLimitStore store;
    const pc::HttpRequest request = pc::test::request(
        "POST", "/api/signup",
        {{"Host", "api.yourdomain.com"}, {"Origin", "https://yourdomain.com"}, {"Content-Type", "application/json"}},
        signupBody());
    for (auto _ : state) {
        pc::Decision d = compiled->evaluate(request, {}, store);
        benchmark::DoNotOptimize(d);
    }
    state.counters["status"] = compiled->evaluate(request, {}, store).status;
    state.counters["body_bytes"] = static_cast<double>(request.body.size());
}
BENCHMARK(tutorialJsonBody1KiB);

const std::shared_ptr<const pc::CompiledPolicy>& tutorial()
{
    static const auto compiled = pc::test::compileOrDie(pc::test::tutorialPolicy());
    return compiled;
}

pc::HttpRequest browserGet()
{
    return pc::test::request("GET", "/api/data",
                             {{"Host", "api.example.com"},
                              {"User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0"},
                              {"Accept", "application/json"},
                              {"Accept-Language", "en-GB,en;q=0.5"},
                              {"Origin", "https://app.example.com"},
                              {"Referer", "https://app.example.com/"},
                              {"Sec-Fetch-Mode", "cors"}});
}

void evaluateSimpleGet(benchmark::State& state)
{
    const auto& compiled = tutorial();
    pc::RateLimitStore store;
    const pc::HttpRequest request = browserGet();
    const pc::SystemTime now{};
    for (auto _ : state) {
        pc::Decision d = compiled->evaluate(request, now, store);
        benchmark::DoNotOptimize(d);
    }
}
BENCHMARK(evaluateSimpleGet);

void evaluatePreflight(benchmark::State& state)
{
    const auto& compiled = tutorial();
    pc::RateLimitStore store;
    const pc::HttpRequest request = pc::test::request("OPTIONS", "/users/42",
                                                      {{"Host", "api.example.com"},
                                                       {"Accept", "*/*"},
                                                       {"Origin", "https://app.example.com"},
                                                       {"Access-Control-Request-Method", "DELETE"},
                                                       {"Access-Control-Request-Headers", "authorization,content-type"},
                                                       {"Sec-Fetch-Mode", "cors"}});
    for (auto _ : state) {
        pc::Decision d = compiled->evaluate(request, {}, store);
        benchmark::DoNotOptimize(d);
    }
}
BENCHMARK(evaluatePreflight);

void evaluateNotFound(benchmark::State& state)
{
    const auto& compiled = tutorial();
    pc::RateLimitStore store;
    const pc::HttpRequest request = pc::test::request("GET", "/no/such/path", {{"Host", "api.example.com"}});
    for (auto _ : state) {
        pc::Decision d = compiled->evaluate(request, {}, store);
        benchmark::DoNotOptimize(d);
    }
}
BENCHMARK(evaluateNotFound);

void evaluateFilteredMock(benchmark::State& state)
{
    const auto& compiled = tutorial();
    pc::RateLimitStore store;
    const pc::HttpRequest request = pc::test::request("GET", "/users/7", {{"Host", "api.example.com"}});
    for (auto _ : state) {
        pc::Decision d = compiled->evaluate(request, {}, store);
        benchmark::DoNotOptimize(d);
    }
}
BENCHMARK(evaluateFilteredMock);

// Reference for the ratios: copying the simple GET's HttpRequest (9 small allocations), about the least a
// server does per request before the engine runs.
void referenceCopyRequest(benchmark::State& state)
{
    const pc::HttpRequest request = browserGet();
    for (auto _ : state) {
        pc::HttpRequest copy = request;
        benchmark::DoNotOptimize(copy);
    }
}
BENCHMARK(referenceCopyRequest);

void compileTutorialPolicy(benchmark::State& state)
{
    const pc::Policy policy = pc::test::tutorialPolicy();
    for (auto _ : state) {
        auto compiled = pc::CompiledPolicy::compile(policy);
        benchmark::DoNotOptimize(compiled);
    }
}
BENCHMARK(compileTutorialPolicy);

} // namespace

BENCHMARK_MAIN();
