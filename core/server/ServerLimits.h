// SPDX-License-Identifier: Apache-2.0
// ServerLimits: the hard bounds the test server puts on every request before
// any handler sees it (414, 431, 413). Plain data.
#pragma once

#include <cstddef>
#include <cstdint>

namespace pc {

struct ServerLimits {
    std::size_t maxTargetBytes = 8 * 1024;    // request target; longer is 414
    std::size_t maxHeaderBytes = 16 * 1024;   // all header lines together; more is 431
    std::size_t maxHeaders = 100;             // header lines; more is 431
    std::uint64_t maxBodyBytes = 1024 * 1024; // decoded body; more is 413
    bool operator==(const ServerLimits&) const = default;
};

} // namespace pc
