// SPDX-License-Identifier: Apache-2.0
#include "common/JsonParser.h"

#include "common/Hex.h"
#include "common/JsonPointer.h"
#include "common/Utf8.h"

#include <charconv>
#include <cmath>
#include <unordered_set>

namespace pc {
namespace {

using Json = nlohmann::ordered_json;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_' || c == '$';
}

class Parser {
public:
    Parser(std::string_view text, const JsonLimits& limits, ParsedJson& out)
        : m_text(text), m_limits(limits), m_out(out)
    {
    }

    bool run()
    {
        if (m_text.starts_with("\xEF\xBB\xBF")) {
            m_pos = 3; // a byte-order mark is allowed to be ignored (RFC 8259 section 8.1)
        }
        skipWhitespace();
        if (m_failed) {
            return false;
        }
        if (atEnd()) {
            return fail("The document is empty.", "write a JSON value, for example {}");
        }
        if (!parseValue(m_out.value, 0)) {
            return false;
        }
        skipWhitespace();
        if (m_failed) {
            return false;
        }
        if (!atEnd()) {
            return fail("There is more text after the end of the document.",
                        "a JSON document holds exactly one value; remove what follows it or wrap the values in [ ]");
        }
        return true;
    }

    Error takeError() { return std::move(m_error); }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek(std::size_t ahead = 0) const { return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : '\0'; }
    SourceLocation here() const { return {m_line, m_column}; }

    void advance()
    {
        const char c = m_text[m_pos++];
        if (c == '\n') {
            ++m_line;
            m_column = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++m_column;
        }
    }

    bool failAt(SourceLocation at, std::string message, std::string hint = {}, std::string code = "json-syntax")
    {
        if (!m_failed) {
            m_failed = true;
            m_error = makeError(std::move(code), std::move(message), m_pointer, std::move(hint));
            m_error.line = at.line;
            m_error.column = at.column;
        }
        return false;
    }
    bool fail(std::string message, std::string hint = {})
    {
        return failAt(here(), std::move(message), std::move(hint));
    }

    void skipWhitespace()
    {
        while (!atEnd()) {
            const char c = peek();
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                advance();
            } else if (c == '/' && (peek(1) == '/' || peek(1) == '*')) {
                fail("JSON does not allow comments.", "remove the comment; to explain a setting, use a "
                                                      "\"description\" member where the format has one");
                return;
            } else {
                return;
            }
        }
    }

    bool countValue()
    {
        if (++m_values > m_limits.maxValues) {
            return failAt(here(), "The document has more than " + std::to_string(m_limits.maxValues) + " values.",
                          "split it, or remove generated content", "json-too-large");
        }
        return true;
    }

    bool parseValue(Json& out, int depth)
    {
        m_out.sourceMap.addValue(m_pointer, here());
        if (!countValue()) {
            return false;
        }
        const char c = peek();
        switch (c) {
        case '{':
            return parseObject(out, depth + 1);
        case '[':
            return parseArray(out, depth + 1);
        case '"': {
            std::string s;
            if (!parseString(s)) {
                return false;
            }
            out = std::move(s);
            return true;
        }
        case 't':
            return parseLiteral("true", Json(true), out);
        case 'f':
            return parseLiteral("false", Json(false), out);
        case 'n':
            return parseLiteral("null", Json(nullptr), out);
        case '\'':
            return fail("JSON strings need double quotes, not single quotes.", "write \"text\" instead of 'text'");
        case '+':
            return fail("A JSON number cannot start with \"+\".", "remove the plus sign");
        case '.':
            return fail("A JSON number must start with a digit.", "write 0.5, not .5");
        case '}':
        case ']':
        case ',':
        case ':':
            return fail(std::string("Expected a value, found \"") + c + "\".",
                        "write a value (a string, number, object, array, true, false or null)");
        default:
            break;
        }
        if (c == '-' || isDigit(c)) {
            return parseNumber(out);
        }
        if (atEnd()) {
            return fail("The document ends where a value was expected.", "complete the value or remove the comma");
        }
        if (c == 'N' || c == 'I') {
            return fail("NaN and Infinity are not JSON numbers.", "write a finite number, or a string");
        }
        if (c == 'T' || c == 'F') {
            return fail("JSON literals are lower-case.", "write true, false or null");
        }
        if (isWordChar(c)) {
            return fail("Expected a value; text must be a string in double quotes.", "write \"text\"");
        }
        return fail("Expected a value here.", "write a string, number, object, array, true, false or null");
    }

    bool parseLiteral(std::string_view word, Json value, Json& out)
    {
        if (m_text.substr(m_pos, word.size()) != word || isWordChar(peek(word.size()))) {
            return fail("Expected a value; text must be a string in double quotes.",
                        "the literals are true, false and null; other text needs double quotes");
        }
        for (std::size_t i = 0; i < word.size(); ++i) {
            advance();
        }
        out = std::move(value);
        return true;
    }

