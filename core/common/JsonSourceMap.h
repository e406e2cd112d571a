// SPDX-License-Identifier: Apache-2.0
// JsonSourceMap: where each value (and each object member's key) of a parsed
// JSON document starts in its text, by JSON pointer. Filled by JsonParser;
// used to put line:column on errors that only know a pointer. Plain data.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace pc {

struct SourceLocation {
    int line = 0;   // 1-based; 0 = unknown
    int column = 0; // 1-based, in Unicode code points
    bool operator==(const SourceLocation&) const = default;
};

class JsonSourceMap {
public:
    void addValue(const std::string& pointer, SourceLocation at) { m_entries[pointer].value = at; }
    void addKey(const std::string& pointer, SourceLocation at) { m_entries[pointer].key = at; }

    // Exact lookups; a default (0:0) location when the pointer is not mapped.
    [[nodiscard]] SourceLocation value(std::string_view pointer) const;
    [[nodiscard]] SourceLocation key(std::string_view pointer) const;

    // The best location for an error at `pointer`: the member's key when
    // `preferKey` and the member has one, else its value; a pointer that is not
    // in the document (a missing member) falls back to its nearest ancestor.
    [[nodiscard]] SourceLocation locate(std::string_view pointer, bool preferKey = false) const;

    [[nodiscard]] size_t size() const { return m_entries.size(); }
    [[nodiscard]] bool empty() const { return m_entries.empty(); }

private:
    struct Entry {
        SourceLocation value;
        SourceLocation key;
    };
    std::unordered_map<std::string, Entry> m_entries;
};

} // namespace pc
