// SPDX-License-Identifier: Apache-2.0
#include "engine/FieldFilter.h"

#include "common/JsonPointer.h"

#include <algorithm>

namespace pc {

Result<FieldFilter> FieldFilter::compile(const std::vector<std::string>& paths, const std::string& where)
{
    Errors errors;
    FieldFilter filter;
    for (size_t i = 0; i < paths.size(); ++i) {
        const std::string& path = paths[i];
        std::vector<std::string> parts;
        size_t start = 0;
        bool ok = !path.empty();
        while (ok) {
            const size_t dot = path.find('.', start);
            const std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
            ok = !part.empty();
            parts.push_back(part);
            if (dot == std::string::npos) {
                break;
            }
            start = dot + 1;
        }
        if (!ok) {
            errors.push_back(makeError("bad-allow-field",
                                       "\"" + path + "\" is not a dotted field path (an empty name or a stray dot).",
                                       JsonPointer::join(where, i), "write names joined by dots, e.g. \"user.name\""));
            continue;
        }
        Node* node = &filter.m_root;
        for (const std::string& part : parts) {
            if (node->keepAll) {
                break; // an ancestor is allowed whole already
            }
            node = &node->children[part];
        }
        node->keepAll = true;
        node->children.clear();
    }
    if (!errors.empty()) {
        return errors;
    }
    return filter;
}

void FieldFilter::report(const std::string& path, std::vector<std::string>& dropped)
{
    if (dropped.size() < kMaxReported && std::find(dropped.begin(), dropped.end(), path) == dropped.end()) {
        dropped.push_back(path);
    }
}

bool FieldFilter::filter(const Node& node, nlohmann::json& value, const std::string& path,
                         std::vector<std::string>& dropped)
{
    if (node.keepAll) {
        return true;
    }
    if (value.is_array()) {
        auto& array = value.get_ref<nlohmann::json::array_t&>();
        nlohmann::json::array_t kept;
        kept.reserve(array.size());
        for (nlohmann::json& element : array) {
            if (filter(node, element, path, dropped)) {
                kept.push_back(std::move(element));
            } else {
                report(path + "[]", dropped);
            }
        }
        array = std::move(kept);
        return true;
    }
    if (!value.is_object()) {
        return false;
    }
    auto& object = value.get_ref<nlohmann::json::object_t&>();
    for (auto it = object.begin(); it != object.end();) {
        const std::string childPath = path.empty() ? it->first : path + "." + it->first;
        const auto child = node.children.find(it->first);
        if (child == node.children.end() || !filter(child->second, it->second, childPath, dropped)) {
            report(childPath, dropped);
            it = object.erase(it);
        } else {
            ++it;
        }
    }
    return true;
}

bool FieldFilter::apply(nlohmann::json& value, std::vector<std::string>& dropped) const
{
    if (!value.is_object() && !value.is_array()) {
        return false;
    }
    filter(m_root, value, std::string(), dropped);
    return true;
}

} // namespace pc
