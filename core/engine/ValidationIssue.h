// SPDX-License-Identifier: Apache-2.0
// ValidationIssue: one item of FastAPI's 422 body, {"type", "loc", "msg",
// "input", "ctx"}, with Pydantic v2's error types and message templates
// (validation.md §1.1, §2). `input` is kept as JSON text so that arbitrary
// integers and Python's float spellings are echoed exactly. Plain data.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace pc {

struct ValidationIssue {
    std::string type;           // "string_too_short", "missing", ...
    nlohmann::json loc;         // array of strings and integers: ["body", "tags", 1]
    std::string msg;            // the rendered template
    std::string input = "null"; // the offending value, as JSON text
    nlohmann::ordered_json ctx; // null when the template has no parameters
    std::string where;          // JSON pointer of the policy part that failed ("" for JSON syntax errors)

    // The item as FastAPI writes it (compact, keys in FastAPI's order).
    void appendJson(std::string& out) const;
    // {"detail":[...]} — the 422 body.
    [[nodiscard]] static std::string detailBody(const std::vector<ValidationIssue>& issues);
    // "body.tags.1" — for traces and the GUI.
    [[nodiscard]] std::string dottedLoc() const;
};

} // namespace pc
