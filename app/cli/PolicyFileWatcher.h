// SPDX-License-Identifier: Apache-2.0
// PolicyFileWatcher: tells `serve` when the policy file has new content.
// Editors save in place or write a temporary file and rename it over the
// original, which makes QFileSystemWatcher forget the path; this watches the
// folder too and picks the file up again. A burst of writes becomes one
// changed() after a quiet period, and only when the content differs from the
// last one reported (SHA-256). Lives on the thread that created it.
#pragma once

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>

namespace pc::cli {

class PolicyFileWatcher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyFileWatcher)

public:
    explicit PolicyFileWatcher(const QString& path,
                               std::chrono::milliseconds quietPeriod = std::chrono::milliseconds(200),
                               QObject* parent = nullptr);
    ~PolicyFileWatcher() override;

    [[nodiscard]] QString path() const { return m_path; }

Q_SIGNALS:
    void changed();

private:
    void rewatch();
    void settle();
    [[nodiscard]] QByteArray contentHash() const;

    QString m_path;
    QFileSystemWatcher m_watcher;
    QTimer m_quiet;
    QByteArray m_lastHash;
};

} // namespace pc::cli
