// SPDX-License-Identifier: Apache-2.0
#include "policy/Schema.h"

#include <algorithm>

namespace pc {

const Field* Schema::field(std::string_view fieldName) const
{
    auto it = std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.name == fieldName; });
    return it == fields.end() ? nullptr : &*it;
}

} // namespace pc
