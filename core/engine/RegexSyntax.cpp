// SPDX-License-Identifier: Apache-2.0
#include "engine/RegexSyntax.h"

#include "engine/RegexCharClasses.h"

#include <algorithm>
#include <cctype>

namespace pc {
namespace {

using CharSet = RegexSyntax::CharSet;
using Node = RegexSyntax::Node;
using Kind = RegexSyntax::Kind;
using Construct = RegexSyntax::Construct;
using namespace regex_chars;

class Parser {
public:
    Parser(std::string_view p, RegexSyntax::Parsed& out) : m_p(p), m_out(out) {}

    Node alternation()
    {
        Node alt;
        alt.kind = Kind::Alternation;
        alt.offset = m_i;
        alt.kids.push_back(concat());
        while (m_i < m_p.size() && m_p[m_i] == '|') {
            ++m_i;
            alt.kids.push_back(concat());
        }
        alt.end = m_i;
        if (alt.kids.size() == 1) {
            return std::move(alt.kids.front());
        }
        return alt;
    }

    // The whole pattern; an unbalanced ')' is skipped.
    Node all()
    {
        Node root;
        root.kind = Kind::Concat;
        while (true) {
            root.kids.push_back(alternation());
            if (m_i < m_p.size() && m_p[m_i] == ')') {
                ++m_i;
                continue;
            }
            break;
        }
        root.end = m_p.size();
        if (root.kids.size() == 1) {
            return std::move(root.kids.front());
        }
        return root;
    }

private:
    void record(Construct c, std::size_t from, std::size_t to)
    {
        m_out.constructs.push_back({c, from, std::string(m_p.substr(from, to - from))});
    }

    CharSet literal(unsigned char c)
    {
        CharSet s;
        if (c >= 0x80) {
            s.nonAscii = true;
            return s;
        }
        s.ascii.set(c);
        if (m_icase && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            s.ascii.set(c ^ 0x20);
        }
        return s;
    }

    Node chars(CharSet set, std::size_t from)
    {
        Node n;
        n.kind = Kind::Chars;
        n.set = set;
        n.offset = from;
        n.end = m_i;
        return n;
    }

    Node concat()
    {
        Node c;
        c.kind = Kind::Concat;
        c.offset = m_i;
        while (m_i < m_p.size() && m_p[m_i] != '|' && m_p[m_i] != ')') {
            Node a = atom();
            c.kids.push_back(quantify(std::move(a)));
        }
        c.end = m_i;
        return c;
    }

    bool parseCount(std::size_t& pos, int& value)
    {
        const std::size_t start = pos;
        long v = 0;
        while (pos < m_p.size() && m_p[pos] >= '0' && m_p[pos] <= '9') {
            v = std::min(v * 10 + (m_p[pos] - '0'), 100000L);
            ++pos;
        }
        value = static_cast<int>(v);
        return pos > start;
    }

    Node quantify(Node atom)
    {
        while (m_i < m_p.size()) {
            const std::size_t from = m_i;
            int min = 0;
            int max = 0;
            const char c = m_p[m_i];
            if (c == '*' || c == '+' || c == '?') {
                min = c == '+' ? 1 : 0;
                max = c == '?' ? 1 : -1;
                ++m_i;
            } else if (c == '{') {
                std::size_t pos = m_i + 1;
                if (!parseCount(pos, min)) {
                    return atom; // not a quantifier: '{' is a literal
                }
                max = min;
                if (pos < m_p.size() && m_p[pos] == ',') {
                    ++pos;
                    if (!parseCount(pos, max)) {
                        max = -1;
                    }
                }
                if (pos >= m_p.size() || m_p[pos] != '}') {
                    return atom;
                }
                m_i = pos + 1;
                if (min > 1000 || max > 1000) {
                    record(Construct::LargeRepeat, from, m_i);
                }
            } else {
                return atom;
            }
            if (m_i < m_p.size() && m_p[m_i] == '?') {
                ++m_i;
                record(Construct::LazyQuantifier, from, m_i);
            } else if (m_i < m_p.size() && m_p[m_i] == '+') {
                ++m_i;
                record(Construct::PossessiveQuantifier, from, m_i);
            }
            Node r;
            r.kind = Kind::Repeat;
            r.min = min;
            r.max = max;
            r.offset = atom.offset;
            r.end = m_i;
            r.kids.push_back(std::move(atom));
            atom = std::move(r);
        }
        return atom;
    }

