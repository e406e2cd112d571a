// SPDX-License-Identifier: Apache-2.0
// SchemaReader: reads "schemas" and their fields with Pydantic v2 constraint
// semantics: a constraint that does not apply to the field's type is an
// error naming the one that does, patterns must compile with RE2 (what the
// engine runs), defaults must fit the field, object fields name a schema that
// exists. Stateless.
#pragma once

#include "policy/PolicyJson.h"
#include "policy/ReadContext.h"
#include "policy/Schema.h"

#include <string>
#include <vector>

namespace pc {

class SchemaReader {
public:
    static void read(ReadContext& ctx, const PolicyJson* value, std::vector<Schema>& out);
    [[nodiscard]] static Field readField(ReadContext& ctx, const std::string& name, const PolicyJson& value,
                                         const std::string& pointer);
};

} // namespace pc
