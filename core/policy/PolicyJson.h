// SPDX-License-Identifier: Apache-2.0
// The JSON type of policy documents on disk: nlohmann's order-preserving
// variant, because user maps (schemas, fields, rate limits, headers) keep the
// order in which the user wrote them. Free-form values inside the model
// (mock bodies, defaults, claims) use plain nlohmann::json.
#pragma once

#include <nlohmann/json.hpp>

namespace pc {

using PolicyJson = nlohmann::ordered_json;

} // namespace pc
