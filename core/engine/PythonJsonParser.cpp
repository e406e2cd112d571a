// SPDX-License-Identifier: Apache-2.0
// The grammar and the error positions follow CPython 3.11's Modules/_json.c
// (scan_once, _parse_object, _parse_array, scanstring, _match_number), which
// is what FastAPI runs on a request body before Pydantic sees it.
#include "engine/PythonJsonParser.h"

#include "common/Hex.h"

#include "common/Utf8.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace pc {
namespace {

using Node = JsonDocument::Node;

constexpr std::size_t kMaxIntDigits = 4300; // CPython's int/str conversion limit

struct Frame {
    bool object = false;
    std::size_t start = 0; // first pending node of this container
};

bool isWs(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Out-of-range decimal strings: Python's float() gives ±inf or ±0.0.
double outOfRange(std::string_view num)
{
    const bool neg = !num.empty() && num[0] == '-';
    int exp = 0;
    const std::size_t e = num.find_first_of("eE");
    if (e != std::string_view::npos) {
        std::string_view es = num.substr(e + 1);
        if (!es.empty() && es[0] == '+') {
            es.remove_prefix(1);
        }
        if (std::from_chars(es.data(), es.data() + es.size(), exp).ec == std::errc::result_out_of_range) {
            exp = es[0] == '-' ? std::numeric_limits<int>::min() / 2 : std::numeric_limits<int>::max() / 2;
        }
    }
    const std::string_view mant = num.substr(0, e);
    const std::size_t firstNonZero = mant.find_first_of("123456789");
    const std::size_t point = mant.find('.');
    const std::size_t intEnd = point == std::string_view::npos ? mant.size() : point;
    long long magnitude = static_cast<long long>(exp);
    if (firstNonZero != std::string_view::npos) {
        magnitude += static_cast<long long>(intEnd) - static_cast<long long>(firstNonZero);
    }
    const double v = magnitude > 0 ? std::numeric_limits<double>::infinity() : 0.0;
    return neg ? -v : v;
}

} // namespace

class PythonJsonParser::Impl {
public:
    Impl(std::string_view text, const PythonJsonParser::Options& options, PythonJsonParser::Outcome& out)
        : m_s(text), m_options(options), m_out(out), m_doc(out.document)
    {
    }

    void run();

private:
    bool fail(PythonJsonParser::Failure failure, std::string message, std::size_t bytePos)
    {
        m_out.failure = failure;
        m_out.message = std::move(message);
        m_out.position = Utf8::codePointCount(m_s.substr(0, bytePos));
        return false;
    }
    void skipWs()
    {
        while (m_pos < m_s.size() && isWs(m_s[m_pos])) {
            ++m_pos;
        }
    }
    bool at(char c) const { return m_pos < m_s.size() && m_s[m_pos] == c; }
    bool literal(std::string_view word) const { return m_s.substr(m_pos, word.size()) == word; }

    bool value();
    bool string(bool isKey);
    bool number();
    bool open(bool object);
    void close();
    void dedupe(std::size_t start);
    void push(const Node& n) { m_pending.push_back(n); }

