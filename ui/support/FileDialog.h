// SPDX-License-Identifier: Apache-2.0
// FileDialog: the open and save dialogs, remembering the last directory in
// Settings; setNextFileName() answers the next dialog for tests (KeePassXC's
// gui/FileDialog.h). An empty result means the user cancelled. GUI thread only.
#pragma once

#include <QString>

class QWidget;

namespace pc {

class Settings;

class FileDialog final {
public:
    static QString openFileName(QWidget* parent, Settings& settings, const QString& title, const QString& filter);
    static QString saveFileName(QWidget* parent, Settings& settings, const QString& title, const QString& filter,
                                const QString& suggestedName);

    // Test seam: the next dialog is not shown and returns `path` ("" = cancelled).
    static void setNextFileName(const QString& path);

    static QString policyFilter();
};

} // namespace pc
