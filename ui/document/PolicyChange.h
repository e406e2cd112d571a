// SPDX-License-Identifier: Apache-2.0
// PolicyChange: what one undo step did to the document, announced before and
// after the edit so that item models can bracket it with begin/end calls.
// `path` is index-based ("/routes/2/path", "/cors/allow_origins") and names
// the part that changed; it is a GUI notification address, not a file pointer
// (the file keys rate limits and schemas by name).
#pragma once

#include <string>
#include <string_view>

namespace pc {

struct PolicyChange {
    enum class Kind {
        Value,  // the value at `path` was replaced
        Insert, // a row was inserted at `row` into the list at `path`
        Remove, // the row `row` was removed from the list at `path`
        Move,   // the row `row` of the list at `path` now sits at `to`
        Reset,  // everything changed (a new document, a restore)
    };
    Kind kind = Kind::Value;
    std::string path;
    int row = -1;
    int to = -1;
};

namespace policypath {

// True when `prefix` is `path` or one of its ancestors ("/cors" of "/cors/max_age").
[[nodiscard]] bool isWithin(std::string_view path, std::string_view prefix);
// True when one path lies within the other.
[[nodiscard]] bool related(std::string_view a, std::string_view b);
// The row index right below `list` in `path` ("/routes/3/path" in "/routes" -> 3), -1 when none.
[[nodiscard]] int rowBelow(std::string_view path, std::string_view list);
// "/routes/3/path" -> "/routes/*/path": the key of the setting's help text.
[[nodiscard]] std::string generic(std::string_view path);
[[nodiscard]] std::string join(std::string_view base, std::string_view key);
[[nodiscard]] std::string join(std::string_view base, int row);

} // namespace policypath
} // namespace pc