    Node atom()
    {
        const std::size_t from = m_i;
        const auto c = static_cast<unsigned char>(m_p[m_i]);
        switch (c) {
        case '(':
            return group();
        case '[':
            return characterClass();
        case '.':
            ++m_i;
            return chars(anyChar(), from);
        case '^':
        case '$': {
            ++m_i;
            if (c == '$') {
                record(Construct::Dollar, from, m_i);
            }
            Node a;
            a.kind = Kind::Anchor;
            a.offset = from;
            a.end = m_i;
            return a;
        }
        case '\\':
            return escape();
        default:
            // One UTF-8 character.
            ++m_i;
            while (c >= 0x80 && m_i < m_p.size() && (static_cast<unsigned char>(m_p[m_i]) & 0xC0) == 0x80) {
                ++m_i;
            }
            return chars(literal(c), from);
        }
    }

    Node group()
    {
        const std::size_t from = m_i;
        ++m_i;
        Node g;
        g.kind = Kind::Group;
        g.offset = from;
        auto starts = [&](std::string_view s) { return m_p.substr(m_i, s.size()) == s; };
        if (starts("?#")) {
            const std::size_t close = m_p.find(')', m_i);
            m_i = close == std::string_view::npos ? m_p.size() : close + 1;
            record(Construct::Comment, from, m_i);
            Node e;
            e.offset = from;
            e.end = m_i;
            return e;
        }
        if (starts("?=") || starts("?!") || starts("?<=") || starts("?<!")) {
            const bool behind = starts("?<");
            m_i += behind ? 3 : 2;
            g.kind = Kind::LookAround;
            record(behind ? Construct::LookBehind : Construct::LookAhead, from, m_i);
        } else if (starts("?>")) {
            m_i += 2;
            record(Construct::AtomicGroup, from, m_i);
        } else if (starts("?P=")) {
            const std::size_t close = m_p.find(')', m_i);
            m_i = close == std::string_view::npos ? m_p.size() : close + 1;
            record(Construct::Backreference, from, m_i);
            Node b;
            b.kind = Kind::Backreference;
            b.offset = from;
            b.end = m_i;
            return b;
        } else if (starts("?P<") || starts("?<") || starts("?'")) {
            const Construct kind = starts("?P<")  ? Construct::NamedGroupP
                                   : starts("?<") ? Construct::NamedGroupAngle
                                                  : Construct::NamedGroupQuote;
            const std::size_t close = m_p.find(kind == Construct::NamedGroupQuote ? '\'' : '>', m_i + 2);
            m_i = close == std::string_view::npos ? m_p.size() : close + 1;
            record(kind, from, m_i);
        } else if (starts("?:")) {
            m_i += 2;
        } else if (starts("?")) {
            std::size_t pos = m_i + 1;
            bool negative = false;
            while (pos < m_p.size() && (std::isalpha(static_cast<unsigned char>(m_p[pos])) || m_p[pos] == '-')) {
                negative = negative || m_p[pos] == '-';
                if (m_p[pos] == 'i') {
                    m_icase = !negative;
                }
                ++pos;
            }
            record(Construct::InlineFlags, from, std::min(pos + 1, m_p.size()));
            if (pos < m_p.size() && m_p[pos] == ')') {
                m_i = pos + 1;
                Node e;
                e.offset = from;
                e.end = m_i;
                return e;
            }
            m_i = pos < m_p.size() ? pos + 1 : pos; // "(?i:" — a scoped flag group
        }
        g.kids.push_back(alternation());
        if (m_i < m_p.size() && m_p[m_i] == ')') {
            ++m_i;
        }
        g.end = m_i;
        return g;
    }

