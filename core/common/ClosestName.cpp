// SPDX-License-Identifier: Apache-2.0
#include "common/ClosestName.h"

#include <algorithm>
#include <vector>

namespace pc {
namespace {

std::string fold(std::string_view word)
{
    std::string out;
    for (size_t i = 0; i < word.size(); ++i) {
        const char c = word[i];
        if (c >= 'A' && c <= 'Z') {
            if (i > 0 && word[i - 1] >= 'a' && word[i - 1] <= 'z') {
                out += '_';
            }
            out += static_cast<char>(c - 'A' + 'a');
        } else if (c == '-' || c == ' ') {
            out += '_';
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

std::size_t ClosestName::distance(std::string_view a, std::string_view b)
{
    if (a.size() > 64 || b.size() > 64) {
        return std::max(a.size(), b.size()); // names are short; do not spend time on long junk
    }
    std::vector<std::size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string ClosestName::find(std::string_view word, std::span<const std::string_view> candidates)
{
    const std::string folded = fold(word);
    std::string best;
    std::size_t bestDistance = 0;
    for (std::string_view candidate : candidates) {
        const std::size_t d = distance(folded, fold(candidate));
        if (best.empty() || d < bestDistance) {
            best = std::string(candidate);
            bestDistance = d;
        }
    }
    // A typo changes a few characters; beyond a third of the word it is another word.
    const std::size_t allowed = std::max<std::size_t>(2, folded.size() / 3);
    return !best.empty() && bestDistance <= allowed ? best : std::string();
}

} // namespace pc
