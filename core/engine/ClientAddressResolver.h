// SPDX-License-Identifier: Apache-2.0
// ClientAddressResolver: who the client is. The socket peer, unless the peer
// is a trusted proxy and the policy names a forwarding header; then the
// rightmost untrusted hop of X-Forwarded-For or of RFC 7239 Forwarded "for=".
// Headers from untrusted peers are ignored (they are trivially spoofed).
// Immutable after construction; resolve() is thread-safe.
#pragma once

#include "common/Result.h"
#include "engine/CidrBlock.h"
#include "engine/HttpRequest.h"
#include "engine/IpAddress.h"
#include "policy/TransportPolicy.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pc {

struct ClientAddress {
    enum class Source { Peer, XForwardedFor, Forwarded };
    std::optional<IpAddress> address; // nullopt only when the peer address itself is unusable
    Source source = Source::Peer;
    std::string note; // why a header was ignored or where the walk stopped ("" when unremarkable)
};

class ClientAddressResolver {
public:
    static constexpr std::size_t kMaxHops = 64; // hops examined before giving up on a header

    ClientAddressResolver() = default; // socket peer only
    ClientAddressResolver(std::vector<CidrBlock> trustedProxies, ClientIpHeader header);

    // Errors point at <pointer>/trusted_proxies/<i>.
    [[nodiscard]] static Result<ClientAddressResolver> compile(const TransportPolicy& transport,
                                                               std::string_view pointer = "/transport");

    [[nodiscard]] ClientAddress resolve(const HttpRequest& request) const;
    [[nodiscard]] bool isTrusted(const IpAddress& address) const;

    // One node of a forwarding header: "203.0.113.7", "203.0.113.7:8080", "[2001:db8::1]:443",
    // "2001:db8::1"; nullopt for "unknown", obfuscated identifiers and garbage.
    [[nodiscard]] static std::optional<IpAddress> parseNode(std::string_view node);
    // The "for=" values of a Forwarded field value, in order; an element without a usable
    // "for" yields an empty string so the walk can stop there.
    [[nodiscard]] static std::vector<std::string> forwardedFor(std::string_view fieldValue);

private:
    std::vector<CidrBlock> m_trusted;
    ClientIpHeader m_header = ClientIpHeader::None;
};

} // namespace pc
