// SPDX-License-Identifier: Apache-2.0
// Request size limits (413, 414, 431) and the body content types accepted (415).
#pragma once

#include "common/ByteSize.h"

#include <string>
#include <vector>

namespace pc {

struct SizeLimits {
    ByteSize maxBodyBytes = ByteSize(1 << 20);    // nginx's client_max_body_size default
    ByteSize maxHeaderBytes = ByteSize(16 << 10); // all header lines together
    ByteSize maxUrlBytes = ByteSize(8 << 10);     // the request target
    int maxHeaders = 100;
    int maxJsonDepth = 32;
    std::vector<std::string> contentTypes{"application/json"};
    bool operator==(const SizeLimits&) const = default;
};

} // namespace pc
