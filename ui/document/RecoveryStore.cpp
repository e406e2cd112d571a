// SPDX-License-Identifier: Apache-2.0
#include "document/RecoveryStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>

#include <algorithm>

namespace pc {
namespace {

constexpr qint64 kMaxRecoveryBytes = 32 << 20; // a policy file is at most 16 MiB
const QLatin1String kSuffix(".recovery.json");

} // namespace

RecoveryStore::RecoveryStore(QString directory) : m_directory(std::move(directory))
{
}

RecoveryStore::~RecoveryStore() = default;

QString RecoveryStore::filePath(const QString& id) const
{
    return QDir(m_directory).filePath(id + kSuffix);
}

QString RecoveryStore::lockPath(const QString& id) const
{
    return QDir(m_directory).filePath(id + QStringLiteral(".lock"));
}

bool RecoveryStore::ensureDirectory() const
{
    QDir dir(m_directory);
    if (!dir.exists() && !dir.mkpath(QStringLiteral("."))) {
        return false;
    }
    QFile::setPermissions(m_directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return true;
}

bool RecoveryStore::claim(const QString& id)
{
    if (!ensureDirectory()) {
        return false;
    }
    auto lock = std::make_unique<QLockFile>(lockPath(id));
    // A lock whose process is gone is removed by tryLock(); a live one is not stolen.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        return false;
    }
    m_locks.emplace_back(id, std::move(lock));
    return true;
}

void RecoveryStore::release(const QString& id)
{
    m_locks.erase(std::remove_if(m_locks.begin(), m_locks.end(), [&id](const auto& l) { return l.first == id; }),
                  m_locks.end());
}

std::optional<QString> RecoveryStore::write(const Entry& entry)
{
    if (!ensureDirectory()) {
        return QSaveFile::tr("Cannot create the recovery folder %1.").arg(QDir::toNativeSeparators(m_directory));
    }
    QJsonObject object;
    object.insert(QStringLiteral("original"), entry.originalPath);
    object.insert(QStringLiteral("saved_at"), entry.savedAt.toUTC().toString(Qt::ISODateWithMs));
    object.insert(QStringLiteral("policy"), QString::fromStdString(entry.policyText));
    QSaveFile file(filePath(entry.id));
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return QSaveFile::tr("Cannot write the recovery file %1: %2")
            .arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
    }
    file.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        return QSaveFile::tr("Cannot write the recovery file %1: %2")
            .arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
    }
    return std::nullopt;
}

void RecoveryStore::remove(const QString& id)
{
    QFile::remove(filePath(id));
}

std::optional<RecoveryStore::Entry> RecoveryStore::read(const QString& path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxRecoveryBytes) {
        return std::nullopt;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    if (!doc.isObject()) {
        return std::nullopt;
    }
    const QJsonObject object = doc.object();
    Entry entry;
    const QString name = QFileInfo(path).fileName();
    entry.id = name.left(name.size() - kSuffix.size());
    entry.originalPath = object.value(QStringLiteral("original")).toString();
    entry.savedAt = QDateTime::fromString(object.value(QStringLiteral("saved_at")).toString(), Qt::ISODateWithMs);
    entry.policyText = object.value(QStringLiteral("policy")).toString().toStdString();
    if (entry.policyText.empty()) {
        return std::nullopt;
    }
    return entry;
}

QList<RecoveryStore::Entry> RecoveryStore::claimOrphans()
{
    QList<Entry> entries;
    const QDir dir(m_directory);
    for (const QString& name : dir.entryList({QStringLiteral("*") + kSuffix}, QDir::Files)) {
        const QString id = name.left(name.size() - kSuffix.size());
        if (std::any_of(m_locks.begin(), m_locks.end(), [&id](const auto& l) { return l.first == id; })) {
            continue; // ours
        }
        auto entry = read(dir.filePath(name));
        if (!entry || !claim(id)) {
            continue; // unreadable, or another instance is still editing it
        }
        entries << *entry;
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.savedAt > b.savedAt; });
    return entries;
}

} // namespace pc
