// SPDX-License-Identifier: Apache-2.0
// CompiledPolicy::evaluate() on the FastAPI-tutorial policy: an allowed simple
// GET with CORS and security headers (the hot path), a CORS preflight, a 404,
// and compile() for scale. Run the Release build: build/release/tests/bench/BenchEngine
#include "engine/CompiledPolicy.h"
#include "engine/RateLimitStore.h"

#include "EngineTestSupport.h"

#include <benchmark/benchmark.h>

namespace {

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
