// SPDX-License-Identifier: Apache-2.0
// Settings: the one typed facade over QSettings (window state, recent files,
// preferences). Keys and defaults live in one table in Settings.cpp; no other
// file touches QSettings. Tests pass a temporary INI file. GUI thread only.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

class QSettings;

namespace pc {

class Settings final {
public:
    enum class Theme { System, Light, Dark };
    enum class Key {
        MainWindowGeometry,
        MainWindowState,
        RecentFiles,
        MaxRecentFiles,
        LastDirectory,
        AutosaveEnabled,
        AutosaveDelayMs,
        Theme,
        LastSection,
    };

    // An empty `iniFile` means the platform's native store for this application.
    explicit Settings(const QString& iniFile = {});
    ~Settings();
    Q_DISABLE_COPY_MOVE(Settings)

    [[nodiscard]] QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray& geometry);
    [[nodiscard]] QByteArray mainWindowState() const;
    void setMainWindowState(const QByteArray& state);

    // Most recent first, without duplicates, at most maxRecentFiles() entries.
    [[nodiscard]] QStringList recentFiles() const;
    void addRecentFile(const QString& path);
    void removeRecentFile(const QString& path);
    void clearRecentFiles();
    [[nodiscard]] int maxRecentFiles() const;
    void setMaxRecentFiles(int count);

    [[nodiscard]] QString lastDirectory() const;
    void setLastDirectory(const QString& dir);

    [[nodiscard]] bool autosaveEnabled() const;
    void setAutosaveEnabled(bool enabled);
    // Quiet time after the last edit before the recovery file is written.
    [[nodiscard]] int autosaveDelayMs() const;
    void setAutosaveDelayMs(int ms);

    [[nodiscard]] Theme theme() const;
    void setTheme(Theme theme);

    [[nodiscard]] int lastSection() const;
    void setLastSection(int section);

    void sync();
    [[nodiscard]] static QString keyName(Key key);
    [[nodiscard]] static QVariant defaultValue(Key key);

private:
    [[nodiscard]] QVariant value(Key key) const;
    void setValue(Key key, const QVariant& value);

    std::unique_ptr<QSettings> m_store;
};

} // namespace pc
