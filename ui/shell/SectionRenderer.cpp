// SPDX-License-Identifier: Apache-2.0
#include "shell/SectionRenderer.h"

#include "shell/MainWindow.h"
#include "shell/ServerScreenshot.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>

namespace pc {

std::optional<QStringList> SectionRenderer::render(MainWindow& window, const QString& directory, QString* error)
{
    QDir dir(directory);
    if (!dir.exists() && !dir.mkpath(QStringLiteral("."))) {
        if (error != nullptr) {
            *error = QApplication::translate("SectionRenderer", "Cannot create %1.").arg(directory);
        }
        return std::nullopt;
    }
    const Section previous = window.currentSection();
    QStringList written;
    for (Section section : kSections) {
        window.showSection(section);
        // Let layouts settle and deferred updates run before grabbing.
        QApplication::processEvents();
        const QPixmap pixmap = window.grab();
        const QString path = dir.filePath(sectionKey(section) + QStringLiteral(".png"));
        if (pixmap.isNull() || !pixmap.save(path, "PNG")) {
            if (error != nullptr) {
                *error = QApplication::translate("SectionRenderer", "Cannot write %1.").arg(path);
            }
            window.showSection(previous);
            return std::nullopt;
        }
        written << path;
    }
    window.showSection(previous);
    // The test server at work, over the Routes section whose paths it answers.
    window.showSection(Section::Routes);
    const QString server = dir.filePath(QStringLiteral("server.png"));
    const bool rendered = ServerScreenshot::render(window, server, error);
    window.showSection(previous);
    if (!rendered) {
        return std::nullopt;
    }
    written << server;
    return written;
}

} // namespace pc
