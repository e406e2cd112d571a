// SPDX-License-Identifier: Apache-2.0
// DecisionFormatter: renders a Decision for people (an HTTP response followed
// by the trace) and for tools, as exactly
// {"status":N,"headers":[["Name","value"],...],"body":"...","trace":[{"stage":
// "...","verdict":"...","reason":"...","where":"/json/pointer"}]}.
// Pure functions; thread-safe.
#pragma once

#include "engine/Decision.h"

#include <string>

namespace pc {

class DecisionFormatter {
public:
    [[nodiscard]] static std::string text(const Decision& decision);
    [[nodiscard]] static std::string json(const Decision& decision);
};

} // namespace pc
