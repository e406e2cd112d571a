// SPDX-License-Identifier: Apache-2.0
// AuthReader: reads "auth": JWT verification settings (keys are secret
// references), password hashing per scheme, session cookie attributes and
// the API-key header. Stateless.
#pragma once

#include "policy/AuthPolicy.h"
#include "policy/PolicyJson.h"
#include "policy/ReadContext.h"

namespace pc {

class AuthReader {
public:
    static void read(ReadContext& ctx, const PolicyJson* value, AuthPolicy& out);

    // The JWS algorithms the loader accepts ("none" never).
    static const std::vector<std::string_view>& jwtAlgorithms();
};

} // namespace pc
