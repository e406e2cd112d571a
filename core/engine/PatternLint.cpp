// SPDX-License-Identifier: Apache-2.0
#include "engine/PatternLint.h"

#include "common/PatternTranslator.h"
#include "engine/RegexSyntax.h"

#include <re2/re2.h>

#include <set>

namespace pc {
namespace {

using Node = RegexSyntax::Node;
using Kind = RegexSyntax::Kind;
using Construct = RegexSyntax::Construct;
using Severity = PatternFinding::Severity;

const std::vector<std::string> kBacktracking{std::string(PatternLint::kPythonRe), std::string(PatternLint::kPcre2),
                                             std::string(PatternLint::kEcmaScript)};

std::vector<std::string> engines(std::initializer_list<std::string_view> names)
{
    std::vector<std::string> out;
    for (std::string_view n : names) {
        out.emplace_back(n);
    }
    return out;
}

const Node* unwrapGroups(const Node& n)
{
    const Node* p = &n;
    while ((p->kind == Kind::Group || p->kind == Kind::Concat) && p->kids.size() == 1) {
        p = &p->kids.front();
    }
    return p;
}

const Node* asUnboundedRepeat(const Node& n)
{
    const Node* p = unwrapGroups(n);
    return (p->kind == Kind::Repeat && p->max == -1) ? p : nullptr;
}

// The characters a branch consumes position by position, up to the first
// variable-length part (`open` then means "anything may follow").
struct Signature {
    std::vector<RegexSyntax::CharSet> sets;
    bool open = false;
};

void signatureOf(const Node& n, Signature& sig)
{
    if (sig.open) {
        return;
    }
    switch (n.kind) {
    case Kind::Chars:
        sig.sets.push_back(n.set);
        break;
    case Kind::Group:
    case Kind::Concat:
        for (const Node& k : n.kids) {
            signatureOf(k, sig);
        }
        break;
    case Kind::Repeat:
        if (n.min == n.max && n.min <= 8 && unwrapGroups(n.kids.front())->kind == Kind::Chars) {
            for (int i = 0; i < n.min; ++i) {
                sig.sets.push_back(unwrapGroups(n.kids.front())->set);
            }
        } else {
            sig.sets.push_back(RegexSyntax::firstSet(n));
            sig.open = true;
        }
        break;
    case Kind::Alternation:
        sig.sets.push_back(RegexSyntax::firstSet(n));
        sig.open = true;
        break;
    case Kind::Backreference:
        sig.open = true;
        break;
    default:
        break;
    }
}

bool branchesOverlap(const Node& a, const Node& b)
{
    Signature sa;
    Signature sb;
    signatureOf(a, sa);
    signatureOf(b, sb);
    const std::size_t n = std::min(sa.sets.size(), sb.sets.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (!sa.sets[i].intersects(sb.sets[i])) {
            return false;
        }
    }
    return true; // one branch can match a prefix of, or the same text as, the other
}

class Linter {
public:
    Linter(std::string_view pattern, std::vector<PatternFinding>& out) : m_p(pattern), m_out(out) {}

    void redos(const Node& n, const Node* outerUnbounded)
    {
        const Node* self = (n.kind == Kind::Repeat && n.max == -1) ? &n : nullptr;
        if (self && outerUnbounded && !RegexSyntax::nullable(n.kids.front()) &&
            m_nestedReported.insert(outerUnbounded->offset).second) {
            add("nested-quantifier", Severity::Warning,
                "An unbounded quantifier inside another one (star height 2): when a match fails, a backtracking "
                "engine tries every way of splitting the input between them, which takes exponential time.",
                kBacktracking, *outerUnbounded);
        }
        if (n.kind == Kind::Repeat && (n.max == -1 || n.max > 1)) {
            const Node* body = unwrapGroups(n.kids.front());
            if (body->kind == Kind::Alternation) {
                for (std::size_t i = 0; i < body->kids.size(); ++i) {
                    for (std::size_t j = i + 1; j < body->kids.size(); ++j) {
                        if (branchesOverlap(body->kids[i], body->kids[j]) &&
                            m_alternationReported.insert(n.offset).second) {
                            add("overlapping-alternation", Severity::Warning,
                                "Alternatives that can match the same text, repeated: a backtracking engine may try "
                                "each way of assigning the input to them, which takes exponential time on a "
                                "failing match.",
                                kBacktracking, n);
                        }
                    }
                }
            }
        }
        if (n.kind == Kind::Concat) {
            adjacent(n);
        }
        for (const Node& k : n.kids) {
            if (n.kind == Kind::LookAround) {
                continue;
            }
            redos(k, self ? self : outerUnbounded);
        }
    }

