// SPDX-License-Identifier: Apache-2.0
#include "engine/RateLimitStage.h"

#include "common/JsonPointer.h"
#include "engine/RateLimitStore.h"
#include "engine/StrAppend.h"
#include "policy/PolicyEnums.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <span>
#include <unordered_map>
#include <unordered_set>

namespace pc {
namespace {

constexpr std::size_t kMaxItems = 16; // rates in one limit string
// Per-request buffers (probes, outcomes, reports) live on the stack up to this many items, so the
// common route with a limit or two neither allocates nor clears kilobytes of unused entries.
constexpr std::size_t kInlineItems = 4;

std::string inQuotes(std::string_view s)
{
    // Appended piecewise: GCC 12 -O3 warns (-Wrestrict, a false positive) on "lit" + std::string.
    std::string out(1, '"');
    out.append(s).push_back('"');
    return out;
}

// "count 3/10 (10 per 1 minute)" and the like: the strategy's own measure of use.
void appendUsage(std::string& out, RateStrategy strategy, const RateRule& rule, const RateOutcome& o,
                 std::string_view description)
{
    switch (strategy) {
    case RateStrategy::FixedWindow:
    case RateStrategy::MovingWindow:
        strAppend(out, "count ", o.used, '/', rule.limit());
        break;
    case RateStrategy::SlidingWindowCounter:
        strAppend(out, "weighted count ", o.used, '/', rule.limit());
        break;
    case RateStrategy::TokenBucket:
        strAppend(out, "tokens used ", o.used, '/', rule.capacity());
        break;
    case RateStrategy::LeakyBucket: {
        const std::int64_t fraction = o.excess % 1000;
        strAppend(out, "excess ", o.excess / 1000, '.', fraction < 100 ? "0" : "", fraction < 10 ? "0" : "", fraction,
                  '/', rule.burst());
        break;
    }
    }
    strAppend(out, " (", description, ')');
}

} // namespace

std::uint64_t RateLimitStage::fingerprint(const RateLimit& limit, const std::vector<RateItem>& items,
                                          std::size_t itemIndex)
{
    std::string def = "portcullis-rate-limit-v1\n" + limit.name + "\n";
    for (const RateItem& item : items) {
        def += std::to_string(item.count) + "/" + std::to_string(item.windowSeconds) + ";";
    }
    def += "\n" + std::string(enumName(limit.strategy)) + "\n" + limit.key.toString() + "\n" +
           std::string(enumName(limit.scope)) + "\n" + (limit.burst ? std::to_string(*limit.burst) : "-") + "\n" +
           std::to_string(limit.ipv6Prefix) + "\n#" + std::to_string(itemIndex);
    const std::string hex = RateKeyResolver::sha256Hex(def);
    return std::stoull(hex.substr(0, 16), nullptr, 16);
}

Result<std::unique_ptr<RateLimitStage>> RateLimitStage::compile(const Policy& policy, const CompileOptions& /*options*/)
{
    Errors errors;
    std::unique_ptr<RateLimitStage> stage(new RateLimitStage());
    auto clients = ClientAddressResolver::compile(policy.transport);
    if (!clients) {
        errors.insert(errors.end(), clients.errors().begin(), clients.errors().end());
    } else {
        stage->m_keys = RateKeyResolver(std::move(clients).value(), policy.auth.apiKeyHeader);
    }

    std::unordered_map<std::string, std::size_t> byName;
    for (const RateLimit& def : policy.rateLimits) {
        const std::string ptr = JsonPointer::join("/rate_limits", def.name);
        if (def.name.empty()) {
            errors.push_back(makeError("bad-rate-limit-name", "A rate limit has an empty name.", ptr,
                                       "Give every rate limit a name that routes can refer to."));
            continue;
        }
        if (byName.contains(def.name)) {
            errors.push_back(makeError("duplicate-rate-limit",
                                       "The rate limit " + inQuotes(def.name) + " is defined twice.", ptr,
                                       "Rename one of them."));
            continue;
        }
        Limit limit{def, ptr, {}, {}};
        bool ok = true;
        std::string problem;
        auto items = RateLimitSpec::parse(def.limit, &problem);
        if (!items) {
            errors.push_back(makeError("bad-rate-limit",
                                       "The rate " + inQuotes(def.limit) + " cannot be read: " + problem + ".",
                                       JsonPointer::join(ptr, "limit"), std::string(RateLimitSpec::grammarHint)));
            ok = false;
        } else if (items->size() > kMaxItems) {
            errors.push_back(makeError("bad-rate-limit",
                                       "The rate " + inQuotes(def.limit) + " joins more than " +
                                           std::to_string(kMaxItems) + " rates.",
                                       JsonPointer::join(ptr, "limit"), "Split it into several named rate limits."));
            items.reset();
            ok = false;
        }
        if (def.burst && def.strategy != RateStrategy::TokenBucket && def.strategy != RateStrategy::LeakyBucket) {
            errors.push_back(makeError("burst-not-applicable",
                                       "A burst only applies to token_bucket and leaky_bucket, not to " +
                                           std::string(enumName(def.strategy)) + ".",
                                       JsonPointer::join(ptr, "burst"),
                                       "Remove the burst or choose token_bucket or leaky_bucket."));
            ok = false;
        }
        if (def.strategy == RateStrategy::TokenBucket && def.burst && *def.burst == 0) {
            errors.push_back(
                makeError("bad-burst", "A token bucket with a burst of 0 holds no token and admits nothing.",
                          JsonPointer::join(ptr, "burst"),
                          "Use a burst of 1 or more, or leave it out to hold as many tokens as the rate."));
            items.reset();
            ok = false;
        }
        if (def.ipv6Prefix < 0 || def.ipv6Prefix > 128) {
            errors.push_back(makeError(
                "bad-ipv6-prefix", "The IPv6 prefix " + std::to_string(def.ipv6Prefix) + " is not between 0 and 128.",
                JsonPointer::join(ptr, "ipv6_prefix"),
                "Use 64 (one customer network) or 56 as express-rate-limit does."));
            ok = false;
        }
        if (def.status < 400 || def.status > 599) {
            errors.push_back(makeError("bad-rate-limit-status",
                                       "The status " + std::to_string(def.status) + " is not an error status.",
                                       JsonPointer::join(ptr, "status"), "Use 429 (or 503, nginx's default)."));
            ok = false;
        }
        for (std::size_t i = 0; i < def.exempt.size(); ++i) {
            if (auto block = CidrBlock::parse(def.exempt[i])) {
                limit.exempt.push_back(*block);
            } else {
                errors.push_back(makeError("bad-cidr", inQuotes(def.exempt[i]) + " is not an IP address or CIDR block.",
                                           JsonPointer::join(JsonPointer::join(ptr, "exempt"), i),
                                           std::string(CidrBlock::grammarHint)));
                ok = false;
            }
        }
        for (std::size_t i = 0; items && i < items->size(); ++i) {
            const RateItem& item = (*items)[i];
            auto rule = RateRule::make(def.strategy, item, def.burst, &problem);
            if (!rule) {
                errors.push_back(makeError("bad-rate-limit",
                                           "The rate " + inQuotes(item.toString()) + " does not work as " +
                                               std::string(enumName(def.strategy)) + ": " + problem + ".",
                                           JsonPointer::join(ptr, "limit")));
                ok = false;
                continue;
            }
            const std::string policyName =
                RateLimitHeaders::sfString(items->size() == 1 ? def.name : def.name + "/" + item.toString());
            limit.items.push_back(
                {item, *rule, fingerprint(def, *items, i), policyName, RateLimitHeaders::describe(item)});
        }
        if (ok) {
            byName.emplace(def.name, stage->m_limits.size());
            stage->m_limits.push_back(std::move(limit));
        } else {
            byName.emplace(def.name, static_cast<std::size_t>(-1));
        }
    }

    for (std::size_t r = 0; r < policy.routes.size(); ++r) {
        const Route& route = policy.routes[r];
        RouteLimits compiled{route.id.empty() ? "#" + std::to_string(r) : route.id, {}};
        std::unordered_set<std::string> seen;
        const std::string base = JsonPointer::join(JsonPointer::join("/routes", r), "rate_limits");
        for (std::size_t j = 0; j < route.rateLimits.size(); ++j) {
            const std::string& name = route.rateLimits[j];
            const auto it = byName.find(name);
            if (it == byName.end()) {
                errors.push_back(
                    makeError("unknown-rate-limit",
                              "The route names the rate limit " + inQuotes(name) + ", which is not defined.",
                              JsonPointer::join(base, j), "Define it under rate_limits or fix the name."));
                continue;
            }
            if (!seen.insert(name).second) {
                errors.push_back(makeError("duplicate-rate-limit",
                                           "The route names the rate limit " + inQuotes(name) +
                                               " twice; every request would count double.",
                                           JsonPointer::join(base, j), "Name each rate limit once per route."));
                continue;
            }
            if (it->second != static_cast<std::size_t>(-1)) {
                compiled.limits.push_back(it->second);
                compiled.items += stage->m_limits[it->second].items.size();
            }
        }
        stage->m_routes.push_back(std::move(compiled));
    }
    if (!errors.empty()) {
        return errors;
    }
    return stage;
}

void RateLimitStage::run(RequestContext& ctx) const
{
    if (ctx.answer) {
        ctx.addTrace(kStageName, "skip", "An earlier stage answered the request; nothing is counted.");
        return;
    }
    if (ctx.routeIndex < 0 || static_cast<std::size_t>(ctx.routeIndex) >= m_routes.size()) {
        ctx.addTrace(kStageName, "skip", "No route matched, so no rate limit applies.");
        return;
    }
    const RouteLimits& route = m_routes[static_cast<std::size_t>(ctx.routeIndex)];
    if (route.limits.empty()) {
        ctx.addTrace(kStageName, "skip", "The route names no rate limit.",
                     JsonPointer::join("/routes", static_cast<std::size_t>(ctx.routeIndex)));
        return;
    }
    std::optional<ClientAddress> client;
    // Most routes name a limit or two: their reports stay on the stack.
    std::array<RateLimitReport, kInlineItems> inlineReports;
    std::vector<RateLimitReport> heapReports;
    std::span<RateLimitReport> reports(inlineReports);
    if (route.items > inlineReports.size()) {
        heapReports.resize(route.items);
        reports = heapReports;
    }
    std::size_t used = 0;
    const std::int64_t nowNs = std::chrono::duration_cast<std::chrono::nanoseconds>(ctx.now.time_since_epoch()).count();
    for (const std::size_t index : route.limits) {
        if (!runLimit(ctx, m_limits[index], route, client, reports, used)) {
            break;
        }
    }
    RateLimitHeaders::append(reports.first(used), nowNs, ctx.responseHeaders);
}

bool RateLimitStage::runLimit(RequestContext& ctx, const Limit& limit, const RouteLimits& route,
                              std::optional<ClientAddress>& client, std::span<RateLimitReport> reports,
                              std::size_t& used) const
{
    const RateLimit& def = limit.def;
    if (!limit.exempt.empty()) {
        const ClientAddress& c = m_keys.client(ctx.request, client);
        if (c.address && CidrBlock::anyContains(limit.exempt, *c.address)) {
            ctx.addTrace(kStageName, "skip",
                         "Client " + c.address->toString() + " is exempt from " + inQuotes(def.name) + ".",
                         JsonPointer::join(limit.pointer, "exempt"));
            return true;
        }
    }
    const ResolvedRateKey key = m_keys.resolve(def.key, def.ipv6Prefix, ctx, route.partition, client);
    const std::string_view partition = def.scope == RateScope::Route ? std::string_view(route.partition) : "";

    std::array<RateLimitStore::Probe, kInlineItems> probeBuffer;
    std::array<RateOutcome, kInlineItems> outcomeBuffer;
    std::vector<RateLimitStore::Probe> probeHeap;
    std::vector<RateOutcome> outcomeHeap;
    std::span<RateLimitStore::Probe> probes(probeBuffer.data(), std::min(limit.items.size(), kInlineItems));
    std::span<RateOutcome> outcomes(outcomeBuffer.data(), probes.size());
    if (limit.items.size() > kInlineItems) {
        probeHeap.resize(limit.items.size());
        outcomeHeap.resize(limit.items.size());
        probes = probeHeap;
        outcomes = outcomeHeap;
    }
    for (std::size_t i = 0; i < limit.items.size(); ++i) {
        probes[i] = {ctx.rateLimitStore.counterKey(limit.items[i].fingerprint, partition, key.value),
                     &limit.items[i].rule};
    }
    std::size_t rejected = RateLimitStore::kNone;
    std::size_t evaluated = limit.items.size();
    if (def.strategy == RateStrategy::LeakyBucket) {
        rejected = ctx.rateLimitStore.hitAll(probes, ctx.now, outcomes);
    } else {
        for (std::size_t i = 0; i < probes.size(); ++i) {
            outcomes[i] = ctx.rateLimitStore.hit(probes[i].counter, *probes[i].rule, ctx.now);
            if (!outcomes[i].allowed) {
                rejected = i;
                break;
            }
        }
    }
    if (rejected != RateLimitStore::kNone) {
        evaluated = rejected + 1;
    }

    std::string reason;
    reason.reserve(160);
    strAppend(reason, '"', def.name, rejected == RateLimitStore::kNone ? "\" passes: " : "\" rejects: ");
    std::int64_t maxDelayMs = 0;
    for (std::size_t i = 0; i < evaluated; ++i) {
        const Item& item = limit.items[i];
        reports[used++] = {item.policyName,
                           def.headers,
                           item.item.count,
                           item.item.windowSeconds,
                           item.item.windowSeconds / item.item.multiple,
                           outcomes[i]};
        if (i > 0) {
            reason += ", ";
        }
        appendUsage(reason, def.strategy, item.rule, outcomes[i], item.description);
        maxDelayMs = std::max(maxDelayMs, outcomes[i].delayMs);
    }
    reason += " for ";
    key.appendLabel(reason);
    strAppend(reason, ", ", enumName(def.strategy));
    if (!key.note.empty()) {
        strAppend(reason, "; ", key.note);
    }

    if (rejected == RateLimitStore::kNone) {
        if (def.strategy == RateStrategy::LeakyBucket && !def.nodelay && maxDelayMs > 0) {
            strAppend(reason, "; nginx without nodelay would delay this request by ", maxDelayMs,
                      " ms (answered at once here)");
        }
        reason += '.';
        ctx.addTrace(kStageName, "pass", std::move(reason), limit.pointer);
        return true;
    }

    const std::int64_t nowNs = std::chrono::duration_cast<std::chrono::nanoseconds>(ctx.now.time_since_epoch()).count();
    const std::int64_t retryAfter = RateLimitHeaders::retryAfterSeconds(outcomes[rejected].retryNs, nowNs);
    if (def.strategy == RateStrategy::LeakyBucket && rejected > 0) {
        reason += "; the items before it were not charged (nginx)";
    }
    strAppend(reason, "; retry after ", retryAfter, " s.");
    ctx.addTrace(kStageName, "deny", std::move(reason), limit.pointer);

    const RateItem& failed = limit.items[rejected].item;
    StageAnswer answer;
    answer.status = def.status;
    answer.json = nlohmann::json{{"error", "Rate limit exceeded: " + RateLimitHeaders::describe(failed)}};
    answer.body = answer.json->dump();
    answer.headers = {{"Content-Type", "application/json"}, {"Retry-After", std::to_string(retryAfter)}};
    ctx.answer = std::move(answer);
    return false;
}

} // namespace pc