    bool enterContainer(int depth)
    {
        if (depth > m_limits.maxDepth) {
            return failAt(here(),
                          "The document is nested deeper than " + std::to_string(m_limits.maxDepth) + " levels.",
                          "flatten the structure", "json-too-deep");
        }
        advance(); // '{' or '['
        skipWhitespace();
        return !m_failed;
    }

    bool parseObject(Json& out, int depth)
    {
        out = Json::object();
        if (!enterContainer(depth)) {
            return false;
        }
        if (peek() == '}') {
            advance();
            return true;
        }
        auto& members = out.get_ref<Json::object_t&>();
        std::unordered_set<std::string> seen;
        while (true) {
            const char c = peek();
            if (c != '"') {
                if (c == '}' && !members.empty()) {
                    return fail("A comma before \"}\" is not allowed in JSON.",
                                "remove the comma after the last member");
                }
                if (c == '\'') {
                    return fail("Object keys need double quotes, not single quotes.", "write \"key\": value");
                }
                if (atEnd()) {
                    return fail("The document ends inside an object.", "close the object with }");
                }
                return fail("Expected an object key in double quotes.", "write \"key\": value");
            }
            const SourceLocation keyAt = here();
            std::string key;
            if (!parseString(key)) {
                return false;
            }
            skipWhitespace();
            if (m_failed) {
                return false;
            }
            if (peek() != ':') {
                return fail("Expected \":\" after the key \"" + key + "\".", "write \"key\": value");
            }
            advance();
            skipWhitespace();
            if (m_failed) {
                return false;
            }
            const std::size_t mark = m_pointer.size();
            m_pointer = JsonPointer::join(m_pointer, key);
            const bool duplicate = !seen.insert(key).second;
            Json value;
            if (duplicate) {
                Error e = makeError("duplicate-key", "The key \"" + key + "\" appears more than once in this object.",
                                    m_pointer, "remove one of them; the first one is used until then");
                e.line = keyAt.line;
                e.column = keyAt.column;
                m_out.duplicateKeys.push_back(std::move(e));
                // Keep the first occurrence's locations: parse the repeat into a scratch map.
                JsonSourceMap kept = std::move(m_out.sourceMap);
                m_out.sourceMap = JsonSourceMap();
                const bool ok = parseValue(value, depth);
                m_out.sourceMap = std::move(kept);
                if (!ok) {
                    return false;
                }
            } else {
                m_out.sourceMap.addKey(m_pointer, keyAt);
                if (!parseValue(value, depth)) {
                    return false;
                }
                // ordered_map::emplace searches linearly; `seen` already rules out a repeat.
                members.Container::emplace_back(std::move(key), std::move(value));
            }
            m_pointer.resize(mark);
            skipWhitespace();
            if (m_failed) {
                return false;
            }
            if (peek() == ',') {
                advance();
                skipWhitespace();
                if (m_failed) {
                    return false;
                }
                continue;
            }
            if (peek() == '}') {
                advance();
                return true;
            }
            if (atEnd()) {
                return fail("The document ends inside an object.", "close the object with }");
            }
            return fail("Expected \",\" or \"}\" after a member.",
                        peek() == '"' ? "add a comma between the members" : "separate members with commas");
        }
    }

    bool parseArray(Json& out, int depth)
    {
        out = Json::array();
        if (!enterContainer(depth)) {
            return false;
        }
        if (peek() == ']') {
            advance();
            return true;
        }
        std::size_t index = 0;
        while (true) {
            if (peek() == ']') {
                return fail("A comma before \"]\" is not allowed in JSON.", "remove the comma after the last element");
            }
            const std::size_t mark = m_pointer.size();
            m_pointer = JsonPointer::join(m_pointer, index++);
            Json value;
            if (!parseValue(value, depth)) {
                return false;
            }
            out.push_back(std::move(value));
            m_pointer.resize(mark);
            skipWhitespace();
            if (m_failed) {
                return false;
            }
            if (peek() == ',') {
                advance();
                skipWhitespace();
                if (m_failed) {
                    return false;
                }
                continue;
            }
            if (peek() == ']') {
                advance();
                return true;
            }
            if (atEnd()) {
                return fail("The document ends inside an array.", "close the array with ]");
            }
            return fail("Expected \",\" or \"]\" after an element.", "separate elements with commas");
        }
    }

    bool parseEscape(std::string& out)
    {
        static constexpr std::string_view kEscapes = "\"\\/bfnrt";
        static constexpr std::string_view kMeanings = "\"\\/\b\f\n\r\t";
        const SourceLocation at = here();
        advance(); // backslash
        const std::size_t simple = kEscapes.find(peek());
        if (simple != std::string_view::npos && !atEnd()) {
            out += kMeanings[simple];
            advance();
            return true;
        }
        if (peek() != 'u') {
            return failAt(
                at, "Unknown escape sequence in a string.",
                "valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write \\\\ for a backslash");
        }
        const auto loneSurrogate = [&] {
            return failAt(at, "A \\u escape holds half of a surrogate pair without the other half.",
                          "write the character itself, or both halves: \\uD83D\\uDE00");
        };
        std::uint32_t cp = 0;
        if (!parseHex4(cp, at)) {
            return false;
        }
        if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return loneSurrogate();
        }
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (peek() != '\\' || peek(1) != 'u') {
                return loneSurrogate();
            }
            advance();
            if (!parseHex4(low, at)) {
                return false;
            }
            if (low < 0xDC00 || low > 0xDFFF) {
                return loneSurrogate();
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        Utf8::append(out, cp);
        return true;
    }

