// SPDX-License-Identifier: Apache-2.0
// PolicyWriter: Policy -> the canonical policy document (layout: JsonPrinter).
// Keys in a fixed order, user maps in their order, canonical durations and
// sizes; members equal to their defaults are omitted, except those that set a
// mechanism's strength (rate-limit key and strategy, JWT algorithms and
// lifetimes, the password scheme's cost, HSTS max-age): always written, so a
// later change of default cannot alter a saved file. Pure, thread-safe.
#pragma once

#include "policy/Policy.h"
#include "policy/PolicyJson.h"

#include <string>

namespace pc {

class PolicyWriter {
public:
    [[nodiscard]] static PolicyJson toJson(const Policy& policy);
    [[nodiscard]] static std::string toText(const Policy& policy);
};

} // namespace pc
