// SPDX-License-Identifier: Apache-2.0
// PolicyChecks: the problems the workbench can point at while the policy is
// being edited, as located Errors in the core's own words (the same
// functions the CLI reports through). Pure; safe from any thread.
#pragma once

#include "common/Error.h"
#include "policy/Policy.h"

namespace pc {

[[nodiscard]] Errors checkPolicy(const Policy& policy);

} // namespace pc