    Node escape()
    {
        const std::size_t from = m_i;
        if (m_i + 1 >= m_p.size()) {
            ++m_i;
            return chars(single('\\'), from);
        }
        const char e = m_p[m_i + 1];
        m_i += 2;
        auto anchor = [&](Construct c) {
            record(c, from, m_i);
            Node a;
            a.kind = Kind::Anchor;
            a.offset = from;
            a.end = m_i;
            return a;
        };
        switch (e) {
        case 'd':
        case 'D':
        case 'w':
        case 'W':
        case 's':
        case 'S': {
            record(Construct::UnicodeAwareClass, from, m_i);
            const char lowerE = static_cast<char>(e | 0x20);
            CharSet s = lowerE == 'd' ? digits() : (lowerE == 'w' ? word() : space());
            return chars(e == lowerE ? s : complement(s), from);
        }
        case 'b':
        case 'B':
            return anchor(Construct::WordBoundary);
        case 'A':
            return anchor(Construct::AnchorStartA);
        case 'z':
            return anchor(Construct::AnchorEndLowerZ);
        case 'Z':
            return anchor(Construct::AnchorEndUpperZ);
        case 'G':
            return anchor(Construct::AnchorG);
        case 'K':
            return anchor(Construct::PcreOnlyEscape);
        case 'Q': {
            const std::size_t close = m_p.find("\\E", m_i);
            Node c;
            c.kind = Kind::Concat;
            c.offset = from;
            for (std::size_t k = m_i; k < (close == std::string_view::npos ? m_p.size() : close); ++k) {
                c.kids.push_back(chars(literal(static_cast<unsigned char>(m_p[k])), k));
            }
            m_i = close == std::string_view::npos ? m_p.size() : close + 2;
            c.end = m_i;
            record(Construct::QuoteSpan, from, m_i);
            return c;
        }
        case 'C':
            record(Construct::SingleByte, from, m_i);
            return chars(complement(CharSet{}), from);
        case 'p':
        case 'P': {
            if (m_i < m_p.size() && m_p[m_i] == '{') {
                const std::size_t close = m_p.find('}', m_i);
                m_i = close == std::string_view::npos ? m_p.size() : close + 1;
            } else if (m_i < m_p.size()) {
                ++m_i;
            }
            record(Construct::UnicodeProperty, from, m_i);
            CharSet s = word(); // letters, digits and most properties people use
            return chars(e == 'p' ? s : complement(s), from);
        }
        case 'k': {
            const std::size_t close = m_p.find_first_of(">}'", m_i);
            m_i = close == std::string_view::npos ? m_p.size() : close + 1;
            record(Construct::Backreference, from, m_i);
            Node b;
            b.kind = Kind::Backreference;
            b.offset = from;
            b.end = m_i;
            return b;
        }
        case 'h':
        case 'H':
        case 'R':
        case 'X':
        case 'N':
            record(Construct::PcreOnlyEscape, from, m_i);
            return chars(e == 'h' ? space() : complement(CharSet{}), from);
        case 'x':
            if (m_i < m_p.size() && m_p[m_i] == '{') {
                const std::size_t close = m_p.find('}', m_i);
                m_i = close == std::string_view::npos ? m_p.size() : close + 1;
                return chars(complement(CharSet{}), from);
            }
            m_i = std::min(m_i + 2, m_p.size());
            return chars(complement(CharSet{}), from);
        case 'n':
            return chars(single('\n'), from);
        case 't':
            return chars(single('\t'), from);
        case 'r':
            return chars(single('\r'), from);
        case 'f':
            return chars(single('\f'), from);
        case 'v':
            return chars(single('\v'), from);
        default:
            if (e >= '1' && e <= '9') {
                while (m_i < m_p.size() && m_p[m_i] >= '0' && m_p[m_i] <= '9') {
                    ++m_i;
                }
                record(Construct::Backreference, from, m_i);
                Node b;
                b.kind = Kind::Backreference;
                b.offset = from;
                b.end = m_i;
                return b;
            }
            return chars(literal(static_cast<unsigned char>(e)), from);
        }
    }

