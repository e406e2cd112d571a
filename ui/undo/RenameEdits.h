// SPDX-License-Identifier: Apache-2.0
// Renames that keep the policy's references intact: renaming a schema, a rate
// limit or a secret also rewrites every place that names it, as one undo step.
// A name another item already has is refused (nothing happens).
#pragma once

#include <string>

namespace pc {

class PolicyDocument;

void renameSchema(PolicyDocument* document, int index, const std::string& newName);
void renameRateLimit(PolicyDocument* document, int index, const std::string& newName);
void renameSecret(PolicyDocument* document, int index, const std::string& newName);

} // namespace pc
