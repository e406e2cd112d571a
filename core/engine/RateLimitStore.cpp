// SPDX-License-Identifier: Apache-2.0
#include "engine/RateLimitStore.h"

#include "engine/SipHasher.h"

#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <chrono>
#include <deque>
#include <mutex>
#include <random>
#include <vector>

namespace pc {
namespace {

constexpr std::uint32_t kNil = 0xffffffffU;
constexpr std::size_t kMaxShards = 64;
constexpr std::size_t kMinIndex = 16;

// 48 bytes per key: the digest, when the state turns fresh again, the LRU links and the state.
struct Entry {
    std::uint64_t key = 0;
    std::int64_t expiresNs = 0;
    std::uint32_t prev = kNil; // towards the most recently used
    std::uint32_t next = kNil; // towards the least recently used; the free list when unused
    RateState state;
};
static_assert(sizeof(Entry) == 48, "keep per-key state compact");

std::int64_t toNs(SystemTime t)
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

SipHasher::Key randomKey()
{
    std::array<unsigned char, 16> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        std::random_device device; // only if OpenSSL's CSPRNG is unavailable
        for (auto& b : bytes) {
            b = static_cast<unsigned char>(device());
        }
    }
    SipHasher::Key key{};
    for (std::size_t i = 0; i < 16; ++i) {
        key[i / 8] |= static_cast<std::uint64_t>(bytes[i]) << (8 * (i % 8));
    }
    return key;
}

} // namespace

struct alignas(64) RateLimitStore::Shard {
    mutable std::mutex mutex;
    std::deque<Entry> entries;        // stable addresses; freed ones are chained through `next`
    std::vector<std::uint32_t> index; // open addressing, linear probing; 0 = empty, else entry id + 1
    std::uint32_t freeHead = kNil;
    std::uint32_t head = kNil; // most recently used
    std::uint32_t tail = kNil; // least recently used
    std::size_t live = 0;
    std::atomic<std::size_t>* total = nullptr; // live keys of the whole store
    std::size_t cap = 0;                       // of the whole store
    std::size_t evictions = 0;
    RateLogMemory logs;

    [[nodiscard]] std::size_t mask() const { return index.size() - 1; }

    [[nodiscard]] std::uint32_t find(std::uint64_t key) const
    {
        if (index.empty()) {
            return kNil;
        }
        for (std::size_t i = key & mask();; i = (i + 1) & mask()) {
            const std::uint32_t v = index[i];
            if (v == 0) {
                return kNil;
            }
            if (entries[v - 1].key == key) {
                return v - 1;
            }
        }
    }

    void place(std::uint32_t id)
    {
        std::size_t i = entries[id].key & mask();
        while (index[i] != 0) {
            i = (i + 1) & mask();
        }
        index[i] = id + 1;
    }

    void growIndex()
    {
        std::vector<std::uint32_t> old = std::move(index);
        index.assign(std::max(kMinIndex, old.size() * 2), 0);
        for (std::uint32_t v : old) {
            if (v != 0) {
                place(v - 1);
            }
        }
    }