    // One class member; returns false at the closing ']'.
    CharSet classAtom(bool& isRange, unsigned char& single)
    {
        isRange = false;
        const std::size_t from = m_i;
        if (m_p[m_i] == '[' && m_i + 1 < m_p.size() && m_p[m_i + 1] == ':') {
            const std::size_t close = m_p.find(":]", m_i + 2);
            if (close != std::string_view::npos) {
                const std::string_view name = m_p.substr(m_i + 2, close - m_i - 2);
                m_i = close + 2;
                record(Construct::PosixClass, from, m_i);
                return posixClass(name.substr(name.empty() || name[0] != '^' ? 0 : 1));
            }
        }
        if (m_p[m_i] == '\\' && m_i + 1 < m_p.size()) {
            const Node n = escape();
            if (n.kind == Kind::Chars && n.end - n.offset == 2) {
                single = static_cast<unsigned char>(m_p[n.offset + 1]);
                isRange = std::string_view("dDwWsSpP").find(m_p[n.offset + 1]) == std::string_view::npos;
                if (isRange) {
                    const std::string_view controls = "ntrfv";
                    const std::size_t k = controls.find(static_cast<char>(single));
                    single = k == std::string_view::npos ? single : static_cast<unsigned char>("\n\t\r\f\v"[k]);
                }
            }
            return n.set;
        }
        const auto c = static_cast<unsigned char>(m_p[m_i]);
        ++m_i;
        while (c >= 0x80 && m_i < m_p.size() && (static_cast<unsigned char>(m_p[m_i]) & 0xC0) == 0x80) {
            ++m_i;
        }
        single = c;
        isRange = c < 0x80;
        return literal(c);
    }

    Node characterClass()
    {
        const std::size_t from = m_i;
        ++m_i;
        bool negated = false;
        if (m_i < m_p.size() && m_p[m_i] == '^') {
            negated = true;
            ++m_i;
        }
        CharSet set;
        bool first = true;
        while (m_i < m_p.size() && (m_p[m_i] != ']' || first)) {
            first = false;
            if (m_p.substr(m_i, 2) == "&&") {
                m_i += 2; // Rust set operations: approximated as a union
                continue;
            }
            bool isSingle = false;
            unsigned char lo = 0;
            CharSet member = classAtom(isSingle, lo);
            if (isSingle && m_i + 1 < m_p.size() && m_p[m_i] == '-' && m_p[m_i + 1] != ']') {
                ++m_i;
                bool hiSingle = false;
                unsigned char hi = 0;
                const CharSet upper = classAtom(hiSingle, hi);
                if (hiSingle && hi >= lo) {
                    member = range(lo, hi);
                    if (m_icase) {
                        for (unsigned ch = lo; ch <= hi; ++ch) {
                            member.add(literal(static_cast<unsigned char>(ch)));
                        }
                    }
                } else {
                    member.add(upper);
                    member.add(single('-'));
                }
            }
            set.add(member);
        }
        if (m_i < m_p.size()) {
            ++m_i; // ']'
        }
        return chars(negated ? complement(set) : set, from);
    }

    std::string_view m_p;
    RegexSyntax::Parsed& m_out;
    std::size_t m_i = 0;
    bool m_icase = false;
};

} // namespace

RegexSyntax::Parsed RegexSyntax::parse(std::string_view pattern)
{
    Parsed out;
    Parser parser(pattern, out);
    out.root = parser.all();
    return out;
}

bool RegexSyntax::nullable(const Node& n)
{
    switch (n.kind) {
    case Kind::Empty:
    case Kind::Anchor:
    case Kind::LookAround:
    case Kind::Backreference:
        return true;
    case Kind::Chars:
        return false;
    case Kind::Repeat:
        return n.min == 0 || nullable(n.kids.front());
    case Kind::Group:
        return nullable(n.kids.front());
    case Kind::Concat:
        for (const Node& k : n.kids) {
            if (!nullable(k)) {
                return false;
            }
        }
        return true;
    case Kind::Alternation:
        for (const Node& k : n.kids) {
            if (nullable(k)) {
                return true;
            }
        }
        return false;
    }
    return true;
}

RegexSyntax::CharSet RegexSyntax::firstSet(const Node& n)
{
    CharSet s;
    switch (n.kind) {
    case Kind::Chars:
        return n.set;
    case Kind::Repeat:
    case Kind::Group:
        return firstSet(n.kids.front());
    case Kind::Concat:
        for (const Node& k : n.kids) {
            s.add(firstSet(k));
            if (!nullable(k)) {
                break;
            }
        }
        return s;
    case Kind::Alternation:
        for (const Node& k : n.kids) {
            s.add(firstSet(k));
        }
        return s;
    default:
        return s;
    }
}

RegexSyntax::CharSet RegexSyntax::allChars(const Node& n)
{
    CharSet s = n.kind == Kind::Chars ? n.set : CharSet{};
    if (n.kind != Kind::LookAround) {
        for (const Node& k : n.kids) {
            s.add(allChars(k));
        }
    }
    return s;
}

} // namespace pc
