// SPDX-License-Identifier: Apache-2.0
// DecisionFormatter: renders a Decision for people (an HTTP response followed
// by the trace) and for tools, as exactly
// {"status":N,"headers":[["Name","value"],...],"body":"...","trace":[{"stage":
// "...","verdict":"...","reason":"...","where":"/json/pointer"}]}.
// traceText() is the "Trace:" block alone, for views that show the response
// their own way (the workbench's request log). Pure functions; thread-safe.
#pragma once

#include "engine/Decision.h"

#include <string>
#include <vector>

namespace pc {

class DecisionFormatter {
public:
    [[nodiscard]] static std::string text(const Decision& decision);
    [[nodiscard]] static std::string json(const Decision& decision);
    // "Trace:\n  1. routing pass: ... [/routes/0]\n" — the lines text() ends with.
    [[nodiscard]] static std::string traceText(const std::vector<TraceStep>& trace);
};

} // namespace pc
