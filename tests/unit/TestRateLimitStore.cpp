// SPDX-License-Identifier: Apache-2.0
#include "engine/RateLimitStore.h"
#include "engine/SipHasher.h"

#include "TestSupport.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace std::string_literals;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(pc::RateStrategy)

namespace {

const pc::SystemTime kT0 = pc::SystemTime(std::chrono::seconds(1'699'999'200));

pc::RateRule rule(pc::RateStrategy strategy, const std::string& spec, std::optional<std::uint32_t> burst = {})
{
    const auto items = pc::RateLimitSpec::parse(spec);
    Q_ASSERT(items && items->size() == 1);
    return *pc::RateRule::make(strategy, items->front(), burst);
}

} // namespace

class TestRateLimitStore final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sipHashMatchesTheReferenceVector()
    {
        // SipHash paper, appendix A: key 00..0f, message 00..0e.
        const pc::SipHasher::Key key{0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL};
        std::string message;
        for (char c = 0; c < 15; ++c) {
            message += c;
        }
        QCOMPARE(pc::SipHasher::hash(key, message), 0xa129ca6149be45e5ULL);
        // Incremental updates in odd pieces give the same digest.
        pc::SipHasher h(key);
        h.update(message.substr(0, 3)).update(message.substr(3, 9)).update(message.substr(12));
        QCOMPARE(h.finish(), 0xa129ca6149be45e5ULL);
    }

    void countersAreNamedByEveryPart()
    {
        pc::RateLimitStore store;
        const std::uint64_t k = store.counterKey(1, "route-a", "ip:1.2.3.4");
        QCOMPARE(store.counterKey(1, "route-a", "ip:1.2.3.4"), k);
        QVERIFY(store.counterKey(2, "route-a", "ip:1.2.3.4") != k);
        QVERIFY(store.counterKey(1, "route-b", "ip:1.2.3.4") != k);
        QVERIFY(store.counterKey(1, "route-a", "ip:1.2.3.5") != k);
        // The partition's length is hashed too, so the two parts cannot slide into each other.
        QVERIFY(store.counterKey(1, "ab", "c") != store.counterKey(1, "a", "bc"));
        // Another store uses another secret key.
        pc::RateLimitStore other;
        QVERIFY(other.counterKey(1, "route-a", "ip:1.2.3.4") != k);
    }

    void exactUnderConcurrency_data()
    {
        QTest::addColumn<pc::RateStrategy>("strategy");
        QTest::addColumn<int>("burst");
        QTest::addColumn<bool>("spreadTimes"); // each thread a few ns apart instead of one instant
        QTest::newRow("fixed window") << pc::RateStrategy::FixedWindow << -1 << false;
        QTest::newRow("moving window") << pc::RateStrategy::MovingWindow << -1 << false;
        QTest::newRow("sliding window counter") << pc::RateStrategy::SlidingWindowCounter << -1 << false;
        QTest::newRow("token bucket") << pc::RateStrategy::TokenBucket << -1 << false;
        QTest::newRow("leaky bucket, burst 9 nodelay") << pc::RateStrategy::LeakyBucket << 9 << false;
        QTest::newRow("fixed window, spread") << pc::RateStrategy::FixedWindow << -1 << true;
        QTest::newRow("moving window, spread") << pc::RateStrategy::MovingWindow << -1 << true;
        QTest::newRow("sliding window counter, spread") << pc::RateStrategy::SlidingWindowCounter << -1 << true;
        QTest::newRow("token bucket, spread") << pc::RateStrategy::TokenBucket << -1 << true;
        QTest::newRow("leaky bucket, spread") << pc::RateStrategy::LeakyBucket << 9 << true;
    }
    // 16 threads hammer one key with 10/minute: exactly 10 pass, never one more.
    void exactUnderConcurrency()
    {
        QFETCH(pc::RateStrategy, strategy);
        QFETCH(int, burst);
        QFETCH(bool, spreadTimes);
        for (int round = 0; round < 5; ++round) {
            pc::RateLimitStore store(pc::RateLimitStore::Options{1000, 16});
            const pc::RateRule r =
                rule(strategy, "10/minute", burst < 0 ? std::nullopt : std::optional<std::uint32_t>(burst));
            const std::uint64_t key = store.counterKey(42, "", "ip:203.0.113.7");
            std::atomic<int> admitted{0};
            std::atomic<bool> go{false};
            std::vector<std::thread> threads;
            for (int t = 0; t < 16; ++t) {
                threads.emplace_back([&, t] {
                    while (!go.load()) {
                        std::this_thread::yield();
                    }
                    for (int i = 0; i < 3000; ++i) {
                        const auto now = kT0 + std::chrono::nanoseconds(spreadTimes ? t * 3000 + i : 0);
                        if (store.hit(key, r, now).allowed) {
                            admitted.fetch_add(1);
                        }
                    }
                });
            }
            go.store(true);
            for (auto& th : threads) {
                th.join();
            }
            QCOMPARE(admitted.load(), 10);
        }
    }

    void exactUnderConcurrencyAllOrNothing()
    {
        pc::RateLimitStore store(pc::RateLimitStore::Options{1000, 16});
        const pc::RateRule perSecond = rule(pc::RateStrategy::LeakyBucket, "10/second", 9);
        const pc::RateRule perMinute = rule(pc::RateStrategy::LeakyBucket, "10/minute", 9);
        const std::array<pc::RateLimitStore::Probe, 2> probes{
            {{store.counterKey(1, "", "k"), &perSecond}, {store.counterKey(2, "", "k"), &perMinute}}};
        std::atomic<int> admitted{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 16; ++t) {
            threads.emplace_back([&] {
                std::array<pc::RateOutcome, 2> outcomes;
                for (int i = 0; i < 50; ++i) {
                    if (store.hitAll(probes, kT0, outcomes) == pc::RateLimitStore::kNone) {
                        admitted.fetch_add(1);
                    }
                }
            });
        }
        for (auto& th : threads) {
            th.join();
        }
        QCOMPARE(admitted.load(), 10);
    }

    // nginx limit_req: a later zone's rejection leaves the earlier zones uncharged.
    void allOrNothingChargesNothingOnRejection()
    {
        pc::RateLimitStore store;
        const pc::RateRule wide = rule(pc::RateStrategy::LeakyBucket, "10/second", 5);
        const pc::RateRule narrow = rule(pc::RateStrategy::LeakyBucket, "1/second");
        const std::uint64_t a = store.counterKey(1, "", "k");
        const std::uint64_t b = store.counterKey(2, "", "k");
        const std::array<pc::RateLimitStore::Probe, 2> probes{{{a, &wide}, {b, &narrow}}};
        std::array<pc::RateOutcome, 2> outcomes;
        QCOMPARE(store.hitAll(probes, kT0, outcomes), pc::RateLimitStore::kNone);
        QCOMPARE(store.hitAll(probes, kT0, outcomes), std::size_t(1));
        QCOMPARE(store.hitAll(probes, kT0, outcomes), std::size_t(1));
        // `wide` was charged once: 5 more fit in its burst, the 6th does not.
        for (int i = 0; i < 5; ++i) {
            QVERIFY(store.hit(a, wide, kT0).allowed);
        }
        QVERIFY(!store.hit(a, wide, kT0).allowed);
    }

    void idleKeysExpire()
    {
        pc::RateLimitStore store;
        const pc::RateRule moving = rule(pc::RateStrategy::MovingWindow, "5/second");
        for (int i = 0; i < 100; ++i) {
            QVERIFY(store.hit(store.counterKey(7, "", std::to_string(i)), moving, kT0).allowed);
        }
        QCOMPARE(store.usage().keys, std::size_t(100));
        QVERIFY(store.usage().logBytes > 0);
        QCOMPARE(store.purgeExpired(kT0 + 1s), std::size_t(0)); // still in the window at exactly W
        QCOMPARE(store.purgeExpired(kT0 + 1s + 1ns), std::size_t(100));
        QCOMPARE(store.usage().keys, std::size_t(0));
        QCOMPARE(store.usage().logBytes, std::size_t(0));
    }

    void staleStateIsResetOnAccess()
    {
        pc::RateLimitStore store;
        const pc::RateRule fixed = rule(pc::RateStrategy::FixedWindow, "1/second");
        const std::uint64_t k = store.counterKey(7, "", "x");
        QVERIFY(store.hit(k, fixed, kT0).allowed);
        QVERIFY(!store.hit(k, fixed, kT0 + 999ms).allowed);
        QVERIFY(store.hit(k, fixed, kT0 + 1s).allowed);
        QCOMPARE(store.usage().keys, std::size_t(1));
    }

    void evictsTheLeastRecentlyUsed()
    {
        pc::RateLimitStore store(pc::RateLimitStore::Options{3, 1});
        const pc::RateRule fixed = rule(pc::RateStrategy::FixedWindow, "1/minute");
        auto hit = [&](const char* who) { return store.hit(store.counterKey(1, "", who), fixed, kT0).allowed; };
        QVERIFY(hit("A"));
        QVERIFY(hit("B"));
        QVERIFY(hit("C"));
        QVERIFY(!hit("A")); // A is now the most recent; B the least
        QVERIFY(hit("D"));  // evicts B
        QCOMPARE(store.usage().keys, std::size_t(3));
        QCOMPARE(store.usage().evictions, std::size_t(1));
        QVERIFY(!hit("A"));
        QVERIFY(!hit("D"));
        QVERIFY(!hit("C"));
        QVERIFY(hit("B")); // forgotten: a fresh window (and A, now the oldest, is evicted)
        QVERIFY(hit("A"));
        QCOMPARE(store.usage().evictions, std::size_t(3));
    }

    void reclaimsIdleKeysBeforeEvicting()
    {
        pc::RateLimitStore store(pc::RateLimitStore::Options{4, 1});
        const pc::RateRule fixed = rule(pc::RateStrategy::FixedWindow, "1/second");
        for (const char* who : {"A", "B", "C", "D"}) {
            QVERIFY(store.hit(store.counterKey(1, "", who), fixed, kT0).allowed);
        }
        for (const char* who : {"E", "F", "G", "H"}) {
            QVERIFY(store.hit(store.counterKey(1, "", who), fixed, kT0 + 2s).allowed);
        }
        QCOMPARE(store.usage().keys, std::size_t(4));
        QCOMPARE(store.usage().evictions, std::size_t(0));
    }

    void capHoldsAcrossShards()
    {
        pc::RateLimitStore store(pc::RateLimitStore::Options{64, 16});
        const pc::RateRule fixed = rule(pc::RateStrategy::FixedWindow, "1/minute");
        for (int i = 0; i < 2000; ++i) {
            static_cast<void>(store.hit(store.counterKey(1, "", std::to_string(i)), fixed, kT0));
        }
        // One cap for the store; a shard with nothing to evict may run over by one key.
        QVERIFY(store.usage().keys >= 64);
        QVERIFY(store.usage().keys <= 64 + 16);
        QCOMPARE(store.usage().evictions + store.usage().keys, std::size_t(2000));
    }

    void compactPerKeyState()
    {
        pc::RateLimitStore store(pc::RateLimitStore::Options{100'000, 16});
        const pc::RateRule token = rule(pc::RateStrategy::TokenBucket, "10/minute");
        for (int i = 0; i < 50'000; ++i) {
            static_cast<void>(store.hit(store.counterKey(1, "", std::to_string(i)), token, kT0));
        }
        const auto u = store.usage();
        QCOMPARE(u.keys, std::size_t(50'000));
        QVERIFY2(u.tableBytes / u.keys < 100, std::to_string(u.tableBytes / u.keys).c_str());
        store.clear();
        QCOMPARE(store.usage().keys, std::size_t(0));
    }

    void removalKeepsProbeChainsIntact()
    {
        // Many inserts and expiries through one small shard exercise backward-shift deletion.
        pc::RateLimitStore store(pc::RateLimitStore::Options{64, 1});
        const pc::RateRule fixed = rule(pc::RateStrategy::FixedWindow, "1/second");
        for (int round = 0; round < 50; ++round) {
            const auto now = kT0 + std::chrono::seconds(round);
            for (int i = 0; i < 40; ++i) {
                QVERIFY(store.hit(store.counterKey(1, "", std::to_string(round * 40 + i)), fixed, now).allowed);
            }
            for (int i = 0; i < 40; ++i) {
                QVERIFY(!store.hit(store.counterKey(1, "", std::to_string(round * 40 + i)), fixed, now).allowed);
            }
        }
        QVERIFY(store.usage().keys <= 64);
    }
};

QTEST_GUILESS_MAIN(TestRateLimitStore)
#include "TestRateLimitStore.moc"
