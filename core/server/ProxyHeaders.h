// SPDX-License-Identifier: Apache-2.0
// ProxyHeaders: the header rules of a reverse proxy. Hop-by-hop fields
// (RFC 9110 §7.6.1: Connection and every field it names, Keep-Alive,
// Proxy-Connection, TE, Trailer, Transfer-Encoding, Upgrade, and the
// proxy-auth pair) never cross; X-Forwarded-For/-Proto/-Host and Via are added
// to requests going upstream. Pure functions, thread-safe.
#pragma once

#include "server/ConnectionInfo.h"

#include "engine/HttpRequest.h"
#include "policy/HeaderField.h"

#include <string>
#include <string_view>
#include <vector>

namespace pc {

class ProxyHeaders {
public:
    [[nodiscard]] static bool isHopByHop(std::string_view name);
    // Drops the hop-by-hop fields, including those named in Connection.
    [[nodiscard]] static std::vector<HeaderField> withoutHopByHop(const std::vector<HeaderField>& headers);

    // The header lines for the upstream request: the client's end-to-end
    // fields (minus Host, Content-Length and Expect, which the proxy owns),
    // then Host (the upstream's authority), the X-Forwarded-* trio, Via,
    // Content-Length and Connection: close.
    [[nodiscard]] static std::vector<HeaderField> upstreamRequestHeaders(const HttpRequest& request,
                                                                         const ConnectionInfo& connection,
                                                                         const std::string& upstreamAuthority);
};

} // namespace pc
