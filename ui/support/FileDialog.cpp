// SPDX-License-Identifier: Apache-2.0
#include "support/FileDialog.h"

#include "support/Settings.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>

#include <optional>

namespace pc {
namespace {

// The test seam's state. Only tests write it, and only the GUI thread reads it.
std::optional<QString>& nextFileName()
{
    static std::optional<QString> next;
    return next;
}

std::optional<QString> takeNext()
{
    std::optional<QString> next = std::move(nextFileName());
    nextFileName().reset();
    return next;
}

void remember(Settings& settings, const QString& path)
{
    if (!path.isEmpty()) {
        settings.setLastDirectory(QFileInfo(path).absolutePath());
    }
}

} // namespace

QString FileDialog::openFileName(QWidget* parent, Settings& settings, const QString& title, const QString& filter)
{
    if (auto next = takeNext()) {
        return *next;
    }
    const QString path = QFileDialog::getOpenFileName(parent, title, settings.lastDirectory(), filter);
    remember(settings, path);
    return path;
}

QString FileDialog::saveFileName(QWidget* parent, Settings& settings, const QString& title, const QString& filter,
                                 const QString& suggestedName)
{
    if (auto next = takeNext()) {
        return *next;
    }
    QString start = settings.lastDirectory();
    if (!suggestedName.isEmpty()) {
        start = QFileInfo(suggestedName).isAbsolute() ? suggestedName : QDir(start).filePath(suggestedName);
    }
    const QString path = QFileDialog::getSaveFileName(parent, title, start, filter);
    remember(settings, path);
    return path;
}

void FileDialog::setNextFileName(const QString& path)
{
    nextFileName() = path;
}

QString FileDialog::policyFilter()
{
    return QFileDialog::tr("Portcullis policies (*.json);;All files (*)");
}

} // namespace pc
