// SPDX-License-Identifier: Apache-2.0
// CorsReader: reads the "cors" section. Exact origins must be serialised
// origins (what browsers send), patterns have one leading wildcard label.
// "*" and "null" are syntactically accepted; the audit judges them. Stateless.
#pragma once

#include "policy/CorsPolicy.h"
#include "policy/PolicyJson.h"
#include "policy/ReadContext.h"

#include <optional>

namespace pc {

class CorsReader {
public:
    [[nodiscard]] static std::optional<CorsPolicy> read(ReadContext& ctx, const PolicyJson* value);
};

} // namespace pc
