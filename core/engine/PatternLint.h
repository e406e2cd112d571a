// SPDX-License-Identifier: Apache-2.0
// PatternLint: findings about one validation pattern for the GUI and the
// audit — whether RE2 (Portcullis' engine) accepts it, the backtracking-risk
// heuristics of validation.md §5.3 (nested unbounded quantifiers, overlapping
// alternation under a quantifier, adjacent overlapping quantifiers,
// backreferences and look-around, no length cap), and constructs that are not
// portable between Rust regex, RE2, Python re, PCRE2 and ECMAScript (§3.1,
// §3.2). Each finding says which engines it affects. Heuristics, not proofs:
// they may flag a safe pattern and miss a dangerous one.
// Stateless; thread-safe.
#pragma once

#include "policy/Schema.h"

#include <string>
#include <string_view>
#include <vector>

namespace pc {

struct PatternFinding {
    enum class Severity { Info, Warning, Error };

    std::string code; // "re2-refused", "nested-quantifier", "dollar-newline", ...
    Severity severity = Severity::Warning;
    std::string message;              // what it is and why it matters, in a sentence or two
    std::vector<std::string> engines; // affected: "rust-regex", "re2", "python-re", "pcre2", "ecmascript"
    std::size_t offset = 0;           // byte offset of the construct in the pattern
    std::string fragment;             // the construct as written
};

class PatternLint {
public:
    // Engine names used in findings.
    static constexpr std::string_view kRustRegex = "rust-regex";  // Pydantic's default
    static constexpr std::string_view kRe2 = "re2";               // Portcullis
    static constexpr std::string_view kPythonRe = "python-re";    // Pydantic python-re, Django, Flask
    static constexpr std::string_view kPcre2 = "pcre2";           // nginx, HAProxy, Qt, PHP
    static constexpr std::string_view kEcmaScript = "ecmascript"; // Express and browsers

    [[nodiscard]] static std::vector<PatternFinding> lint(std::string_view pattern);
    // lint() plus what depends on the field: a pattern without max_length (§5.3 #5).
    [[nodiscard]] static std::vector<PatternFinding> lintField(const Field& field);
};

} // namespace pc
