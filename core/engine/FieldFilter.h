// SPDX-License-Identifier: Apache-2.0
// FieldFilter: keeps only the allowed dotted paths of a JSON value
// ("user.name" keeps user as an object holding only name). Arrays are entered
// transparently (their elements are filtered with the same rule); objects are
// kept only along allowed paths; a scalar where an object was expected is
// dropped. Reports what it dropped by dotted name, never by value.
// Immutable after compile(); apply() is thread-safe.
#pragma once

#include "common/Result.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace pc {

class FieldFilter {
public:
    // Errors point at `where`/K for the K-th path.
    [[nodiscard]] static Result<FieldFilter> compile(const std::vector<std::string>& paths, const std::string& where);

    // Filters `value` in place; appends the dotted names of dropped fields to
    // `dropped` (each once, at most kMaxReported). Returns false when the value is
    // neither an object nor an array (nothing to filter).
    bool apply(nlohmann::json& value, std::vector<std::string>& dropped) const;
    static constexpr size_t kMaxReported = 50;

private:
    struct Node {
        bool keepAll = false;
        std::map<std::string, Node, std::less<>> children;
    };

    // Returns false when `value` itself must be dropped.
    static bool filter(const Node& node, nlohmann::json& value, const std::string& path,
                       std::vector<std::string>& dropped);
    static void report(const std::string& path, std::vector<std::string>& dropped);

    Node m_root;
};

} // namespace pc
