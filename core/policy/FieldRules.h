// SPDX-License-Identifier: Apache-2.0
// FieldRules: which field constraints apply to which field types (Pydantic v2
// semantics), what to suggest instead when one does not, what each type
// requires, and whether a default fits. Pure, thread-safe.
#pragma once

#include "policy/PolicyJson.h"
#include "policy/Schema.h"

#include <string>
#include <string_view>

namespace pc {

class ObjectReader;

class FieldRules {
public:
    [[nodiscard]] static bool applies(std::string_view constraint, FieldType type);
    // The hint for a constraint written on a type it does not apply to.
    [[nodiscard]] static std::string insteadHint(std::string_view constraint, FieldType type);

    // constraint-not-applicable for every member of `field` that does not apply to `type`.
    static void checkApplicable(ObjectReader& r, const PolicyJson& field, FieldType type);
    // An enum needs "values", an object needs "schema".
    static void checkRequiredParts(ObjectReader& r, const Field& field);
    [[nodiscard]] static bool defaultFits(const Field& field, const nlohmann::json& value);
};

} // namespace pc
