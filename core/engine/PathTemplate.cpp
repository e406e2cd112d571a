// SPDX-License-Identifier: Apache-2.0
#include "engine/PathTemplate.h"

#include <algorithm>
#include <set>

namespace pc {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isLowerHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f');
}

bool isIdentifier(std::string_view name)
{
    if (name.empty() || isDigit(name.front())) {
        return false;
    }
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
    });
}

bool matchesInt(std::string_view v)
{
    return !v.empty() && std::all_of(v.begin(), v.end(), isDigit);
}

bool matchesFloat(std::string_view v)
{
    const size_t dot = v.find('.');
    if (dot == std::string_view::npos) {
        return matchesInt(v);
    }
    return matchesInt(v.substr(0, dot)) && matchesInt(v.substr(dot + 1));
}

bool matchesUuid(std::string_view v)
{
    if (v.size() != 36) {
        return false;
    }
    for (size_t i = 0; i < v.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? v[i] != '-' : !isLowerHex(v[i])) {
            return false;
        }
    }
    return true;
}

struct ConverterName {
    std::string_view name;
    PathTemplate::Converter converter;
    PathTemplate::Kind kind;
};

constexpr ConverterName kConverters[] = {
    {"str", PathTemplate::Converter::Str, PathTemplate::Kind::Str},
    {"int", PathTemplate::Converter::Int, PathTemplate::Kind::Typed},
    {"float", PathTemplate::Converter::Float, PathTemplate::Kind::Typed},
    {"uuid", PathTemplate::Converter::Uuid, PathTemplate::Kind::Typed},
    {"path", PathTemplate::Converter::Path, PathTemplate::Kind::Path},
};

} // namespace

Result<PathTemplate> PathTemplate::parse(std::string_view text, const std::string& where)
{
    std::string quoted = "\""; // appended, not "literal" + std::string: GCC 12 -O3 -Wrestrict false positive
    quoted.append(text).append("\"");
    if (text.empty() || text.front() != '/') {
        return makeError("route-bad-path", "The path " + quoted + " does not start with \"/\".", where,
                         "write an absolute path such as \"/users/{id}\"");
    }
    if (text.find_first_of("?#") != std::string_view::npos) {
        return makeError("route-bad-path",
                         "The path " + quoted + " contains \"?\" or \"#\"; routes match the path only.", where,
                         "remove the query or fragment; declare query parameters in request.query");
    }
    if (text.find('%') != std::string_view::npos) {
        return makeError("route-bad-path",
                         "The path " + quoted +
                             " contains \"%\"; routes match the percent-decoded path, so an "
                             "escape in a template would never match.",
                         where, "write the decoded character instead of its escape");
    }
    PathTemplate result;
    result.m_text = std::string(text);
    std::set<std::string, std::less<>> names;
    std::string_view rest = text.substr(1);
    bool last = false;
    while (!last) {
        const size_t slash = rest.find('/');
        last = slash == std::string_view::npos;
        const std::string_view raw = last ? rest : rest.substr(0, slash);
        rest = last ? std::string_view() : rest.substr(slash + 1);
        if (!result.m_segments.empty() && result.m_segments.back().kind == Kind::Path) {
            return makeError("route-path-not-last",
                             "In " + quoted +
                                 " the {…:path} parameter is followed by more segments; it takes the "
                                 "rest of the path, so it must come last.",
                             where, "move the path parameter to the end, e.g. \"/files/{rest:path}\"");
        }
        if (raw == "." || raw == "..") {
            return makeError("route-bad-path",
                             "The path " + quoted +
                                 " has a \".\" or \"..\" segment; requests with such segments "
                                 "are refused, so the route could never match.",
                             where, "remove the dot segment");
        }
        const size_t open = raw.find('{');
        const size_t close = raw.find('}');
        if (open == std::string_view::npos && close == std::string_view::npos) {
            result.m_segments.push_back({Kind::Static, Converter::None, std::string(raw)});
            continue;
        }
        if (open != 0 || close != raw.size() - 1 || raw.find('{', 1) != std::string_view::npos ||
            raw.find('}') != raw.size() - 1) {
            return makeError("route-partial-segment",
                             "In " + quoted + " the segment \"" + std::string(raw) +
                                 "\" mixes text and a parameter, or its braces do not pair up.",
                             where,
                             "a parameter must fill a whole segment: \"/files/{name}\", not \"/files/{name}.txt\"");
        }
        const std::string_view inner = raw.substr(1, raw.size() - 2);
        const size_t colon = inner.find(':');
        const std::string_view name = inner.substr(0, colon);
        const std::string_view converter = colon == std::string_view::npos ? "str" : inner.substr(colon + 1);
        if (!isIdentifier(name)) {
            return makeError("route-bad-parameter",
                             "In " + quoted + " the parameter name \"" + std::string(name) + "\" is not an identifier.",
                             where, "use letters, digits and \"_\", not starting with a digit");
        }
        if (!names.insert(std::string(name)).second) {
            return makeError("route-duplicate-parameter",
                             "In " + quoted + " the parameter \"" + std::string(name) + "\" appears twice.", where,
                             "give every parameter its own name");
        }
        const auto* found = std::find_if(std::begin(kConverters), std::end(kConverters),
                                         [&](const ConverterName& c) { return c.name == converter; });
        if (found == std::end(kConverters)) {
            return makeError("route-unknown-converter",
                             "In " + quoted + " the converter \"" + std::string(converter) + "\" is unknown.", where,
                             "use str, int, float, uuid or path");
        }
        result.m_segments.push_back({found->kind, found->converter, std::string(name)});
        result.m_hasParameters = true;
    }
    return result;
}

