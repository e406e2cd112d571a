// SPDX-License-Identifier: Apache-2.0
#include "common/PatternTranslator.h"

namespace pc {
namespace {

// Rust regex (Unicode mode): \w = Alphabetic + M + Nd + Pc + Join_Control.
// RE2 has no Alphabetic property; letters, letter numbers and marks come closest.
constexpr std::string_view kWordItems = R"(\pL\p{Nl}\p{M}\p{Nd}\p{Pc}\x{200C}\x{200D})";
constexpr std::string_view kSpaceItems =
    R"(\t\n\v\f\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000})";

} // namespace

std::string PatternTranslator::rustToRe2(std::string_view p)
{
    std::string out;
    out.reserve(p.size() + 16);
    bool inClass = false;
    std::size_t classStart = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const char c = p[i];
        if (c == '\\' && i + 1 < p.size()) {
            const char e = p[i + 1];
            ++i;
            switch (e) {
            case 'w':
                out += inClass ? std::string(kWordItems) : "[" + std::string(kWordItems) + "]";
                continue;
            case 'd':
                out += R"(\p{Nd})";
                continue;
            case 'D':
                out += R"(\P{Nd})";
                continue;
            case 's':
                out += inClass ? std::string(kSpaceItems) : "[" + std::string(kSpaceItems) + "]";
                continue;
            case 'W':
                // A negated class cannot be nested inside another class in RE2: keep \W there.
                out += inClass ? std::string(R"(\W)") : "[^" + std::string(kWordItems) + "]";
                continue;
            case 'S':
                out += inClass ? std::string(R"(\S)") : "[^" + std::string(kSpaceItems) + "]";
                continue;
            default:
                out += '\\';
                out += e;
                continue;
            }
        }
        if (inClass) {
            if (c == '[' && i + 1 < p.size() && p[i + 1] == ':') {
                const std::size_t close = p.find(":]", i + 2);
                if (close != std::string_view::npos) {
                    out.append(p.substr(i, close + 2 - i)); // POSIX class such as [:alpha:]
                    i = close + 1;
                    continue;
                }
            }
            if (c == ']' && i > classStart) {
                inClass = false;
            }
            out += c;
            continue;
        }
        if (c == '[') {
            inClass = true;
            out += c;
            // A ']' right after '[' or '[^' is a literal member.
            if (i + 1 < p.size() && p[i + 1] == '^') {
                out += '^';
                ++i;
            }
            classStart = i + 1;
            if (i + 1 < p.size() && p[i + 1] == ']') {
                out += ']';
                ++i;
                classStart = i + 1;
            }
            continue;
        }
        if (c == '(' && p.substr(i, 3) == "(?<" && i + 3 < p.size() && p[i + 3] != '=' && p[i + 3] != '!') {
            out += "(?P<";
            i += 2;
            continue;
        }
        out += c;
    }
    return out;
}

} // namespace pc
