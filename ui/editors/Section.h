// SPDX-License-Identifier: Apache-2.0
// The sections of the workbench, in navigation order, with their titles and
// the file names their screenshots get.
#pragma once

#include <QString>

#include <array>

namespace pc {

enum class Section { Overview, Routes, Validation, Cors, RateLimits, Headers, Tokens, Secrets, Transport };

inline constexpr std::array kSections{Section::Overview, Section::Routes,     Section::Validation,
                                      Section::Cors,     Section::RateLimits, Section::Headers,
                                      Section::Tokens,   Section::Secrets,    Section::Transport};

[[nodiscard]] QString sectionTitle(Section section);
// "overview", "rate-limits" ...: screenshot names and --section arguments.
[[nodiscard]] QString sectionKey(Section section);

} // namespace pc
