// SPDX-License-Identifier: Apache-2.0
#include "engine/RateRule.h"

#include <algorithm>
#include <limits>
#include <new>

namespace pc {
namespace {

__extension__ typedef __int128 Wide; // products such as count x window-in-ns overflow 64 bits

constexpr std::int64_t kNsPerMs = 1'000'000;
constexpr std::int64_t kNsPerSecond = 1'000'000'000;
constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    std::int64_t q = a / b;
    if (a % b != 0 && ((a < 0) != (b < 0))) {
        --q;
    }
    return q;
}

Wide ceilDiv(Wide a, Wide b) // a >= 0, b > 0
{
    return (a + b - 1) / b;
}

std::int64_t narrow(Wide v)
{
    return v > kNever ? kNever : static_cast<std::int64_t>(v);
}

// A moving-window log: a ring of the admitted hits' times, in insertion order, holding at most
// `limit` of them (the limit-th most recent is all limits ever looks at). Grows on demand.
struct LogHeader {
    std::uint32_t capacity;
    std::uint32_t size;
    std::uint32_t head; // oldest
    std::uint32_t unused;
};

std::size_t logBytes(std::uint32_t capacity)
{
    return sizeof(LogHeader) + capacity * sizeof(std::int64_t);
}

class LogRef {
public:
    explicit LogRef(const RateState& s) : m_header(s.flags & RateRule::kHasLog ? toHeader(s.x) : nullptr) {}

    [[nodiscard]] std::uint32_t size() const { return m_header ? m_header->size : 0; }
    [[nodiscard]] std::int64_t at(std::uint32_t i) const // 0 = oldest
    {
        return times()[(m_header->head + i) % m_header->capacity];
    }
    void popOldest()
    {
        m_header->head = (m_header->head + 1) % m_header->capacity;
        --m_header->size;
    }
    void push(RateState& s, std::int64_t t, std::uint64_t limit, RateLogMemory& memory)
    {
        if (!m_header || m_header->size == m_header->capacity) {
            grow(s, limit, memory);
        }
        times()[(m_header->head + m_header->size) % m_header->capacity] = t;
        ++m_header->size;
    }
    static void release(RateState& s, RateLogMemory& memory)
    {
        if (s.flags & RateRule::kHasLog) {
            LogHeader* h = toHeader(s.x);
            memory.bytes -= logBytes(h->capacity);
            ::operator delete(h);
        }
        s = RateState{};
    }

private:
    static LogHeader* toHeader(std::uint64_t x) { return reinterpret_cast<LogHeader*>(static_cast<std::uintptr_t>(x)); }
    [[nodiscard]] std::int64_t* times() const { return reinterpret_cast<std::int64_t*>(m_header + 1); }

    void grow(RateState& s, std::uint64_t limit, RateLogMemory& memory)
    {
        const std::uint32_t old = m_header ? m_header->capacity : 0;
        const auto capacity =
            static_cast<std::uint32_t>(std::min<std::uint64_t>(limit, std::max<std::uint64_t>(1, 2ULL * old)));
        auto* fresh = static_cast<LogHeader*>(::operator new(logBytes(capacity)));
        *fresh = LogHeader{capacity, 0, 0, 0};
        auto* freshTimes = reinterpret_cast<std::int64_t*>(fresh + 1);
        for (std::uint32_t i = 0; i < size(); ++i) {
            freshTimes[i] = at(i);
        }
        fresh->size = size();
        if (m_header) {
            memory.bytes -= logBytes(old);
            ::operator delete(m_header);
        }
        memory.bytes += logBytes(capacity);
        m_header = fresh;
        s.x = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(fresh));
        s.flags |= RateRule::kExists | RateRule::kHasLog;
    }

    LogHeader* m_header;
};

} // namespace

std::optional<RateRule> RateRule::make(RateStrategy strategy, const RateItem& item, std::optional<std::uint32_t> burst,
                                       std::string* problem)
{
    auto fail = [&](std::string why) -> std::optional<RateRule> {
        if (problem) {
            *problem = std::move(why);
        }
        return std::nullopt;
    };
    if (item.count == 0 || item.windowSeconds == 0) {
        return fail("a rate needs at least one request per period");
    }
    if (item.count > std::numeric_limits<std::uint32_t>::max()) {
        return fail("a rate may allow at most 4294967295 requests per period");
    }
    if (item.windowSeconds > kMaxWindowSeconds) {
        return fail("periods longer than 100 years are not supported");
    }
    RateRule rule;
    rule.m_strategy = strategy;
    rule.m_limit = item.count;
    rule.m_windowNs = static_cast<std::int64_t>(item.windowSeconds) * kNsPerSecond;
    rule.m_capacity = item.count;
    if (strategy == RateStrategy::TokenBucket && burst) {
        if (*burst == 0) {
            return fail("a token bucket with a burst of 0 holds no token and admits nothing; use 1 or more");
        }
        rule.m_capacity = *burst;
    }
    if (strategy == RateStrategy::LeakyBucket) {
        rule.m_burst = burst.value_or(0);
        // nginx stores the rate in thousandths of a request per second, truncated: 10r/m -> 166.
        rule.m_leakRate = item.count * 1000 / item.windowSeconds;
        if (rule.m_leakRate == 0) {
            return fail("nginx cannot express a rate below 1 request per 1000 seconds (0.001 r/s); "
                        "use a shorter period or another strategy");
        }
    }
    return rule;
}

