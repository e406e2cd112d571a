// SPDX-License-Identifier: Apache-2.0
#include "engine/RegexCharClasses.h"

#include <cctype>

namespace pc::regex_chars {

using CharSet = RegexSyntax::CharSet;

CharSet range(unsigned char from, unsigned char to)
{
    CharSet s;
    for (unsigned c = from; c <= to; ++c) {
        s.ascii.set(c);
    }
    return s;
}

CharSet single(unsigned char c)
{
    CharSet s;
    s.ascii.set(c & 0x7F);
    return s;
}

CharSet digits()
{
    CharSet s = range('0', '9');
    s.nonAscii = true; // Unicode digits in Rust regex and Python
    return s;
}

CharSet word()
{
    CharSet s = range('a', 'z');
    s.add(range('A', 'Z'));
    s.add(range('0', '9'));
    s.add(single('_'));
    s.nonAscii = true;
    return s;
}

CharSet space()
{
    CharSet s = range('\t', '\r');
    s.add(single(' '));
    s.nonAscii = true;
    return s;
}

CharSet complement(CharSet s)
{
    s.ascii.flip();
    s.nonAscii = true;
    return s;
}

CharSet anyChar()
{
    CharSet s = complement(single('\n'));
    return s;
}

CharSet posixClass(std::string_view name)
{
    if (name == "alpha") {
        CharSet s = range('a', 'z');
        s.add(range('A', 'Z'));
        return s;
    }
    if (name == "digit") {
        return range('0', '9');
    }
    if (name == "alnum") {
        CharSet s = range('a', 'z');
        s.add(range('A', 'Z'));
        s.add(range('0', '9'));
        return s;
    }
    if (name == "upper") {
        return range('A', 'Z');
    }
    if (name == "lower") {
        return range('a', 'z');
    }
    if (name == "space") {
        CharSet s = range('\t', '\r');
        s.add(single(' '));
        return s;
    }
    if (name == "xdigit") {
        CharSet s = range('0', '9');
        s.add(range('a', 'f'));
        s.add(range('A', 'F'));
        return s;
    }
    if (name == "word") {
        CharSet s = word();
        s.nonAscii = false;
        return s;
    }
    return range(0x21, 0x7E); // punct, graph, print and the rest: roughly the printable ASCII
}

} // namespace pc::regex_chars
