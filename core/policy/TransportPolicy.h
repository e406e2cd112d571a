// SPDX-License-Identifier: Apache-2.0
// Transport: HTTPS expectations, who may tell us the client's address (trusted
// proxies and the header they use), the default upstream for reverse-proxy
// routes, and connection timeouts of the test server.
#pragma once

#include "common/Duration.h"

#include <string>
#include <vector>

namespace pc {

enum class ClientIpHeader { None, XForwardedFor, Forwarded };
enum class TlsVersion { Tls12, Tls13 };

struct TransportPolicy {
    bool httpsOnly = false;
    TlsVersion minTls = TlsVersion::Tls12;
    std::vector<std::string> trustedProxies; // addresses or CIDR blocks
    ClientIpHeader clientIpHeader = ClientIpHeader::None;
    std::string upstream; // "http://127.0.0.1:8000" for reverse-proxy routes
    Duration headerTimeout = Duration::seconds(10);
    Duration idleTimeout = Duration::seconds(60);
    int maxConnections = 1024;
    bool operator==(const TransportPolicy&) const = default;
};

} // namespace pc
