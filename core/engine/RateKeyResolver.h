// SPDX-License-Identifier: Apache-2.0
// RateKeyResolver: whose requests count together under a rate limit. Turns a
// RateKey (client_ip, header:<Name>, api_key, jwt_claim:<claim>, route,
// global) into the string that names a counter, plus a label for the trace.
// API keys and credential-like headers are hashed (SHA-256) before they go
// anywhere; a missing header or claim falls back to the client address and
// says so. Immutable; resolve() is thread-safe.
#pragma once

#include "engine/ClientAddressResolver.h"
#include "engine/RequestContext.h"
#include "policy/RateLimitPolicy.h"

#include <optional>
#include <string>
#include <string_view>

namespace pc {

struct ResolvedRateKey {
    std::string value; // names the counter; kind-prefixed so an address never equals a claim
    std::string label; // for the trace: a claim, a hash prefix; never a secret (see appendLabel)
    std::string note;  // why the key fell back to the client address, or how the address was found

    // Keys by client address hold the address's bytes in `value` and format its text only here,
    // straight into the trace reason: "client 192.0.2.1", "client 2001:db8::/64 (from X-Forwarded-For)".
    std::optional<IpAddress> address;
    int prefix = -1; // the IPv6 prefix the address was masked to, -1 when not masked
    ClientAddress::Source source = ClientAddress::Source::Peer;

    // Appends the label (for the trace) to `out`.
    void appendLabel(std::string& out) const;
};

class RateKeyResolver {
public:
    RateKeyResolver() = default;
    RateKeyResolver(ClientAddressResolver clients, std::string apiKeyHeader);

    // `client` caches the client address for the request (several limits may need it).
    [[nodiscard]] ResolvedRateKey resolve(const RateKey& key, int ipv6Prefix, const RequestContext& ctx,
                                          std::string_view routePartition, std::optional<ClientAddress>& client) const;

    [[nodiscard]] const ClientAddress& client(const HttpRequest& request, std::optional<ClientAddress>& cache) const;
    [[nodiscard]] const ClientAddressResolver& clients() const { return m_clients; }

    // Lower-case hex SHA-256.
    [[nodiscard]] static std::string sha256Hex(std::string_view data);

private:
    [[nodiscard]] ResolvedRateKey byClient(int ipv6Prefix, const HttpRequest& request,
                                           std::optional<ClientAddress>& client) const;
    [[nodiscard]] bool isCredentialHeader(std::string_view name) const;

    ClientAddressResolver m_clients;
    std::string m_apiKeyHeader = "X-API-Key";
};

} // namespace pc
