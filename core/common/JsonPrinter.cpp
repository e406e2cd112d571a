// SPDX-License-Identifier: Apache-2.0
#include "common/JsonPrinter.h"

#include <algorithm>

namespace pc {
namespace {

using Json = nlohmann::ordered_json;

std::string scalar(const Json& value)
{
    // Strings the model got from elsewhere might not be valid UTF-8; never throw while saving.
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool isContainer(const Json& value)
{
    return value.is_object() || value.is_array();
}

void printValue(const Json& value, int indent, std::string& out)
{
    const std::string inner(static_cast<size_t>(indent + 2), ' ');
    if (value.is_object()) {
        if (value.empty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        bool first = true;
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (!first) {
                out += ",\n";
            }
            first = false;
            out += inner;
            out += scalar(Json(it.key()));
            out += ": ";
            printValue(it.value(), indent + 2, out);
        }
        out += '\n';
        out.append(static_cast<size_t>(indent), ' ');
        out += '}';
        return;
    }
    if (value.is_array()) {
        if (value.empty()) {
            out += "[]";
            return;
        }
        if (std::none_of(value.begin(), value.end(), isContainer)) {
            out += '[';
            for (size_t i = 0; i < value.size(); ++i) {
                out += i == 0 ? "" : ", ";
                out += scalar(value[i]);
            }
            out += ']';
            return;
        }
        out += "[\n";
        for (size_t i = 0; i < value.size(); ++i) {
            out += i == 0 ? "" : ",\n";
            out += inner;
            printValue(value[i], indent + 2, out);
        }
        out += '\n';
        out.append(static_cast<size_t>(indent), ' ');
        out += ']';
        return;
    }
    out += scalar(value);
}

} // namespace

std::string JsonPrinter::print(const nlohmann::ordered_json& value)
{
    std::string out;
    printValue(value, 0, out);
    out += '\n';
    return out;
}

} // namespace pc
