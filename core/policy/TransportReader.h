// SPDX-License-Identifier: Apache-2.0
// TransportReader: reads "transport" (HTTPS, trusted proxies, upstream,
// timeouts) and "limits" (request sizes and content types). Stateless.
#pragma once

#include "policy/PolicyJson.h"
#include "policy/ReadContext.h"
#include "policy/SizeLimits.h"
#include "policy/TransportPolicy.h"

#include <string>

namespace pc {

class TransportReader {
public:
    static void readTransport(ReadContext& ctx, const PolicyJson* value, TransportPolicy& out);
    static void readLimits(ReadContext& ctx, const PolicyJson* value, SizeLimits& out);
    // An http(s) URL; credentials inside it are an inline secret.
    static bool checkUpstream(ReadContext& ctx, const std::string& url, const std::string& pointer);
    static void checkMediaTypes(ReadContext& ctx, const std::vector<std::string>& types, const std::string& pointer);
};

} // namespace pc
