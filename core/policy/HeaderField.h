// SPDX-License-Identifier: Apache-2.0
// One HTTP header as a name and a value (plain data).
#pragma once

#include <string>

namespace pc {

struct HeaderField {
    std::string name;
    std::string value;
    bool operator==(const HeaderField&) const = default;
};

} // namespace pc
