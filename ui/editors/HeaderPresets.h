// SPDX-License-Identifier: Apache-2.0
// The header presets the Headers editor offers, with the exact values of
// the OWASP Secure Headers Project's proposal and of helmet 8.3.0's defaults
// (shared reference headers.md §1–§3), and a strict set for JSON APIs.
#pragma once

#include "policy/HeaderPolicy.h"

#include <QString>

#include <vector>

namespace pc {

enum class HeaderPreset { Owasp, Helmet, StrictApi };

[[nodiscard]] HeaderPolicy headerPreset(HeaderPreset preset);
[[nodiscard]] QString headerPresetTitle(HeaderPreset preset);
[[nodiscard]] QString headerPresetDescription(HeaderPreset preset);
// OWASP Secure Headers Project ci/headers_remove.json (87 headers that leak the stack).
[[nodiscard]] std::vector<std::string> owaspRemoveList();

} // namespace pc
