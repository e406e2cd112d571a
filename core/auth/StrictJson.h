// SPDX-License-Identifier: Apache-2.0
// StrictJson: parses a JOSE header or claims set the way RFC 7515 §4 and RFC
// 7519 §4 allow a careful recipient to: duplicate member names anywhere are
// refused (nlohmann would keep the last one silently, tokens.md §3.1), nesting
// is bounded, the input must be one JSON value. Stateless, thread-safe.
#pragma once

#include "common/Result.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace pc {

class StrictJson {
public:
    static constexpr int kMaxDepth = 32;
    // Error codes: "duplicate-key", "too-deep", "bad-json".
    [[nodiscard]] static Result<nlohmann::json> parse(std::string_view text);
};

} // namespace pc