    void adjacent(const Node& concat)
    {
        const auto& kids = concat.kids;
        for (std::size_t i = 0; i < kids.size(); ++i) {
            const Node* a = asUnboundedRepeat(kids[i]);
            if (a == nullptr) {
                continue;
            }
            const RegexSyntax::CharSet sa = RegexSyntax::allChars(*a);
            for (std::size_t j = i + 1; j < kids.size(); ++j) {
                const Node& k = kids[j];
                if (const Node* b = asUnboundedRepeat(k)) {
                    if (sa.intersects(RegexSyntax::allChars(*b))) {
                        Node span;
                        span.offset = kids[i].offset;
                        span.end = k.end;
                        add("adjacent-quantifiers", Severity::Warning,
                            "Unbounded quantifiers in sequence over overlapping characters (with nothing between "
                            "them the first cannot also consume): a failing match makes a backtracking engine try "
                            "every split point, which takes polynomial time in the input length.",
                            kBacktracking, span);
                    }
                    break;
                }
                const Node* u = unwrapGroups(k);
                const bool absorbable =
                    (u->kind == Kind::Chars || u->kind == Kind::Repeat) && RegexSyntax::allChars(*u).subsetOf(sa);
                const bool zeroWidth = u->kind == Kind::Anchor || u->kind == Kind::LookAround || u->kind == Kind::Empty;
                if (!absorbable && !zeroWidth) {
                    break;
                }
            }
        }
    }

    void constructs(const std::vector<RegexSyntax::Occurrence>& occurrences)
    {
        std::set<Construct> seen;
        for (const auto& o : occurrences) {
            if (!seen.insert(o.construct).second) {
                continue;
            }
            construct(o);
        }
    }

    void add(std::string code, Severity severity, std::string message, std::vector<std::string> affected,
             const Node& where)
    {
        const std::size_t end = std::min(where.end, m_p.size());
        m_out.push_back({std::move(code), severity, std::move(message), std::move(affected), where.offset,
                         std::string(m_p.substr(where.offset, end > where.offset ? end - where.offset : 0))});
    }

private:
    void note(const RegexSyntax::Occurrence& o, std::string code, Severity severity, std::string message,
              std::vector<std::string> affected)
    {
        m_out.push_back({std::move(code), severity, std::move(message), std::move(affected), o.offset, o.text});
    }