void RateRule::release(RateState& state, RateLogMemory& memory)
{
    LogRef::release(state, memory);
}

RateOutcome RateRule::apply(RateState& state, std::int64_t nowNs, bool commit, RateLogMemory& memory) const
{
    switch (m_strategy) {
    case RateStrategy::FixedWindow:
        return fixedWindow(state, nowNs, commit);
    case RateStrategy::MovingWindow:
        return movingWindow(state, nowNs, commit, memory);
    case RateStrategy::SlidingWindowCounter:
        return slidingWindowCounter(state, nowNs, commit);
    case RateStrategy::TokenBucket:
        return tokenBucket(state, nowNs, commit);
    case RateStrategy::LeakyBucket:
        return leakyBucket(state, nowNs, commit);
    }
    return {};
}

// limits FixedWindowRateLimiter + MemoryStorage.incr: the counter expires at first hit + W
// (expired when expiry <= now), every hit increments, allowed when the new count <= limit.
RateOutcome RateRule::fixedWindow(RateState& s, std::int64_t now, bool commit) const
{
    RateState n = s;
    if (!(n.flags & kExists) || now >= n.t + m_windowNs) {
        n = RateState{0, kExists, now, 0};
    }
    if (n.count < std::numeric_limits<std::uint32_t>::max()) {
        ++n.count;
    }
    RateOutcome out;
    out.allowed = n.count <= m_limit;
    out.used = n.count;
    out.remaining = n.count < m_limit ? m_limit - n.count : 0;
    out.resetNs = n.t + m_windowNs;
    out.retryNs = out.resetNs;
    out.expiresNs = out.resetNs;
    if (commit) {
        s = n;
    }
    return out;
}

// limits MovingWindowRateLimiter + MemoryStorage.acquire_entry: allowed when the limit-th most
// recent entry is missing or older than the window (atime < now - W); rejected hits are not logged.
RateOutcome RateRule::movingWindow(RateState& s, std::int64_t now, bool commit, RateLogMemory& memory) const
{
    LogRef log(s);
    const std::int64_t horizon = now - m_windowNs;
    std::uint32_t expired = 0;
    while (expired < log.size() && log.at(expired) < horizon) {
        ++expired;
    }
    const std::uint64_t inWindow = log.size() - expired;
    RateOutcome out;
    out.allowed = inWindow < m_limit;
    if (commit) {
        for (std::uint32_t i = 0; i < expired; ++i) {
            log.popOldest();
        }
        if (out.allowed) {
            log.push(s, now, m_limit, memory);
        }
    }
    out.used = inWindow + (out.allowed ? 1 : 0);
    out.remaining = out.used < m_limit ? m_limit - out.used : 0;
    const std::int64_t oldest = inWindow > 0 ? log.at(commit ? 0 : expired) : now;
    out.resetNs = oldest + m_windowNs;
    out.retryNs = oldest + m_windowNs + 1; // the entry must be strictly older than the window
    std::int64_t newest = out.allowed ? now : (log.size() > 0 ? log.at(log.size() - 1) : now);
    out.expiresNs = newest + m_windowNs + 1;
    return out;
}

// limits SlidingWindowCounterRateLimiter + MemoryStorage (TimestampedSlidingWindow): buckets are
// aligned on multiples of W since the epoch; previous_ttl = W - (now mod W);
// allowed when floor(prev * previous_ttl / W) + cur + 1 <= limit.
RateOutcome RateRule::slidingWindowCounter(RateState& s, std::int64_t now, bool commit) const
{
    const std::int64_t w = m_windowNs;
    std::int64_t bucket = floorDiv(now, w);
    RateState n = s;
    if (!(n.flags & kExists)) {
        n = RateState{0, kExists, bucket, 0};
    } else if (n.t < bucket) {
        n.x = n.t == bucket - 1 ? n.count : 0;
        n.count = 0;
        n.t = bucket;
    } else if (n.t > bucket) {
        bucket = n.t; // a request stamped slightly in the past counts in the newest bucket
    }
    const std::int64_t elapsed = std::max<std::int64_t>(0, now - bucket * w);
    const std::int64_t ttl = w - elapsed;
    const Wide prev = static_cast<Wide>(n.x);
    const Wide weighted = prev * ttl / w;
    RateOutcome out;
    out.allowed = weighted + n.count + 1 <= static_cast<Wide>(m_limit);
    if (out.allowed) {
        ++n.count;
    }
    out.used = static_cast<std::uint64_t>(weighted) + n.count;
    out.remaining = out.used < m_limit ? m_limit - out.used : 0;

    // limits' reset: now + min(previous_ttl % (W / prev), current_ttl % W), current_ttl = ttl + W.
    std::int64_t resetIn = n.x == 0 && n.count == 0 ? 0 : kNever;
    if (n.x > 0) {
        resetIn = std::min(resetIn, narrow(prev * ttl % w / prev));
    }
    if (n.count > 0) {
        resetIn = std::min(resetIn, ttl % w);
    }
    out.resetNs = now + resetIn;

    if (!out.allowed) {
        // First instant e (ns into a bucket) with floor(P * (W - e) / W) + C + 1 <= limit.
        auto firstAllowed = [&](Wide p, Wide c) -> std::optional<std::int64_t> {
            const Wide room = static_cast<Wide>(m_limit) - c; // need floor(P(W-e)/W) < room
            if (room <= 0) {
                return std::nullopt;
            }
            if (p < room) {
                return 0;
            }
            return narrow((p - room) * w / p + 1);
        };
        const auto inThis = firstAllowed(prev, n.count);
        if (inThis && *inThis < w && bucket * w + *inThis > now) {
            out.retryNs = bucket * w + *inThis;
        } else {
            const auto inNext = firstAllowed(n.count, 0);
            out.retryNs = (bucket + 1) * w + inNext.value_or(1);
        }
    }
    out.expiresNs = (bucket + 2) * w;
    if (commit) {
        s = n;
    }
    return out;
}

