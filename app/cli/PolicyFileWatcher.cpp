// SPDX-License-Identifier: Apache-2.0
#include "PolicyFileWatcher.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace pc::cli {

PolicyFileWatcher::PolicyFileWatcher(const QString& path, std::chrono::milliseconds quietPeriod, QObject* parent)
    : QObject(parent), m_path(QFileInfo(path).absoluteFilePath())
{
    m_quiet.setSingleShot(true);
    m_quiet.setInterval(quietPeriod);
    connect(&m_quiet, &QTimer::timeout, this, &PolicyFileWatcher::settle);
    const auto poke = [this] {
        rewatch();
        m_quiet.start();
    };
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, poke);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, poke);
    m_watcher.addPath(QFileInfo(m_path).absolutePath());
    rewatch();
    m_lastHash = contentHash();
}

PolicyFileWatcher::~PolicyFileWatcher() = default;

void PolicyFileWatcher::rewatch()
{
    // After a rename-over the watcher has dropped the old inode; watch the new one.
    if (!m_watcher.files().contains(m_path) && QFile::exists(m_path)) {
        m_watcher.addPath(m_path);
    }
}

QByteArray PolicyFileWatcher::contentHash() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

void PolicyFileWatcher::settle()
{
    rewatch();
    const QByteArray hash = contentHash();
    if (hash.isEmpty() || hash == m_lastHash) {
        return; // gone for the moment (mid-save), or the same bytes written again
    }
    m_lastHash = hash;
    Q_EMIT changed();
}

} // namespace pc::cli