    void construct(const RegexSyntax::Occurrence& o)
    {
        using L = PatternLint;
        switch (o.construct) {
        case Construct::LookAhead:
        case Construct::LookBehind:
            note(o, "look-around", Severity::Warning,
                 "Look-around needs a backtracking engine: RE2 and Pydantic's default Rust engine refuse it, and "
                 "Pydantic then needs regex_engine=\"python-re\", which brings ReDoS back.",
                 engines({L::kRe2, L::kRustRegex}));
            break;
        case Construct::Backreference:
            note(o, "backreference", Severity::Warning,
                 "A backreference needs a backtracking engine: RE2 and Pydantic's default Rust engine refuse it; "
                 "matching it is NP-hard in general.",
                 engines({L::kRe2, L::kRustRegex}));
            break;
        case Construct::AtomicGroup:
            note(
                o, "non-portable", Severity::Warning,
                "Atomic groups (?>…) exist only in Python 3.11+ and PCRE2; RE2, Rust regex and ECMAScript refuse them.",
                engines({L::kRe2, L::kRustRegex, L::kEcmaScript}));
            break;
        case Construct::PossessiveQuantifier:
            note(o, "non-portable", Severity::Warning,
                 "A possessive quantifier (a++) is possessive in Python 3.11+ and PCRE2, an error in RE2 and "
                 "ECMAScript, and a plain nested repeat in Rust regex.",
                 engines({L::kRe2, L::kRustRegex, L::kEcmaScript}));
            break;
        case Construct::NamedGroupP:
            note(o, "non-portable", Severity::Info,
                 "(?P<name>…) is refused by ECMAScript, which only knows (?<name>…).", engines({L::kEcmaScript}));
            break;
        case Construct::NamedGroupAngle:
            note(o, "non-portable", Severity::Info,
                 "(?<name>…) is refused by RE2 2022 and Python 3.11, which want (?P<name>…); Portcullis rewrites it "
                 "for RE2.",
                 engines({L::kRe2, L::kPythonRe}));
            break;
        case Construct::NamedGroupQuote:
            note(o, "non-portable", Severity::Warning, "(?'name'…) exists only in PCRE2.",
                 engines({L::kRe2, L::kRustRegex, L::kPythonRe, L::kEcmaScript}));
            break;
        case Construct::AnchorStartA:
            note(o, "non-portable", Severity::Info, "\\A does not exist in ECMAScript; use ^ without the m flag.",
                 engines({L::kEcmaScript}));
            break;
        case Construct::AnchorEndLowerZ:
            note(o, "non-portable", Severity::Info,
                 "\\z is an error in Python 3.11 (which spells it \\Z) and in ECMAScript.",
                 engines({L::kPythonRe, L::kEcmaScript}));
            break;
        case Construct::AnchorEndUpperZ:
            note(o, "non-portable", Severity::Warning,
                 "\\Z is the absolute end in Python, but \"end or before a final newline\" in PCRE2, and an error in "
                 "Rust regex, RE2 and ECMAScript.",
                 engines({L::kRustRegex, L::kRe2, L::kPcre2, L::kEcmaScript}));
            break;
        case Construct::AnchorG:
        case Construct::PcreOnlyEscape:
            note(o, "non-portable", Severity::Warning, "This escape exists only in PCRE2.",
                 engines({L::kRustRegex, L::kRe2, L::kPythonRe, L::kEcmaScript}));
            break;
        case Construct::QuoteSpan:
            note(o, "non-portable", Severity::Warning,
                 "\\Q…\\E works in RE2 and PCRE2 only; Rust regex and Python refuse it and ECMAScript without the u "
                 "flag silently reads the letters Q and E.",
                 engines({L::kRustRegex, L::kPythonRe, L::kEcmaScript}));
            break;
        case Construct::SingleByte:
            note(o, "non-portable", Severity::Warning, "\\C (one code unit) exists only in RE2 and PCRE2.",
                 engines({L::kRustRegex, L::kPythonRe, L::kEcmaScript}));
            break;
        case Construct::UnicodeProperty:
            note(o, "non-portable", Severity::Info,
                 "Unicode properties: Python's re refuses \\p, and ECMAScript accepts only \\p{L} or "
                 "\\p{Script=Greek} with the u flag.",
                 engines({L::kPythonRe, L::kEcmaScript}));
            break;
        case Construct::PosixClass:
            note(o, "non-portable", Severity::Warning,
                 "[[:alpha:]] is a POSIX class in Rust regex, RE2 and PCRE2, but Python reads it as a plain set "
                 "(with a FutureWarning) and ECMAScript with the u flag refuses it.",
                 engines({L::kPythonRe, L::kEcmaScript}));
            break;
        case Construct::InlineFlags:
            note(o, "non-portable", Severity::Info,
                 o.offset == 0 ? "Inline flags such as (?i) are refused by ECMAScript, which takes flags outside the "
                                 "pattern."
                               : "Inline flags such as (?i) are refused by ECMAScript, and Python 3.11 accepts global "
                                 "flags only at the very start of the pattern.",
                 o.offset == 0 ? engines({L::kEcmaScript}) : engines({L::kEcmaScript, L::kPythonRe}));
            break;
        case Construct::LargeRepeat:
            note(o, "non-portable", Severity::Warning, "RE2 refuses repetition counts above 1000.", engines({L::kRe2}));
            break;
        case Construct::UnicodeAwareClass:
            note(o, "unicode-classes", Severity::Info,
                 "\\w, \\d and \\s match non-ASCII letters and digits (é, ٣) in Rust regex, Python and Portcullis, "
                 "but only ASCII in PCRE2 (without UCP) and ECMAScript: the same pattern accepts different input "
                 "there. List the characters, e.g. [A-Za-z0-9_], to get one behaviour everywhere.",
                 engines({L::kPcre2, L::kEcmaScript}));
            break;
        case Construct::WordBoundary:
            note(o, "unicode-classes", Severity::Info,
                 "\\b and \\B follow Unicode words in Rust regex and Python, but ASCII words in RE2 (and so in "
                 "Portcullis), PCRE2 and ECMAScript.",
                 engines({L::kRe2, L::kPcre2, L::kEcmaScript}));
            break;
        case Construct::Dollar:
            note(o, "dollar-newline", Severity::Warning,
                 "$ also matches before a final newline in Python re and PCRE2: ^[a-z]+$ accepts \"abc\\n\" there, "
                 "but not in Rust regex, RE2 or ECMAScript. Where the value must end, use \\z (Rust, RE2, PCRE2) or "
                 "\\Z (Python).",
                 engines({L::kPythonRe, L::kPcre2}));
            break;
        case Construct::Comment:
            note(o, "non-portable", Severity::Warning, "(?#…) comments are refused by Rust regex, RE2 and ECMAScript.",
                 engines({L::kRustRegex, L::kRe2, L::kEcmaScript}));
            break;
        case Construct::LazyQuantifier:
            break; // portable
        }
    }