    bool parseHex4(std::uint32_t& cp, SourceLocation at)
    {
        advance(); // 'u'
        for (int i = 0; i < 4; ++i) {
            const int v = hexValue(peek());
            if (v < 0) {
                return failAt(at, "A \\u escape needs four hexadecimal digits.", "write for example \\u00e9");
            }
            cp = cp * 16 + static_cast<std::uint32_t>(v);
            advance();
        }
        return true;
    }

    bool parseString(std::string& out)
    {
        const SourceLocation start = here();
        advance(); // opening quote
        while (true) {
            if (atEnd()) {
                return failAt(start, "The string is not closed.", "end it with a double quote");
            }
            const char c = peek();
            const auto u = static_cast<unsigned char>(c);
            if (c == '"') {
                advance();
                return true;
            }
            if (c == '\\') {
                if (!parseEscape(out)) {
                    return false;
                }
                continue;
            }
            if (c == '\n') {
                return failAt(start, "The string is not closed before the end of the line.",
                              "end it with a double quote, or write \\n for a line break inside it");
            }
            if (u < 0x20) {
                return fail("A control character inside a string must be escaped.",
                            "write \\t for a tab, \\n for a line break or \\u00XX for others");
            }
            if (u < 0x80) {
                out += c;
                advance();
                continue;
            }
            const std::size_t length = Utf8::sequenceLength(m_text.substr(m_pos));
            if (length == 0) {
                return fail("The text is not valid UTF-8.", "save the file with UTF-8 encoding");
            }
            out.append(m_text.substr(m_pos, length));
            for (std::size_t i = 0; i < length; ++i) {
                advance();
            }
        }
    }

    bool parseNumber(Json& out)
    {
        const std::size_t begin = m_pos;
        const SourceLocation start = here();
        bool integral = true;
        if (peek() == '-') {
            advance();
        }
        if (!isDigit(peek())) {
            return fail("A \"-\" must be followed by digits.", "write a number such as -1");
        }
        if (peek() == '0' && isDigit(peek(1))) {
            return fail("JSON numbers cannot have leading zeros.", "remove the leading zeros, or use a string");
        }
        while (isDigit(peek())) {
            advance();
        }
        if (peek() == '.') {
            integral = false;
            advance();
            if (!isDigit(peek())) {
                return fail("A decimal point must be followed by digits.", "write 1.0 or 1, not 1.");
            }
            while (isDigit(peek())) {
                advance();
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            advance();
            if (peek() == '+' || peek() == '-') {
                advance();
            }
            if (!isDigit(peek())) {
                return fail("An exponent must be followed by digits.", "write for example 1e6");
            }
            while (isDigit(peek())) {
                advance();
            }
        }
        if (isWordChar(peek()) || peek() == '.') {
            return fail("Unexpected character after a number.", "numbers with units are strings: write \"15m\"");
        }
        const std::string_view digits = m_text.substr(begin, m_pos - begin);
        const char* first = digits.data();
        const char* last = digits.data() + digits.size();
        if (integral) {
            if (digits.front() == '-') {
                std::int64_t v = 0;
                if (std::from_chars(first, last, v).ec == std::errc()) {
                    out = v;
                    return true;
                }
            } else {
                std::uint64_t v = 0;
                if (std::from_chars(first, last, v).ec == std::errc()) {
                    out = v;
                    return true;
                }
            }
        }
        double d = 0;
        if (std::from_chars(first, last, d).ec != std::errc() || !std::isfinite(d)) {
            return failAt(start, "The number is too large or too small to represent.",
                          "write a number within double range");
        }
        out = d;
        return true;
    }

    std::string_view m_text;
    const JsonLimits& m_limits;
    ParsedJson& m_out;
    std::size_t m_pos = 0;
    int m_line = 1;
    int m_column = 1;
    std::size_t m_values = 0;
    std::string m_pointer;
    bool m_failed = false;
    Error m_error;
};

} // namespace

Result<ParsedJson> JsonParser::parse(std::string_view text, const JsonLimits& limits)
{
    if (text.size() > limits.maxBytes) {
        Error e = makeError("json-too-large",
                            "The document is " + std::to_string(text.size()) + " bytes; the limit is " +
                                std::to_string(limits.maxBytes) + " bytes.",
                            "", "split the document or remove generated content");
        e.line = 1;
        e.column = 1;
        return e;
    }
    ParsedJson parsed;
    Parser parser(text, limits, parsed);
    if (!parser.run()) {
        return parser.takeError();
    }
    return parsed;
}

} // namespace pc
