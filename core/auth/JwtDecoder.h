// SPDX-License-Identifier: Apache-2.0
// JwtDecoder: shows what a token says WITHOUT verifying it — for the CLI's
// `token decode` and the GUI's token debugger. Nothing it returns is
// trustworthy; `problems` lists what a strict verifier would object to in the
// token's form (encoding, duplicate members, alg none, header keys). Never use
// it to authenticate anything. Stateless, thread-safe.
#pragma once

#include "common/Result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace pc {

struct UnverifiedToken {
    nlohmann::json header;   // the decoded header object
    nlohmann::json payload;  // the claims when the payload is JSON, else null
    std::string payloadText; // the payload bytes as decoded
    std::string signature;   // raw signature bytes
    std::string algorithm;   // "alg" as written ("" when absent)
    Errors problems;         // form problems, with the verifier's codes
};

class JwtDecoder {
public:
    static constexpr std::size_t kMaxTokenBytes = 1024 * 1024;
    // Fails only when nothing sensible can be shown: too large, not three
    // parts, or a header that is not base64 JSON at all.
    [[nodiscard]] static Result<UnverifiedToken> decodeUnverified(std::string_view token);
};

} // namespace pc
