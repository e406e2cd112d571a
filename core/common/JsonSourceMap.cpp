// SPDX-License-Identifier: Apache-2.0
#include "common/JsonSourceMap.h"

#include "common/JsonPointer.h"

namespace pc {

SourceLocation JsonSourceMap::value(std::string_view pointer) const
{
    const auto it = m_entries.find(std::string(pointer));
    return it == m_entries.end() ? SourceLocation{} : it->second.value;
}

SourceLocation JsonSourceMap::key(std::string_view pointer) const
{
    const auto it = m_entries.find(std::string(pointer));
    return it == m_entries.end() ? SourceLocation{} : it->second.key;
}

SourceLocation JsonSourceMap::locate(std::string_view pointer, bool preferKey) const
{
    std::string current(pointer);
    while (true) {
        const auto it = m_entries.find(current);
        if (it != m_entries.end()) {
            if (preferKey && it->second.key.line > 0) {
                return it->second.key;
            }
            return it->second.value;
        }
        if (current.empty()) {
            return {};
        }
        current = JsonPointer::parent(current);
    }
}

} // namespace pc