    // Backward-shift deletion keeps probe chains intact without tombstones.
    void unindex(std::uint32_t id)
    {
        std::size_t i = entries[id].key & mask();
        while (index[i] != id + 1) {
            i = (i + 1) & mask();
        }
        std::size_t j = i;
        for (;;) {
            j = (j + 1) & mask();
            if (index[j] == 0) {
                break;
            }
            const std::size_t home = entries[index[j] - 1].key & mask();
            const bool movable = (j > i) ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                index[i] = index[j];
                i = j;
            }
        }
        index[i] = 0;
    }

    void unlink(std::uint32_t id)
    {
        Entry& e = entries[id];
        (e.prev == kNil ? head : entries[e.prev].next) = e.next;
        (e.next == kNil ? tail : entries[e.next].prev) = e.prev;
        e.prev = e.next = kNil;
    }

    void linkFront(std::uint32_t id)
    {
        Entry& e = entries[id];
        e.prev = kNil;
        e.next = head;
        (head == kNil ? tail : entries[head].prev) = id;
        head = id;
    }

    void touch(std::uint32_t id)
    {
        if (head != id) {
            unlink(id);
            linkFront(id);
        }
    }

    void remove(std::uint32_t id)
    {
        unindex(id);
        unlink(id);
        Entry& e = entries[id];
        RateRule::release(e.state, logs);
        e.key = 0;
        e.next = freeHead;
        freeHead = id;
        --live;
        total->fetch_sub(1, std::memory_order_relaxed);
    }

    std::uint32_t insert(std::uint64_t key, std::int64_t now)
    {
        // Like nginx, reclaim up to two idle keys from the cold end on every insertion.
        for (int i = 0; i < 2 && tail != kNil && entries[tail].expiresNs <= now; ++i) {
            remove(tail);
        }
        // The cap is global; the victim is the least recently used key of this shard, an
        // approximation of the global LRU that needs no other lock. A shard with no key to give
        // lets the store run over by one key at most.
        if (total->load(std::memory_order_relaxed) >= cap && tail != kNil) {
            remove(tail);
            ++evictions;
        }
        if ((live + 1) * 4 > index.size() * 3) {
            growIndex();
        }
        std::uint32_t id;
        if (freeHead != kNil) {
            id = freeHead;
            freeHead = entries[id].next;
            entries[id] = Entry{};
        } else {
            id = static_cast<std::uint32_t>(entries.size());
            entries.emplace_back();
        }
        entries[id].key = key;
        place(id);
        linkFront(id);
        ++live;
        total->fetch_add(1, std::memory_order_relaxed);
        return id;
    }

    // The entry for `key`, created when missing and reset when its state has gone stale.
    Entry& acquire(std::uint64_t key, std::int64_t now)
    {
        std::uint32_t id = find(key);
        if (id == kNil) {
            id = insert(key, now);
        } else {
            touch(id);
        }
        Entry& e = entries[id];
        if ((e.state.flags & RateRule::kExists) && e.expiresNs <= now) {
            RateRule::release(e.state, logs);
        }
        return e;
    }

    RateOutcome apply(std::uint64_t key, const RateRule& rule, std::int64_t now)
    {
        Entry& e = acquire(key, now);
        RateOutcome out = rule.apply(e.state, now, true, logs);
        e.expiresNs = out.expiresNs;
        return out;
    }

    // Evaluates without changing anything (not even recency).
    RateOutcome peek(std::uint64_t key, const RateRule& rule, std::int64_t now)
    {
        RateState copy;
        const std::uint32_t id = find(key);
        if (id != kNil && !((entries[id].state.flags & RateRule::kExists) && entries[id].expiresNs <= now)) {
            copy = entries[id].state;
        }
        return rule.apply(copy, now, false, logs);
    }

    void clear()
    {
        for (std::uint32_t id = head; id != kNil; id = entries[id].next) {
            RateRule::release(entries[id].state, logs);
        }
        entries = std::deque<Entry>();
        index = std::vector<std::uint32_t>();
        freeHead = head = tail = kNil;
        total->fetch_sub(live, std::memory_order_relaxed);
        live = 0;
    }
};

struct RateLimitStore::Impl {
    Options options;
    SipHasher::Key hashKey = randomKey();
    std::size_t shardBits = 0;
    std::atomic<std::size_t> live{0};
    std::vector<Shard> shards;

    explicit Impl(Options o) : options(o)
    {
        std::size_t count = std::bit_floor(std::clamp<std::size_t>(o.shards, 1, kMaxShards));
        count = std::min(count, std::bit_floor(std::max<std::size_t>(o.maxKeys, 1)));
        shardBits = static_cast<std::size_t>(std::countr_zero(count));
        shards = std::vector<Shard>(count);
        for (Shard& s : shards) {
            s.cap = std::max<std::size_t>(o.maxKeys, 1);
            s.total = &live;
        }
    }

