// SPDX-License-Identifier: Apache-2.0
// PathTemplate: one route path in Starlette's syntax, compiled into segments:
// "/users/{id:int}/files/{rest:path}". Converters: str (default, one non-empty
// segment), int ([0-9]+), float ([0-9]+ with an optional .[0-9]+), uuid
// (lower-case 8-4-4-4-12 hex, as Starlette) and path (the rest of the path,
// possibly empty, slashes included; only as the last segment). A parameter
// fills a whole segment. Matching runs on the percent-decoded path and does
// not allocate except for the captured parameters. Immutable; thread-safe.
#pragma once

#include "common/Result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pc {

class PathTemplate {
public:
    // Precedence classes, best first: a static segment beats a typed parameter
    // (int, float, uuid), which beats a str parameter, which beats a path wildcard.
    enum class Kind : std::uint8_t { Static = 0, Typed = 1, Str = 2, Path = 3 };
    enum class Converter : std::uint8_t { None, Str, Int, Float, Uuid, Path };
    struct Segment {
        Kind kind = Kind::Static;
        Converter converter = Converter::None;
        std::string text; // the static text, or the parameter name
    };
    using Params = std::vector<std::pair<std::string, std::string>>;

    // Errors point at `where` (the route's "/path").
    [[nodiscard]] static Result<PathTemplate> parse(std::string_view text, const std::string& where);

    // `path` is decoded and starts with '/'. Captured values are appended to `params` when given.
    [[nodiscard]] bool match(std::string_view path, Params* params) const;

    [[nodiscard]] const std::string& text() const { return m_text; }
    [[nodiscard]] const std::vector<Segment>& segments() const { return m_segments; }
    [[nodiscard]] bool hasParameters() const { return m_hasParameters; }
    // Whether both templates match exactly the same paths with the same precedence.
    [[nodiscard]] bool sameShape(const PathTemplate& other) const;
    // Precedence: segment by segment, the better class wins at the first difference.
    [[nodiscard]] static bool ranksBefore(const PathTemplate& a, const PathTemplate& b);

private:
    [[nodiscard]] static bool segmentMatches(const Segment& segment, std::string_view value);

    std::string m_text;
    std::vector<Segment> m_segments;
    bool m_hasParameters = false;
};

} // namespace pc