    std::string_view m_p;
    std::vector<PatternFinding>& m_out;
    std::set<std::size_t> m_nestedReported;
    std::set<std::size_t> m_alternationReported;
};

} // namespace

std::vector<PatternFinding> PatternLint::lint(std::string_view pattern)
{
    std::vector<PatternFinding> findings;
    RE2::Options options;
    options.set_log_errors(false);
    // Checked as the engine compiles it (PatternTranslator), so (?<name>…) is not reported as refused.
    const RE2 re(PatternTranslator::rustToRe2(pattern), options);
    if (!re.ok()) {
        findings.push_back({"re2-refused", Severity::Error,
                            "RE2 refuses the pattern: " + re.error() +
                                ". Portcullis evaluates patterns with RE2, so the policy will not compile.",
                            engines({kRe2}), 0, std::string(pattern)});
    }
    const RegexSyntax::Parsed parsed = RegexSyntax::parse(pattern);
    Linter linter(pattern, findings);
    linter.redos(parsed.root, nullptr);
    linter.constructs(parsed.constructs);
    return findings;
}

std::vector<PatternFinding> PatternLint::lintField(const Field& field)
{
    if (field.pattern.empty()) {
        return {};
    }
    std::vector<PatternFinding> findings = lint(field.pattern);
    if (!field.maxLength) {
        findings.push_back({"unbounded-input", Severity::Warning,
                            "No max_length caps the value before the pattern runs: a backtracking engine's time grows "
                            "with the input, explosively when a risk above applies, and even a linear engine scans "
                            "all of it. Give the field a max_length.",
                            kBacktracking, 0, field.pattern});
    }
    return findings;
}

} // namespace pc
