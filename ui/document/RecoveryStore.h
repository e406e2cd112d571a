// SPDX-License-Identifier: Apache-2.0
// RecoveryStore: the directory of recovery files (unsaved work written by the
// Autosaver). Each document writes <id>.recovery.json and holds <id>.lock
// while it lives; after a crash the lock is stale and the entry is offered
// back at the next start. Files are private to the user (0600, directory
// 0700) and written atomically. GUI thread only.
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <string>

class QLockFile;

namespace pc {

class RecoveryStore final {
public:
    struct Entry {
        QString id;
        QString originalPath; // empty for an untitled document
        QDateTime savedAt;
        std::string policyText;
    };

    explicit RecoveryStore(QString directory);
    ~RecoveryStore();
    RecoveryStore(const RecoveryStore&) = delete;
    RecoveryStore& operator=(const RecoveryStore&) = delete;

    [[nodiscard]] const QString& directory() const { return m_directory; }

    // Claims `id` for this process (its lock file) until release().
    [[nodiscard]] bool claim(const QString& id);
    void release(const QString& id);

    // Writes the entry; returns why it failed, or nullopt.
    [[nodiscard]] std::optional<QString> write(const Entry& entry);
    void remove(const QString& id);

    // Entries whose owner is gone (a crash), newest first. Claims each one it
    // returns, so that a second instance does not offer it too.
    [[nodiscard]] QList<Entry> claimOrphans();

    [[nodiscard]] QString filePath(const QString& id) const;

private:
    [[nodiscard]] QString lockPath(const QString& id) const;
    [[nodiscard]] std::optional<Entry> read(const QString& path) const;
    [[nodiscard]] bool ensureDirectory() const;

    QString m_directory;
    std::vector<std::pair<QString, std::unique_ptr<QLockFile>>> m_locks;
};

} // namespace pc
