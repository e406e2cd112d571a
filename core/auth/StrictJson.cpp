// SPDX-License-Identifier: Apache-2.0
#include "auth/StrictJson.h"

#include <set>
#include <string>
#include <vector>

namespace pc {

Result<nlohmann::json> StrictJson::parse(std::string_view text)
{
    using Json = nlohmann::json;
    // One set of member names per open object; arrays push an empty marker so
    // that the stack depth is the nesting depth.
    std::vector<std::set<std::string>> seen;
    std::string duplicate;
    bool tooDeep = false;

    const Json::parser_callback_t callback = [&](int depth, Json::parse_event_t event, Json& parsed) -> bool {
        switch (event) {
        case Json::parse_event_t::object_start:
        case Json::parse_event_t::array_start:
            seen.emplace_back();
            if (depth >= kMaxDepth) {
                tooDeep = true;
            }
            break;
        case Json::parse_event_t::object_end:
        case Json::parse_event_t::array_end:
            if (!seen.empty()) {
                seen.pop_back();
            }
            break;
        case Json::parse_event_t::key:
            if (!seen.empty() && parsed.is_string() && !seen.back().insert(parsed.get<std::string>()).second &&
                duplicate.empty()) {
                duplicate = parsed.get<std::string>();
            }
            break;
        case Json::parse_event_t::value:
            break;
        }
        // Keep everything: dropping values here would hide what was duplicated.
        return !tooDeep;
    };

    Json value = Json::parse(text.begin(), text.end(), callback, /*allow_exceptions=*/false);
    if (tooDeep) {
        return makeError("too-deep", "The JSON nests deeper than " + std::to_string(kMaxDepth) + " levels.");
    }
    if (value.is_discarded()) {
        return makeError("bad-json", "The text is not valid JSON (or not valid UTF-8).");
    }
    if (!duplicate.empty()) {
        std::string shown = duplicate.size() > 40 ? duplicate.substr(0, 40) + "..." : duplicate;
        return makeError("duplicate-key", "The member \"" + shown +
                                              "\" appears more than once in one object; such JSON is refused because "
                                              "parsers disagree on which value wins.");
    }
    return value;
}

} // namespace pc
