// SPDX-License-Identifier: Apache-2.0
// SettingHelp: the short title and the explanation of every policy setting,
// keyed by its generic path ("/cors/max_age", "/routes/*/path"). Editors use
// the title in undo texts and the explanation, which names the standard
// behind the setting, as the tooltip. One table, so nothing goes unexplained.
#pragma once

#include <QString>

#include <string_view>

namespace pc {

class SettingHelp final {
public:
    // Empty when the path has no entry.
    [[nodiscard]] static QString title(std::string_view genericPath);
    [[nodiscard]] static QString text(std::string_view genericPath);
    // "<b>Title</b><br>text" for a tooltip; empty when the path has no entry.
    [[nodiscard]] static QString tooltip(std::string_view genericPath);
};

} // namespace pc
