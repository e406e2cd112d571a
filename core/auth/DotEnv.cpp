// SPDX-License-Identifier: Apache-2.0
#include "auth/DotEnv.h"

#include <string>

namespace pc {
namespace {

bool isKeyChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == '-';
}

class Parser {
public:
    explicit Parser(std::string_view text) : m_text(text) {}

    Result<std::optional<SecretBytes>> lookup(std::string_view wanted)
    {
        std::optional<SecretBytes> found;
        while (m_pos < m_text.size()) {
            const int line = m_line;
            skipBlanks();
            if (consume('#') || atEol()) {
                skipLine();
                continue;
            }
            if (m_text.substr(m_pos).starts_with("export ") || m_text.substr(m_pos).starts_with("export\t")) {
                m_pos += 7;
                skipBlanks();
            }
            const std::size_t keyStart = m_pos;
            while (m_pos < m_text.size() && isKeyChar(m_text[m_pos])) {
                ++m_pos;
            }
            const std::string_view name = m_text.substr(keyStart, m_pos - keyStart);
            skipBlanks();
            if (name.empty() || !consume('=')) {
                skipLine(); // python-dotenv skips lines it cannot parse
                continue;
            }
            skipBlanks();
            std::string value;
            if (!readValue(value)) {
                cleanseString(value);
                return makeError("dotenv-syntax",
                                 "Line " + std::to_string(line) + " opens a quoted value that is never closed.", {},
                                 "Close the quote; a value may span lines only inside quotes.");
            }
            if (name == wanted) {
                found = SecretBytes::adopt(value);
            } else {
                cleanseString(value);
            }
            skipLine();
        }
        return found;
    }

private:
    bool atEol() const { return m_pos >= m_text.size() || m_text[m_pos] == '\n' || m_text[m_pos] == '\r'; }
    bool consume(char c)
    {
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    void skipBlanks()
    {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t')) {
            ++m_pos;
        }
    }
    void skipLine()
    {
        while (m_pos < m_text.size() && m_text[m_pos] != '\n') {
            ++m_pos;
        }
        if (m_pos < m_text.size()) {
            ++m_pos;
            ++m_line;
        }
    }
    char next()
    {
        const char c = m_text[m_pos++];
        if (c == '\n') {
            ++m_line;
        }
        return c;
    }

    // Finds where a quoted value ends first, so `out` is sized once and never
    // reallocates (a reallocation would leave an unwiped copy on the heap).
    bool readValue(std::string& out)
    {
        if (consume('\'')) {
            const std::size_t close = m_text.find('\'', m_pos);
            if (close == std::string_view::npos) {
                return false;
            }
            out.reserve(close - m_pos);
            while (m_pos < close) {
                out += next();
            }
            ++m_pos;
            return true;
        }
        if (consume('"')) {
            std::size_t close = m_pos;
            while (close < m_text.size() && m_text[close] != '"') {
                close += m_text[close] == '\\' ? 2 : 1;
            }
            if (close >= m_text.size()) {
                return false;
            }
            out.reserve(close - m_pos + 1);
            while (m_pos < close) {
                char c = next();
                if (c == '\\' && m_pos < close) {
                    const char e = next();
                    switch (e) {
                    case 'n':
                        c = '\n';
                        break;
                    case 'r':
                        c = '\r';
                        break;
                    case 't':
                        c = '\t';
                        break;
                    case '"':
                    case '\\':
                    case '\'':
                        c = e;
                        break;
                    default:
                        out += '\\';
                        c = e;
                        break;
                    }
                }
                out += c;
            }
            ++m_pos;
            return true;
        }
        // Unquoted: up to the end of the line or an inline comment (" #").
        const std::size_t start = m_pos;
        while (!atEol()) {
            if (m_text[m_pos] == '#' && m_pos > start && (m_text[m_pos - 1] == ' ' || m_text[m_pos - 1] == '\t')) {
                break;
            }
            ++m_pos;
        }
        std::size_t end = m_pos;
        while (end > start && (m_text[end - 1] == ' ' || m_text[end - 1] == '\t')) {
            --end;
        }
        out.assign(m_text.substr(start, end - start));
        return true;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_line = 1;
};

} // namespace

Result<std::optional<SecretBytes>> DotEnv::lookup(std::string_view text, std::string_view key)
{
    return Parser(text).lookup(key);
}

} // namespace pc