bool PathTemplate::segmentMatches(const Segment& segment, std::string_view value)
{
    switch (segment.converter) {
    case Converter::None:
        return value == segment.text;
    case Converter::Str:
        return !value.empty();
    case Converter::Int:
        return matchesInt(value);
    case Converter::Float:
        return matchesFloat(value);
    case Converter::Uuid:
        return matchesUuid(value);
    case Converter::Path:
        return true;
    }
    return false;
}

bool PathTemplate::match(std::string_view path, Params* params) const
{
    if (path.empty() || path.front() != '/') {
        return false;
    }
    size_t pos = 1;
    bool more = true; // a segment starts at pos
    const size_t captured = params ? params->size() : 0;
    const auto fail = [&] {
        if (params) {
            params->resize(captured);
        }
        return false;
    };
    for (const Segment& segment : m_segments) {
        if (!more) {
            return fail(); // the path ran out of segments
        }
        std::string_view value;
        if (segment.kind == Kind::Path) {
            value = path.substr(pos);
            more = false;
        } else {
            const size_t end = path.find('/', pos);
            value = path.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
            more = end != std::string_view::npos;
            pos = more ? end + 1 : path.size();
            if (!segmentMatches(segment, value)) {
                return fail();
            }
        }
        if (params && segment.kind != Kind::Static) {
            params->emplace_back(segment.text, std::string(value));
        }
    }
    if (more) {
        return fail(); // the path has segments left over
    }
    return true;
}

bool PathTemplate::sameShape(const PathTemplate& other) const
{
    if (m_segments.size() != other.m_segments.size()) {
        return false;
    }
    for (size_t i = 0; i < m_segments.size(); ++i) {
        const Segment& a = m_segments[i];
        const Segment& b = other.m_segments[i];
        if (a.converter != b.converter || (a.kind == Kind::Static && a.text != b.text)) {
            return false;
        }
    }
    return true;
}

bool PathTemplate::ranksBefore(const PathTemplate& a, const PathTemplate& b)
{
    const size_t n = std::min(a.m_segments.size(), b.m_segments.size());
    for (size_t i = 0; i < n; ++i) {
        const Kind ka = a.m_segments[i].kind;
        const Kind kb = b.m_segments[i].kind;
        if (ka != kb) {
            return ka < kb;
        }
    }
    return false;
}

} // namespace pc
