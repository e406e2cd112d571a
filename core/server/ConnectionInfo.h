// SPDX-License-Identifier: Apache-2.0
// ConnectionInfo: the facts about the connection a request arrived on, for
// handlers (client address for rate-limit keys, X-Forwarded-* for upstreams)
// and for request events. Plain data.
#pragma once

#include <cstdint>
#include <string>

namespace pc {

struct ConnectionInfo {
    std::uint64_t connectionId = 0;
    std::uint64_t requestNumber = 0; // 1 for the first request on the connection
    std::string peerAddress;         // "127.0.0.1", "::1"
    std::uint16_t peerPort = 0;
    std::uint16_t localPort = 0;
    bool secure = false; // TLS
};

} // namespace pc
