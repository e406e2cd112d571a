// SPDX-License-Identifier: Apache-2.0
#include "engine/ValidationIssue.h"

#include "engine/JsonText.h"

namespace pc {
namespace {

template <class Json> void appendValue(std::string& out, const Json& v)
{
    if (v.is_string()) {
        JsonText::appendString(out, v.template get_ref<const std::string&>());
    } else if (v.is_number_float()) {
        JsonText::appendFloat(out, v.template get<double>());
    } else if (v.is_array()) {
        out += '[';
        bool first = true;
        for (const auto& item : v) {
            if (!first) {
                out += ',';
            }
            first = false;
            appendValue(out, item);
        }
        out += ']';
    } else if (v.is_object()) {
        out += '{';
        bool first = true;
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (!first) {
                out += ',';
            }
            first = false;
            JsonText::appendString(out, it.key());
            out += ':';
            appendValue(out, it.value());
        }
        out += '}';
    } else {
        out += v.dump();
    }
}

} // namespace

void ValidationIssue::appendJson(std::string& out) const
{
    out += "{\"type\":";
    JsonText::appendString(out, type);
    out += ",\"loc\":";
    appendValue(out, loc);
    out += ",\"msg\":";
    JsonText::appendString(out, msg);
    out += ",\"input\":";
    out += input;
    if (!ctx.is_null()) {
        out += ",\"ctx\":";
        appendValue(out, ctx);
    }
    out += '}';
}

std::string ValidationIssue::detailBody(const std::vector<ValidationIssue>& issues)
{
    std::string out = "{\"detail\":[";
    for (std::size_t i = 0; i < issues.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        issues[i].appendJson(out);
    }
    out += "]}";
    return out;
}

std::string ValidationIssue::dottedLoc() const
{
    std::string out;
    for (const auto& part : loc) {
        if (!out.empty()) {
            out += '.';
        }
        out += part.is_string() ? part.get<std::string>() : part.dump();
    }
    return out;
}

} // namespace pc
