// SPDX-License-Identifier: Apache-2.0
#include "support/Settings.h"

#include <QSettings>

#include <algorithm>
#include <array>

namespace pc {
namespace {

struct KeyInfo {
    Settings::Key key;
    const char* name;
    QVariant defaultValue;
};

const std::array<KeyInfo, 9>& keyTable()
{
    static const std::array<KeyInfo, 9> table{{
        {Settings::Key::MainWindowGeometry, "MainWindow/geometry", QByteArray()},
        {Settings::Key::MainWindowState, "MainWindow/state", QByteArray()},
        {Settings::Key::RecentFiles, "Files/recent", QStringList()},
        {Settings::Key::MaxRecentFiles, "Files/maxRecent", 10},
        {Settings::Key::LastDirectory, "Files/lastDirectory", QString()},
        {Settings::Key::AutosaveEnabled, "Autosave/enabled", true},
        {Settings::Key::AutosaveDelayMs, "Autosave/delayMs", 2000},
        {Settings::Key::Theme, "Appearance/theme", QStringLiteral("system")},
        {Settings::Key::LastSection, "MainWindow/lastSection", 0},
    }};
    return table;
}

const KeyInfo& info(Settings::Key key)
{
    const auto& table = keyTable();
    return *std::find_if(table.begin(), table.end(), [key](const KeyInfo& k) { return k.key == key; });
}

constexpr std::array<std::pair<Settings::Theme, const char*>, 3> kThemeNames{
    {{Settings::Theme::System, "system"}, {Settings::Theme::Light, "light"}, {Settings::Theme::Dark, "dark"}}};

} // namespace

Settings::Settings(const QString& iniFile)
    : m_store(iniFile.isEmpty() ? std::make_unique<QSettings>()
                                : std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

Settings::~Settings() = default;

QString Settings::keyName(Key key)
{
    return QString::fromLatin1(info(key).name);
}

QVariant Settings::defaultValue(Key key)
{
    return info(key).defaultValue;
}

QVariant Settings::value(Key key) const
{
    const KeyInfo& k = info(key);
    return m_store->value(QString::fromLatin1(k.name), k.defaultValue);
}

void Settings::setValue(Key key, const QVariant& value)
{
    m_store->setValue(keyName(key), value);
}

QByteArray Settings::mainWindowGeometry() const
{
    return value(Key::MainWindowGeometry).toByteArray();
}

void Settings::setMainWindowGeometry(const QByteArray& geometry)
{
    setValue(Key::MainWindowGeometry, geometry);
}

QByteArray Settings::mainWindowState() const
{
    return value(Key::MainWindowState).toByteArray();
}

void Settings::setMainWindowState(const QByteArray& state)
{
    setValue(Key::MainWindowState, state);
}

QStringList Settings::recentFiles() const
{
    QStringList files = value(Key::RecentFiles).toStringList();
    files.removeDuplicates();
    files.removeAll(QString());
    while (files.size() > maxRecentFiles()) {
        files.removeLast();
    }
    return files;
}

void Settings::addRecentFile(const QString& path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > maxRecentFiles()) {
        files.removeLast();
    }
    setValue(Key::RecentFiles, files);
}

void Settings::removeRecentFile(const QString& path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    setValue(Key::RecentFiles, files);
}

void Settings::clearRecentFiles()
{
    setValue(Key::RecentFiles, QStringList());
}

int Settings::maxRecentFiles() const
{
    return std::clamp(value(Key::MaxRecentFiles).toInt(), 1, 30);
}

void Settings::setMaxRecentFiles(int count)
{
    setValue(Key::MaxRecentFiles, std::clamp(count, 1, 30));
}

QString Settings::lastDirectory() const
{
    return value(Key::LastDirectory).toString();
}

void Settings::setLastDirectory(const QString& dir)
{
    setValue(Key::LastDirectory, dir);
}

bool Settings::autosaveEnabled() const
{
    return value(Key::AutosaveEnabled).toBool();
}

void Settings::setAutosaveEnabled(bool enabled)
{
    setValue(Key::AutosaveEnabled, enabled);
}

int Settings::autosaveDelayMs() const
{
    return std::clamp(value(Key::AutosaveDelayMs).toInt(), 0, 600'000);
}

void Settings::setAutosaveDelayMs(int ms)
{
    setValue(Key::AutosaveDelayMs, std::clamp(ms, 0, 600'000));
}

Settings::Theme Settings::theme() const
{
    const QString name = value(Key::Theme).toString();
    for (const auto& [theme, themeName] : kThemeNames) {
        if (name == QLatin1String(themeName)) {
            return theme;
        }
    }
    return Theme::System;
}

void Settings::setTheme(Theme theme)
{
    for (const auto& [t, themeName] : kThemeNames) {
        if (t == theme) {
            setValue(Key::Theme, QString::fromLatin1(themeName));
        }
    }
}

int Settings::lastSection() const
{
    return value(Key::LastSection).toInt();
}

void Settings::setLastSection(int section)
{
    setValue(Key::LastSection, section);
}

void Settings::sync()
{
    m_store->sync();
}

} // namespace pc
