// SPDX-License-Identifier: Apache-2.0
// MemoryPolicyStore: a PolicyStore whose "files" live in memory, for tests of
// the shell that need files that load, files that do not, and presets. Its
// canonical text is an opaque handle into its own table.
#pragma once

#include "document/PolicyStore.h"

#include <QFileInfo>

#include <map>
#include <vector>

namespace pc::test {

class MemoryPolicyStore final : public PolicyStore {
public:
    mutable std::map<QString, Policy> files; // save() writes here
    std::map<QString, Errors> broken;
    std::map<QString, Policy> presets;

    Result<Policy> load(const QString& path) const override
    {
        const QString key = QFileInfo(path).absoluteFilePath();
        if (auto it = broken.find(key); it != broken.end()) {
            return it->second;
        }
        if (auto it = files.find(key); it != files.end()) {
            return it->second;
        }
        return makeError("cannot-open", "The file cannot be opened.", "", "check the path");
    }
    Result<Policy> loadText(const std::string& text, const QString&) const override
    {
        const std::string prefix = "memory-policy:";
        if (text.starts_with(prefix)) {
            const size_t index = std::stoul(text.substr(prefix.size()));
            if (index < m_texts.size()) {
                return m_texts[index];
            }
        }
        return makeError("bad-json", "The text is not a policy.");
    }
    std::string toText(const Policy& policy) const override
    {
        m_texts.push_back(policy);
        return "memory-policy:" + std::to_string(m_texts.size() - 1);
    }
    Status save(const Policy& policy, const QString& path) const override
    {
        files[QFileInfo(path).absoluteFilePath()] = policy;
        return Ok{};
    }
    QStringList presetNames() const override
    {
        QStringList names;
        for (const auto& [name, policy] : presets) {
            names << name;
        }
        return names;
    }
    Result<Policy> preset(const QString& name) const override
    {
        if (auto it = presets.find(name); it != presets.end()) {
            return it->second;
        }
        return makeError("unknown-preset", "No such preset.");
    }

private:
    mutable std::vector<Policy> m_texts;
};

} // namespace pc::test