// Tokens are kept as a debt D in units of 1/W token-nanoseconds: a request costs W, time repays N per
// ns, the bucket is full at D = 0. Exact integer arithmetic, no drift.
RateOutcome RateRule::tokenBucket(RateState& s, std::int64_t now, bool commit) const
{
    const Wide w = m_windowNs;
    const Wide n = static_cast<Wide>(m_limit);
    const Wide full = static_cast<Wide>(m_capacity) * w;
    Wide debt = 0;
    std::int64_t last = now;
    if (s.flags & kExists) {
        debt = static_cast<Wide>(s.count) * w + static_cast<Wide>(s.x);
        last = std::max(s.t, now);
        const Wide repaid = static_cast<Wide>(std::max<std::int64_t>(0, now - s.t)) * n;
        debt = debt > repaid ? debt - repaid : 0;
    }
    RateOutcome out;
    out.allowed = debt + w <= full;
    if (out.allowed) {
        debt += w;
    }
    out.remaining = static_cast<std::uint64_t>((full - debt) / w);
    out.used = m_capacity - out.remaining;
    out.resetNs = narrow(now + ceilDiv(debt, n));
    if (!out.allowed) {
        out.retryNs = narrow(now + ceilDiv(debt - (full - w), n));
    }
    out.expiresNs = out.resetNs;
    if (commit) {
        s.flags = kExists;
        s.t = last;
        s.count = static_cast<std::uint32_t>(debt / w);
        s.x = static_cast<std::uint64_t>(debt % w);
    }
    return out;
}

// nginx ngx_http_limit_req_lookup: excess = max(0, excess - rate * |ms| / 1000 + 1000), reject when
// excess > burst * 1000 (state untouched), else store excess and last = now. A new key starts at 0.
RateOutcome RateRule::leakyBucket(RateState& s, std::int64_t now, bool commit) const
{
    const std::int64_t nowMs = floorDiv(now, kNsPerMs);
    const Wide rate = static_cast<Wide>(m_leakRate);
    const Wide burstMilli = static_cast<Wide>(m_burst) * 1000;
    Wide excess = 0;
    if (s.flags & kExists) {
        const std::int64_t ms = nowMs >= s.t ? nowMs - s.t : s.t - nowMs;
        excess = static_cast<Wide>(s.x) - rate * ms / 1000 + 1000;
        excess = std::max<Wide>(excess, 0);
    }
    RateOutcome out;
    out.allowed = excess <= burstMilli;
    Wide keptExcess = static_cast<Wide>(s.x);
    std::int64_t keptLast = s.t;
    if (out.allowed) {
        keptExcess = excess;
        keptLast = nowMs;
        out.delayMs = narrow(excess * 1000 / rate);
        out.remaining = static_cast<std::uint64_t>((burstMilli - excess) / 1000);
        if (commit) {
            s = RateState{0, kExists, nowMs, static_cast<std::uint64_t>(excess)};
        }
    } else {
        const Wide need = keptExcess + 1000 - burstMilli; // what the leak must remove
        out.retryNs = narrow((keptLast + ceilDiv(need * 1000, rate)) * static_cast<Wide>(kNsPerMs));
    }
    out.excess = narrow(excess);
    out.used = static_cast<std::uint64_t>(ceilDiv(excess, 1000));
    out.resetNs = narrow((keptLast + ceilDiv(keptExcess * 1000, rate)) * static_cast<Wide>(kNsPerMs));
    // The state equals a fresh one once max(0, excess - leaked + 1000) is 0 again.
    out.expiresNs = narrow((keptLast + ceilDiv((keptExcess + 1000) * 1000, rate)) * static_cast<Wide>(kNsPerMs));
    return out;
}

} // namespace pc
