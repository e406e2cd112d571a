// SPDX-License-Identifier: Apache-2.0
#include "common/ByteSize.h"

#include <array>

namespace pc {
namespace {

struct Unit {
    std::string_view suffix;
    std::uint64_t factor;
};

constexpr std::array<Unit, 7> kUnits{{{"B", 1},
                                      {"KiB", 1ULL << 10},
                                      {"MiB", 1ULL << 20},
                                      {"GiB", 1ULL << 30},
                                      {"KB", 1'000ULL},
                                      {"MB", 1'000'000ULL},
                                      {"GB", 1'000'000'000ULL}}};

constexpr std::uint64_t kMaxBytes = 1ULL << 50; // 1 PiB: beyond any request limit

} // namespace

std::optional<ByteSize> ByteSize::parse(std::string_view text)
{
    if (text.empty() || text.size() > 32) {
        return std::nullopt;
    }
    std::uint64_t n = 0;
    size_t i = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        n = n * 10 + static_cast<std::uint64_t>(text[i] - '0');
        if (n > kMaxBytes) {
            return std::nullopt;
        }
        ++i;
    }
    if (i == 0) {
        return std::nullopt;
    }
    const std::string_view suffix = text.substr(i);
    if (suffix.empty()) {
        return ByteSize(n);
    }
    for (const Unit& unit : kUnits) {
        if (unit.suffix == suffix) {
            if (n > kMaxBytes / unit.factor) {
                return std::nullopt;
            }
            return ByteSize(n * unit.factor);
        }
    }
    return std::nullopt;
}

bool ByteSize::rendersAsNumber() const
{
    return m_bytes == 0 || m_bytes % 1024 != 0;
}

std::string ByteSize::toString() const
{
    if (rendersAsNumber()) {
        return std::to_string(m_bytes);
    }
    for (size_t u = 3; u >= 1; --u) {
        if (m_bytes % kUnits[u].factor == 0) {
            return std::to_string(m_bytes / kUnits[u].factor) + std::string(kUnits[u].suffix);
        }
    }
    return std::to_string(m_bytes);
}

} // namespace pc
