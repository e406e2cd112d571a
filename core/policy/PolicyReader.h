// SPDX-License-Identifier: Apache-2.0
// PolicyReader: turns a policy document (JSON already migrated to the current
// format version) into a Policy, collecting every error with its code, JSON
// pointer, message and hint. Errors carry no line/column: PolicyFile adds
// them from the source map. Stateless and thread-safe.
#pragma once

#include "common/Result.h"
#include "policy/Policy.h"
#include "policy/PolicyJson.h"

namespace pc {

class PolicyReader {
public:
    [[nodiscard]] static Result<Policy> read(const PolicyJson& document);
};

} // namespace pc
