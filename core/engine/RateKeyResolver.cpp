// SPDX-License-Identifier: Apache-2.0
#include "engine/RateKeyResolver.h"

#include "engine/StrAppend.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <span>

namespace pc {
namespace {

constexpr std::size_t kLabelMax = 64;

std::string shorten(std::string_view s)
{
    return s.size() <= kLabelMax ? std::string(s) : std::string(s.substr(0, kLabelMax)) + "...";
}

bool containsIgnoreCase(std::string_view haystack, std::string_view needle)
{
    auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                       [&](char a, char b) { return lower(a) == lower(b); }) != haystack.end();
}

ResolvedRateKey labelled(std::string value, std::string label)
{
    ResolvedRateKey key;
    key.value = std::move(value);
    key.label = std::move(label);
    return key;
}

} // namespace

void ResolvedRateKey::appendLabel(std::string& out) const
{
    if (!address) {
        out += label;
        return;
    }
    out += "client ";
    address->appendTo(out);
    if (prefix >= 0) {
        strAppend(out, '/', prefix);
    }
    if (source == ClientAddress::Source::XForwardedFor) {
        out += " (from X-Forwarded-For)";
    } else if (source == ClientAddress::Source::Forwarded) {
        out += " (from Forwarded)";
    }
}

RateKeyResolver::RateKeyResolver(ClientAddressResolver clients, std::string apiKeyHeader)
    : m_clients(std::move(clients)), m_apiKeyHeader(std::move(apiKeyHeader))
{
}

std::string RateKeyResolver::sha256Hex(std::string_view data)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
        length = 0; // cannot happen with OpenSSL's built-in SHA-256; an empty digest still never leaks input
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 0x0f];
    }
    return out;
}

const ClientAddress& RateKeyResolver::client(const HttpRequest& request, std::optional<ClientAddress>& cache) const
{
    if (!cache) {
        cache = m_clients.resolve(request);
    }
    return *cache;
}

bool RateKeyResolver::isCredentialHeader(std::string_view name) const
{
    if (equalsIgnoreCase(name, m_apiKeyHeader) || equalsIgnoreCase(name, "authorization") ||
        equalsIgnoreCase(name, "proxy-authorization") || equalsIgnoreCase(name, "cookie")) {
        return true;
    }
    for (std::string_view word : {"token", "secret", "key", "auth", "session", "password", "credential"}) {
        if (containsIgnoreCase(name, word)) {
            return true;
        }
    }
    return false;
}

ResolvedRateKey RateKeyResolver::byClient(int ipv6Prefix, const HttpRequest& request,
                                          std::optional<ClientAddress>& cache) const
{
    const ClientAddress& c = client(request, cache);
    ResolvedRateKey key;
    key.note = c.note;
    if (!c.address) {
        key.value = "ip:?";
        key.label = "a client without a usable address";
        return key;
    }
    // The counter is named by the address bytes (no text formatting per request); the family tag
    // keeps IPv4 and IPv6 apart and every other kind of key uses another prefix ("h:", "k:", ...).
    const bool masked = !c.address->isV4() && ipv6Prefix < 128;
    key.address = masked ? c.address->masked(ipv6Prefix) : *c.address;
    key.prefix = masked ? ipv6Prefix : -1;
    key.source = c.source;
    key.value = key.address->isV4() ? "ip4:" : "ip6:";
    const std::span<const std::uint8_t> bytes = key.address->bytes();
    key.value.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    return key;
}

ResolvedRateKey RateKeyResolver::resolve(const RateKey& key, int ipv6Prefix, const RequestContext& ctx,
                                         std::string_view routePartition, std::optional<ClientAddress>& client) const
{
    auto fallback = [&](std::string why) {
        ResolvedRateKey k = byClient(ipv6Prefix, ctx.request, client);
        k.note = k.note.empty() ? std::move(why) : std::move(why) + "; " + k.note;
        return k;
    };
    switch (key.kind) {
    case RateKeyKind::ClientIp:
        return byClient(ipv6Prefix, ctx.request, client);
    case RateKeyKind::Header: {
        const auto value = ctx.request.header(key.name);
        if (!value || value->empty()) {
            return fallback("no " + key.name + " header, so counted by client address");
        }
        ResolvedRateKey k = labelled("h:" + std::string(*value), {});
        k.label = isCredentialHeader(key.name) ? key.name + " sha256:" + sha256Hex(*value).substr(0, 12)
                                               : key.name + " \"" + shorten(*value) + "\"";
        return k;
    }
    case RateKeyKind::ApiKey: {
        const auto value = ctx.request.header(m_apiKeyHeader);
        if (!value || value->empty()) {
            return fallback("no " + m_apiKeyHeader + " header, so counted by client address");
        }
        const std::string digest = sha256Hex(*value); // the raw key goes no further
        return labelled("k:" + digest, "API key sha256:" + digest.substr(0, 12));
    }
    case RateKeyKind::JwtClaim: {
        const nlohmann::json* claim = nullptr;
        if (ctx.claims && ctx.claims->is_object()) {
            const auto it = ctx.claims->find(key.name);
            if (it != ctx.claims->end() && !it->is_null()) {
                claim = &*it;
            }
        }
        if (!claim) {
            return fallback("no verified token claim \"" + key.name + "\", so counted by client address");
        }
        const std::string text = claim->is_string() ? claim->get<std::string>() : claim->dump();
        return labelled("c:" + text, "claim " + key.name + "=\"" + shorten(text) + "\"");
    }
    case RateKeyKind::Route:
        return labelled("r:" + std::string(routePartition), "route " + std::string(routePartition));
    case RateKeyKind::Global:
        return labelled("g", "all clients");
    }
    return labelled("g", "all clients");
}

} // namespace pc
