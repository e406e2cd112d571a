// SPDX-License-Identifier: Apache-2.0
// Rate limiting hot paths: one check on a hot key per strategy (store only, then the
// whole stage with key derivation), and the store's memory per key at one million keys,
// measured both as RSS growth (/proc/self/statm) and by the store's own accounting.
// Run a Release build: build/release/tests/bench/BenchRateLimit
// RSS growth is only meaningful for the first memory case of a process (freed pages are
// reused): run each alone, e.g. --benchmark_filter=BM_MemoryPerKey/3 (token bucket) and /1
// (moving window). Read the CPU column on a loaded machine.
#include "engine/RateLimitStage.h"
#include "engine/RateLimitStore.h"

#include <benchmark/benchmark.h>

#include <unistd.h>

#include <fstream>
#include <string>

namespace {

const pc::SystemTime kT0 = pc::SystemTime(std::chrono::seconds(1'699'999'200));

const char* strategyName(pc::RateStrategy s)
{
    switch (s) {
    case pc::RateStrategy::FixedWindow:
        return "fixed_window";
    case pc::RateStrategy::MovingWindow:
        return "moving_window";
    case pc::RateStrategy::SlidingWindowCounter:
        return "sliding_window_counter";
    case pc::RateStrategy::TokenBucket:
        return "token_bucket";
    case pc::RateStrategy::LeakyBucket:
        return "leaky_bucket";
    }
    return "?";
}

pc::RateRule makeRule(pc::RateStrategy s, const char* spec)
{
    return *pc::RateRule::make(s, pc::RateLimitSpec::parse(spec)->front(),
                               s == pc::RateStrategy::LeakyBucket ? std::optional<std::uint32_t>(99) : std::nullopt);
}

std::size_t residentBytes()
{
    std::ifstream statm("/proc/self/statm");
    std::size_t size = 0;
    std::size_t resident = 0;
    statm >> size >> resident;
    return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

// One million distinct clients, one request each, 10/minute.
void BM_MemoryPerKey(benchmark::State& state)
{
    const auto strategy = static_cast<pc::RateStrategy>(state.range(0));
    constexpr std::size_t kKeys = 1'000'000;
    for (auto _ : state) {
        const std::size_t before = residentBytes();
        auto store = std::make_unique<pc::RateLimitStore>(pc::RateLimitStore::Options{kKeys, 16});
        const pc::RateRule rule = makeRule(strategy, "10/minute");
        std::string client = "ip:";
        for (std::size_t i = 0; i < kKeys; ++i) {
            client.resize(3);
            client += std::to_string(i);
            benchmark::DoNotOptimize(store->hit(store->counterKey(1, "", client), rule, kT0));
        }
        const std::size_t after = residentBytes();
        const auto usage = store->usage();
        state.counters["keys"] = static_cast<double>(usage.keys);
        state.counters["rss_B/key"] = static_cast<double>(after - before) / static_cast<double>(usage.keys);
        state.counters["table_B/key"] = static_cast<double>(usage.tableBytes) / static_cast<double>(usage.keys);
        state.counters["log_B/key"] = static_cast<double>(usage.logBytes) / static_cast<double>(usage.keys);
        state.SetLabel(strategyName(strategy));
        store.reset();
    }
}
BENCHMARK(BM_MemoryPerKey)
    ->Arg(static_cast<int>(pc::RateStrategy::TokenBucket))
    ->Arg(static_cast<int>(pc::RateStrategy::MovingWindow))
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

// The store alone: one hot key, time moving 10 ms per request under 100/second.
void BM_StoreHotKey(benchmark::State& state)
{
    const auto strategy = static_cast<pc::RateStrategy>(state.range(0));
    pc::RateLimitStore store;
    const pc::RateRule rule = makeRule(strategy, "100/second");
    const std::uint64_t key = store.counterKey(1, "route-0", "ip:203.0.113.7");
    auto now = kT0;
    std::int64_t allowed = 0;
    for (auto _ : state) {
        allowed += store.hit(key, rule, now).allowed ? 1 : 0;
        now += std::chrono::milliseconds(10);
    }
    state.counters["allowed"] = static_cast<double>(allowed) / static_cast<double>(state.iterations());
    state.SetLabel(strategyName(strategy));
}

// The stage: route lookup, client address, SipHash of the key, store, trace and headers.
void BM_StageHotKey(benchmark::State& state)
{
    const auto strategy = static_cast<pc::RateStrategy>(state.range(0));
    pc::Policy policy;
    pc::RateLimit limit;
    limit.name = "per-client";
    limit.limit = "100/second";
    limit.strategy = strategy;
    if (strategy == pc::RateStrategy::LeakyBucket) {
        limit.burst = 99;
    }
    policy.rateLimits.push_back(limit);
    pc::Route route;
    route.id = "get-data";
    route.rateLimits = {"per-client"};
    policy.routes.push_back(route);
    const auto stage = std::move(pc::RateLimitStage::compile(policy)).value();
    pc::RateLimitStore store;
    pc::HttpRequest request;
    request.method = "GET";
    request.target = "/api/data";
    request.peerAddress = "203.0.113.7";
    auto now = kT0;
    for (auto _ : state) {
        pc::RequestContext ctx(request, now, store);
        ctx.routeIndex = 0;
        stage->run(ctx);
        benchmark::DoNotOptimize(ctx.responseHeaders.data());
        now += std::chrono::milliseconds(10);
    }
    state.SetLabel(strategyName(strategy));
}

// Many threads, many keys: lock striping at work.
void BM_StoreDistinctKeysThreads(benchmark::State& state)
{
    static pc::RateLimitStore store;
    static const pc::RateRule rule = makeRule(pc::RateStrategy::FixedWindow, "100/second");
    std::uint64_t i = static_cast<std::uint64_t>(state.thread_index()) << 40;
    for (auto _ : state) {
        benchmark::DoNotOptimize(store.hit(store.counterKey(1, "", std::to_string(i++ & 0xffff)), rule, kT0));
    }
}

void strategies(benchmark::internal::Benchmark* b)
{
    for (auto s :
         {pc::RateStrategy::FixedWindow, pc::RateStrategy::MovingWindow, pc::RateStrategy::SlidingWindowCounter,
          pc::RateStrategy::TokenBucket, pc::RateStrategy::LeakyBucket}) {
        b->Arg(static_cast<int>(s));
    }
}

} // namespace

BENCHMARK(BM_StoreHotKey)->Apply(strategies);
BENCHMARK(BM_StageHotKey)->Apply(strategies);
BENCHMARK(BM_StoreDistinctKeysThreads)->Threads(1)->Threads(2);

BENCHMARK_MAIN();
