// SPDX-License-Identifier: Apache-2.0
// PolicyWriter: Policy -> the canonical policy document. Keys come in a fixed
// order (the order of the format description), user maps keep their order,
// durations and sizes are written in canonical form, and members equal to
// their defaults are left out — except the few that define how strong a
// mechanism is (rate-limit key and strategy, JWT algorithms and token
// lifetimes, the password scheme and its cost, HSTS max-age), which are always
// written so that a reader sees them and a later change of default cannot
// silently alter a saved file. Text layout: JsonPrinter. Pure, thread-safe.
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
