// SPDX-License-Identifier: Apache-2.0
#include "policy/RateLimitSpec.h"

#include <array>
#include <cctype>

namespace pc {
namespace {

struct Granularity {
    std::string_view name;
    std::uint64_t seconds;
};

constexpr std::array<Granularity, 6> kGranularities{
    {{"second", 1}, {"minute", 60}, {"hour", 3600}, {"day", 86400}, {"month", 2'592'000}, {"year", 31'104'000}}};

constexpr std::uint64_t kMaxNumber = 1'000'000'000ULL;

class Cursor {
public:
    explicit Cursor(std::string_view text) : m_text(text) {}
    void skipSpace()
    {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos]))) {
            ++m_pos;
        }
    }
    std::optional<std::uint64_t> number()
    {
        std::uint64_t n = 0;
        size_t start = m_pos;
        while (m_pos < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos]))) {
            n = n * 10 + static_cast<std::uint64_t>(m_text[m_pos] - '0');
            if (n > kMaxNumber) {
                return std::nullopt;
            }
            ++m_pos;
        }
        return m_pos == start ? std::nullopt : std::optional(n);
    }
    std::string word()
    {
        std::string w;
        while (m_pos < m_text.size() && std::isalpha(static_cast<unsigned char>(m_text[m_pos]))) {
            w += static_cast<char>(std::tolower(static_cast<unsigned char>(m_text[m_pos])));
            ++m_pos;
        }
        return w;
    }
    bool consume(char c)
    {
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    [[nodiscard]] bool atEnd() const { return m_pos >= m_text.size(); }
    [[nodiscard]] size_t pos() const { return m_pos; }
    void reset(size_t pos) { m_pos = pos; }

private:
    std::string_view m_text;
    size_t m_pos = 0;
};

std::optional<RateItem> parseOne(std::string_view text, std::string* problem)
{
    auto fail = [&](std::string why) -> std::optional<RateItem> {
        if (problem) {
            // Appended piecewise: GCC 12 -O3 warns (-Wrestrict, a false positive) on "lit" + std::string.
            std::string message = "\"";
            message.append(text).append("\": ").append(why);
            *problem = std::move(message);
        }
        return std::nullopt;
    };
    Cursor c(text);
    c.skipSpace();
    auto count = c.number();
    if (!count) {
        return fail("expected a request count first");
    }
    if (*count == 0) {
        return fail("a limit of 0 requests blocks everything");
    }
    c.skipSpace();
    if (!c.consume('/')) {
        const size_t before = c.pos();
        if (c.word() != "per") {
            c.reset(before);
            return fail("expected \"/\" or \"per\" after the count");
        }
    }
    c.skipSpace();
    std::uint64_t multiple = 1;
    if (auto m = c.number()) {
        if (*m == 0) {
            return fail("a period of 0 is not a period");
        }
        multiple = *m;
    }
    c.skipSpace();
    std::string unit = c.word();
    c.skipSpace();
    if (!c.atEnd()) {
        return fail("unexpected text after the period");
    }
    if (unit.size() > 1 && unit.back() == 's') {
        unit.pop_back();
    }
    for (const Granularity& g : kGranularities) {
        if (g.name == unit) {
            return RateItem{*count, multiple, std::string(g.name), g.seconds * multiple};
        }
    }
    return fail(unit.empty() ? "expected a period such as \"minute\"" : "\"" + unit + "\" is not a period");
}

} // namespace

std::string RateItem::toString() const
{
    std::string out = std::to_string(count) + "/";
    if (multiple != 1) {
        out += std::to_string(multiple) + granularity + "s";
    } else {
        out += granularity;
    }
    return out;
}

std::optional<std::vector<RateItem>> RateLimitSpec::parse(std::string_view text, std::string* problem)
{
    if (text.size() > 256) {
        if (problem) {
            *problem = "the rate string is longer than 256 characters";
        }
        return std::nullopt;
    }
    std::vector<RateItem> items;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find_first_of(",;|", start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        auto item = parseOne(text.substr(start, end - start), problem);
        if (!item) {
            return std::nullopt;
        }
        items.push_back(*item);
        start = end + 1;
    }
    return items;
}

} // namespace pc
