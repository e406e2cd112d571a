// SPDX-License-Identifier: Apache-2.0
// SectionRenderer: renders every section of a window to PNG files named after
// the sections (overview.png, cors.png ...), and the test server at work
// (server.png, see ServerScreenshot), for the README and for tests.
// Works offscreen (QT_QPA_PLATFORM=offscreen). GUI thread only.
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace pc {

class MainWindow;

class SectionRenderer final {
public:
    // Writes one PNG per section into `directory` (created when missing) and
    // returns the files written, or the reason it could not.
    [[nodiscard]] static std::optional<QStringList> render(MainWindow& window, const QString& directory,
                                                           QString* error = nullptr);
};

} // namespace pc