    std::string_view m_s;
    const PythonJsonParser::Options& m_options;
    PythonJsonParser::Outcome& m_out;
    JsonDocument& m_doc;
    std::size_t m_pos = 0;
    std::vector<Node> m_pending;
    std::vector<Frame> m_frames;
};

void PythonJsonParser::Impl::run()
{
    m_doc.m_text.reserve(m_s.size());
    m_doc.m_nodes.reserve(m_s.size() / 8 + 4);
    skipWs();
    // `value()` leaves the parser right after a value, or inside a container
    // that just opened and needs its first member.
    bool needValue = true;
    while (true) {
        if (needValue && !value()) {
            return;
        }
        needValue = false;
        if (m_frames.empty()) {
            skipWs();
            if (m_pos != m_s.size()) {
                fail(PythonJsonParser::Failure::Syntax, "Extra data", m_pos);
                return;
            }
            m_doc.m_nodes.push_back(m_pending.back());
            m_doc.m_root = static_cast<std::uint32_t>(m_doc.m_nodes.size() - 1);
            return;
        }
        const bool object = m_frames.back().object;
        skipWs();
        if (at(object ? '}' : ']')) {
            ++m_pos;
            close();
            continue;
        }
        if (!at(',')) {
            fail(PythonJsonParser::Failure::Syntax, "Expecting ',' delimiter", m_pos);
            return;
        }
        ++m_pos;
        skipWs();
        if (object && !string(true)) {
            return;
        }
        needValue = true;
    }
}

// Parses one value at m_pos. Containers: opens them and, when not empty,
// parses on until a scalar completes; returns with the parser after a value.
bool PythonJsonParser::Impl::value()
{
    while (true) {
        if (m_pos >= m_s.size()) {
            return fail(PythonJsonParser::Failure::Syntax, "Expecting value", m_pos);
        }
        const char c = m_s[m_pos];
        Node n;
        switch (c) {
        case '"':
            return string(false);
        case '{':
        case '[':
            if (!open(c == '{')) {
                return false;
            }
            skipWs();
            if (at(c == '{' ? '}' : ']')) {
                ++m_pos;
                close();
                return true;
            }
            if (c == '{' && !string(true)) {
                return false;
            }
            continue; // the first member's value
        case 'n':
            if (literal("null")) {
                m_pos += 4;
                push(n);
                return true;
            }
            break;
        case 't':
        case 'f':
            if (literal(c == 't' ? "true" : "false")) {
                m_pos += c == 't' ? 4 : 5;
                n.kind = JsonKind::Bool;
                n.boolean = c == 't';
                push(n);
                return true;
            }
            break;
        case 'N':
        case 'I':
            if (literal(c == 'N' ? "NaN" : "Infinity")) {
                m_pos += c == 'N' ? 3 : 8;
                n.kind = JsonKind::Float;
                n.number =
                    c == 'N' ? std::numeric_limits<double>::quiet_NaN() : std::numeric_limits<double>::infinity();
                push(n);
                return true;
            }
            break;
        case '-':
            if (literal("-Infinity")) {
                m_pos += 9;
                n.kind = JsonKind::Float;
                n.number = -std::numeric_limits<double>::infinity();
                push(n);
                return true;
            }
            break;
        default:
            break;
        }
        return number();
    }
}

bool PythonJsonParser::Impl::open(bool object)
{
    if (static_cast<int>(m_frames.size()) >= m_options.maxDepth) {
        return fail(PythonJsonParser::Failure::TooDeep,
                    "Maximum nesting depth of " + std::to_string(m_options.maxDepth) + " exceeded", m_pos);
    }
    ++m_pos;
    m_frames.push_back({object, m_pending.size()});
    return true;
}

void PythonJsonParser::Impl::close()
{
    const Frame frame = m_frames.back();
    m_frames.pop_back();
    if (frame.object) {
        dedupe(frame.start);
    }
    Node n;
    n.kind = frame.object ? JsonKind::Object : JsonKind::Array;
    n.a = static_cast<std::uint32_t>(m_doc.m_nodes.size());
    const std::size_t count = m_pending.size() - frame.start;
    n.b = static_cast<std::uint32_t>(frame.object ? count / 2 : count);
    m_doc.m_nodes.insert(m_doc.m_nodes.end(), m_pending.begin() + static_cast<std::ptrdiff_t>(frame.start),
                         m_pending.end());
    m_pending.resize(frame.start);
    m_pending.push_back(n);
}

// Python dict semantics: a repeated key keeps its first position, takes the last value.
void PythonJsonParser::Impl::dedupe(std::size_t start)
{
    const std::size_t pairs = (m_pending.size() - start) / 2;
    if (pairs < 2) {
        return;
    }
    auto keyOf = [&](std::size_t pair) {
        const Node& k = m_pending[start + 2 * pair];
        return m_doc.text(k.a, k.b);
    };
    std::vector<std::size_t> firstIndex(pairs);
    bool duplicates = false;
    if (pairs <= 16) {
        for (std::size_t j = 0; j < pairs; ++j) {
            firstIndex[j] = j;
            for (std::size_t i = 0; i < j; ++i) {
                if (firstIndex[i] == i && keyOf(i) == keyOf(j)) {
                    firstIndex[j] = i;
                    duplicates = true;
                    break;
                }
            }
        }
    } else {
        std::unordered_map<std::string_view, std::size_t> seen;
        seen.reserve(pairs);
        for (std::size_t j = 0; j < pairs; ++j) {
            auto [it, inserted] = seen.emplace(keyOf(j), j);
            firstIndex[j] = it->second;
            duplicates = duplicates || !inserted;
        }
    }
    if (!duplicates) {
        return;
    }
    std::size_t kept = 0;
    for (std::size_t j = 0; j < pairs; ++j) {
        if (firstIndex[j] != j) {
            m_pending[start + 2 * firstIndex[j] + 1] = m_pending[start + 2 * j + 1];
        }
    }
    // Pairs are compacted in place; a first occurrence never moves behind a later one.
    for (std::size_t j = 0; j < pairs; ++j) {
        if (firstIndex[j] == j) {
            m_pending[start + 2 * kept] = m_pending[start + 2 * j];
            m_pending[start + 2 * kept + 1] = m_pending[start + 2 * j + 1];
            ++kept;
        }
    }
    m_pending.resize(start + 2 * kept);
}

bool PythonJsonParser::Impl::string(bool isKey)
{
    const std::size_t begin = m_pos;
    if (isKey && !at('"')) {
        return fail(PythonJsonParser::Failure::Syntax, "Expecting property name enclosed in double quotes", m_pos);
    }
    ++m_pos;
    std::string& text = m_doc.m_text;
    Node n;
    n.kind = JsonKind::String;
    n.a = static_cast<std::uint32_t>(text.size());
    while (true) {
        std::size_t run = m_pos;
        while (run < m_s.size()) {
            const auto c = static_cast<unsigned char>(m_s[run]);
            if (c == '"' || c == '\\') {
                break;
            }
            if (c < 0x20) {
                return fail(PythonJsonParser::Failure::Syntax, "Invalid control character at", run);
            }
            ++run;
        }
        text.append(m_s.substr(m_pos, run - m_pos));
        m_pos = run;
        if (m_pos >= m_s.size()) {
            return fail(PythonJsonParser::Failure::Syntax, "Unterminated string starting at", begin);
        }
        if (m_s[m_pos] == '"') {
            ++m_pos;
            break;
        }
        const std::size_t backslash = m_pos++;
        if (m_pos >= m_s.size()) {
            return fail(PythonJsonParser::Failure::Syntax, "Unterminated string starting at", begin);
        }
        const char e = m_s[m_pos];
        if (e != 'u') {
            static constexpr std::string_view kFrom = "\"\\/bfnrt";
            static constexpr std::string_view kTo = "\"\\/\b\f\n\r\t";
            const std::size_t k = kFrom.find(e);
            if (k == std::string_view::npos) {
                return fail(PythonJsonParser::Failure::Syntax, "Invalid \\escape", backslash);
            }
            text += kTo[k];
            ++m_pos;
            continue;
        }
        auto hex4 = [&](std::size_t from, char32_t& cp) {
            cp = 0;
            for (std::size_t k = 0; k < 4; ++k) {
                const int h = hexValue(m_s[from + k]);
                if (h < 0) {
                    return false;
                }
                cp = (cp << 4) | static_cast<char32_t>(h);
            }
            return true;
        };
        const std::size_t u = m_pos;
        if (u + 5 >= m_s.size()) { // CPython wants a character after the four digits
            return fail(PythonJsonParser::Failure::Syntax, "Invalid \\uXXXX escape", u);
        }
        char32_t cp = 0;
        if (!hex4(u + 1, cp)) {
            return fail(PythonJsonParser::Failure::Syntax, "Invalid \\uXXXX escape", u);
        }
        m_pos = u + 5;
        if (cp >= 0xD800 && cp <= 0xDBFF && m_pos + 6 < m_s.size() && m_s[m_pos] == '\\' && m_s[m_pos + 1] == 'u') {
            char32_t low = 0;
            if (!hex4(m_pos + 2, low)) {
                return fail(PythonJsonParser::Failure::Syntax, "Invalid \\uXXXX escape", m_pos + 1);
            }
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                m_pos += 6;
            }
        }
        Utf8::append(text, cp); // a lone surrogate becomes U+FFFD
    }
    n.b = static_cast<std::uint32_t>(text.size() - n.a);
    push(n);
    if (isKey) {
        skipWs();
        if (!at(':')) {
            return fail(PythonJsonParser::Failure::Syntax, "Expecting ':' delimiter", m_pos);
        }
        ++m_pos;
        skipWs();
    }
    return true;
}

