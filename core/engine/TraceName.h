// SPDX-License-Identifier: Apache-2.0
// TraceName: the stage or verdict of a TraceStep ("cors", "pass", ...), one of a
// closed set of short names. It refers to static storage: the constructors are
// consteval, so only string literals and constexpr views can make one, and a
// view of a temporary std::string does not compile. Trivially copyable, so a
// trace step costs no allocation or string copy for its names; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace pc {

class TraceName {
public:
    consteval TraceName(const char* text) : m_text(text) {} // NOLINT(google-explicit-constructor)
    // For constexpr views of literals, such as a stage's kStageName; must end at the literal's end.
    consteval TraceName(std::string_view text) : m_text(text.data()) // NOLINT(google-explicit-constructor)
    {
        if (text.data()[text.size()] != '\0') {
            throw "a TraceName must view a whole string literal";
        }
    }

    [[nodiscard]] constexpr std::string_view view() const { return m_text; }
    [[nodiscard]] std::string str() const { return std::string(m_text); }
    constexpr operator std::string_view() const { return m_text; } // NOLINT(google-explicit-constructor)

    friend constexpr bool operator==(TraceName a, std::string_view b) { return a.view() == b; }

private:
    // One pointer, not a string_view: a step of 80 bytes keeps a dozen steps within one small allocation.
    const char* m_text;
};

} // namespace pc