    // The index uses the low bits of a key, the shard its high bits.
    Shard& shardOf(std::uint64_t key) { return shards[shardIndex(key)]; }
    [[nodiscard]] std::size_t shardIndex(std::uint64_t key) const
    {
        return shardBits == 0 ? 0 : static_cast<std::size_t>(key >> (64 - shardBits));
    }
};

RateLimitStore::RateLimitStore() : RateLimitStore(Options{})
{
}

RateLimitStore::RateLimitStore(Options options) : m_impl(std::make_unique<Impl>(options))
{
}

RateLimitStore::~RateLimitStore()
{
    clear();
}

const RateLimitStore::Options& RateLimitStore::options() const
{
    return m_impl->options;
}

std::uint64_t RateLimitStore::counterKey(std::uint64_t fingerprint, std::string_view partition,
                                         std::string_view clientKey) const
{
    SipHasher h(m_impl->hashKey);
    h.update(fingerprint).update(static_cast<std::uint64_t>(partition.size())).update(partition).update(clientKey);
    return h.finish();
}

RateOutcome RateLimitStore::hit(std::uint64_t counter, const RateRule& rule, SystemTime now)
{
    Shard& shard = m_impl->shardOf(counter);
    const std::lock_guard lock(shard.mutex);
    return shard.apply(counter, rule, toNs(now));
}

std::size_t RateLimitStore::hitAll(std::span<const Probe> probes, SystemTime now, std::span<RateOutcome> outcomes)
{
    const std::int64_t nowNs = toNs(now);
    // Lock every shard involved, in ascending order so that concurrent batches cannot deadlock.
    std::array<bool, kMaxShards> needed{};
    for (const Probe& p : probes) {
        needed[m_impl->shardIndex(p.counter)] = true;
    }
    std::array<std::unique_lock<std::mutex>, kMaxShards> locks;
    for (std::size_t i = 0; i < m_impl->shards.size(); ++i) {
        if (needed[i]) {
            locks[i] = std::unique_lock(m_impl->shards[i].mutex);
        }
    }
    for (std::size_t i = 0; i < probes.size(); ++i) {
        outcomes[i] = m_impl->shardOf(probes[i].counter).peek(probes[i].counter, *probes[i].rule, nowNs);
        if (!outcomes[i].allowed) {
            return i;
        }
    }
    for (std::size_t i = 0; i < probes.size(); ++i) {
        outcomes[i] = m_impl->shardOf(probes[i].counter).apply(probes[i].counter, *probes[i].rule, nowNs);
    }
    return kNone;
}

std::size_t RateLimitStore::purgeExpired(SystemTime now)
{
    const std::int64_t nowNs = toNs(now);
    std::size_t purged = 0;
    for (Shard& shard : m_impl->shards) {
        const std::lock_guard lock(shard.mutex);
        for (std::uint32_t id = shard.tail; id != kNil;) {
            const std::uint32_t towardsHead = shard.entries[id].prev;
            if (shard.entries[id].expiresNs <= nowNs) {
                shard.remove(id);
                ++purged;
            }
            id = towardsHead;
        }
    }
    return purged;
}

void RateLimitStore::clear()
{
    for (Shard& shard : m_impl->shards) {
        const std::lock_guard lock(shard.mutex);
        shard.clear();
    }
}

RateLimitStore::Usage RateLimitStore::usage() const
{
    Usage u;
    for (const Shard& shard : m_impl->shards) {
        const std::lock_guard lock(shard.mutex);
        u.keys += shard.live;
        u.tableBytes += shard.entries.size() * sizeof(Entry) + shard.index.size() * sizeof(std::uint32_t);
        u.logBytes += shard.logs.bytes;
        u.evictions += shard.evictions;
    }
    u.tableBytes += m_impl->shards.size() * sizeof(Shard);
    return u;
}

} // namespace pc
