// SPDX-License-Identifier: Apache-2.0
// RegexSyntax: a forgiving parser for the regex dialects users write patterns
// in (Rust regex, RE2, Python re, PCRE2, ECMAScript). It builds a small tree
// for the ReDoS heuristics and records every construct whose support or
// meaning differs between engines (validation.md §3.1). Character sets are
// approximated as an ASCII bitmap plus "some non-ASCII". Never fails: what it
// cannot understand it treats as a literal. Stateless; thread-safe.
#pragma once

#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pc {

class RegexSyntax {
public:
    struct CharSet {
        std::bitset<128> ascii;
        bool nonAscii = false;

        [[nodiscard]] bool intersects(const CharSet& o) const
        {
            return (ascii & o.ascii).any() || (nonAscii && o.nonAscii);
        }
        [[nodiscard]] bool subsetOf(const CharSet& o) const
        {
            return (ascii & ~o.ascii).none() && (!nonAscii || o.nonAscii);
        }
        void add(const CharSet& o)
        {
            ascii |= o.ascii;
            nonAscii = nonAscii || o.nonAscii;
        }
    };

    enum class Kind { Empty, Chars, Anchor, Concat, Alternation, Group, Repeat, Backreference, LookAround };

    struct Node {
        Kind kind = Kind::Empty;
        CharSet set;            // Chars
        std::vector<Node> kids; // Concat, Alternation, Group (one kid), Repeat (one kid), LookAround
        int min = 0, max = 0;   // Repeat; max -1 = unbounded
        std::size_t offset = 0; // where the construct starts in the pattern
        std::size_t end = 0;    // one past its last character
    };

    enum class Construct {
        LookAhead,
        LookBehind,
        Backreference,
        NamedGroupP,
        NamedGroupAngle,
        NamedGroupQuote,
        AtomicGroup,
        PossessiveQuantifier,
        LazyQuantifier,
        AnchorStartA,
        AnchorEndLowerZ,
        AnchorEndUpperZ,
        AnchorG,
        QuoteSpan,
        SingleByte,
        UnicodeProperty,
        PosixClass,
        InlineFlags,
        LargeRepeat,
        PcreOnlyEscape,
        UnicodeAwareClass,
        WordBoundary,
        Dollar,
        Comment,
    };

    struct Occurrence {
        Construct construct;
        std::size_t offset = 0;
        std::string text;
    };

    struct Parsed {
        Node root;
        std::vector<Occurrence> constructs;
    };

    [[nodiscard]] static Parsed parse(std::string_view pattern);
    [[nodiscard]] static bool nullable(const Node& node);
    // Characters that can start a match of `node`.
    [[nodiscard]] static CharSet firstSet(const Node& node);
    // Every character `node` can consume anywhere.
    [[nodiscard]] static CharSet allChars(const Node& node);
};

} // namespace pc
