// SPDX-License-Identifier: Apache-2.0
// Theme: applies the light/dark preference to the application (System keeps
// the platform's own palette, and follows it when it changes) and derives
// the colours of inline messages from whichever palette is active, so they
// stay readable on light and dark backgrounds. GUI thread only.
#pragma once

#include "support/Settings.h"

#include <QColor>
#include <QPalette>

class QApplication;

namespace pc {

enum class Severity { Info, Success, Warning, Error };

class Theme final {
public:
    // Remembers the platform's palette on first use, then applies `theme`.
    static void apply(QApplication& app, Settings::Theme theme);
    [[nodiscard]] static bool isDark(const QPalette& palette);
    [[nodiscard]] static QColor messageColor(const QPalette& palette, Severity severity);
    [[nodiscard]] static QPalette darkPalette();
    [[nodiscard]] static QPalette lightPalette();
};

} // namespace pc
