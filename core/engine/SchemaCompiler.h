// SPDX-License-Identifier: Apache-2.0
// SchemaCompiler: turns the policy's schemas into a CompiledSchemaSet, and
// reports every problem at its JSON pointer: patterns RE2 refuses
// (/schemas/UserInput/fields/username/pattern), unknown or inescapably cyclic
// schema references, contradictory bounds (min_length > max_length, gt 5 with
// lt 5), constraints that do not apply to the field's type, and bounds an
// integer field cannot hold (Pydantic refuses them too).
// Stateless; thread-safe.
#pragma once

#include "common/Result.h"
#include "engine/CompiledSchema.h"

#include <memory>
#include <vector>

namespace pc {

class SchemaCompiler {
public:
    [[nodiscard]] static Result<std::shared_ptr<const CompiledSchemaSet>> compile(const std::vector<Schema>& schemas);
};

} // namespace pc