bool PythonJsonParser::Impl::number()
{
    const std::size_t start = m_pos;
    std::size_t i = m_pos;
    const std::size_t n = m_s.size();
    if (i < n && m_s[i] == '-') {
        ++i;
    }
    if (i < n && m_s[i] >= '1' && m_s[i] <= '9') {
        while (i < n && isDigit(m_s[i])) {
            ++i;
        }
    } else if (i < n && m_s[i] == '0') {
        ++i;
    } else {
        return fail(PythonJsonParser::Failure::Syntax, "Expecting value", start);
    }
    bool isFloat = false;
    if (i + 1 < n && m_s[i] == '.' && isDigit(m_s[i + 1])) {
        isFloat = true;
        i += 2;
        while (i < n && isDigit(m_s[i])) {
            ++i;
        }
    }
    if (i + 1 < n && (m_s[i] == 'e' || m_s[i] == 'E')) {
        std::size_t j = i + 1;
        if (j + 1 < n && (m_s[j] == '-' || m_s[j] == '+')) {
            ++j;
        }
        const std::size_t digits = j;
        while (j < n && isDigit(m_s[j])) {
            ++j;
        }
        if (j > digits) {
            isFloat = true;
            i = j;
        }
    }
    const std::string_view num = m_s.substr(start, i - start);
    m_pos = i;
    Node node;
    if (isFloat) {
        node.kind = JsonKind::Float;
        double d = 0;
        const auto res = std::from_chars(num.data(), num.data() + num.size(), d);
        node.number = res.ec == std::errc::result_out_of_range ? outOfRange(num) : d;
        push(node);
        return true;
    }
    const std::size_t digitCount = num.size() - (num[0] == '-' ? 1 : 0);
    if (digitCount > kMaxIntDigits) {
        return fail(PythonJsonParser::Failure::IntTooLong,
                    "Exceeds the limit (4300 digits) for integer string conversion", start);
    }
    const auto exact = ExactInt::parse(num);
    if (exact && exact->isSmall()) {
        node.kind = JsonKind::Int;
        node.integer = exact->small();
    } else {
        node.kind = JsonKind::BigInt;
        node.a = static_cast<std::uint32_t>(m_doc.m_text.size());
        node.b = static_cast<std::uint32_t>(num.size());
        m_doc.m_text.append(num);
    }
    push(node);
    return true;
}

PythonJsonParser::Outcome PythonJsonParser::parse(std::string_view bytes, const Options& options)
{
    Outcome out;
    if (bytes.size() > options.maxBytes) {
        out.failure = Failure::TooLarge;
        out.message = "The body is larger than " + std::to_string(options.maxBytes) + " bytes";
        return out;
    }
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        bytes.remove_prefix(3); // json.loads(bytes) decodes with utf-8-sig
    }
    if (!Utf8::isValid(bytes)) {
        out.failure = Failure::NotUtf8;
        out.message = "The body is not valid UTF-8";
        return out;
    }
    Impl parser(bytes, options, out);
    parser.run();
    if (!out.ok()) {
        out.document = JsonDocument();
    }
    return out;
}

} // namespace pc
