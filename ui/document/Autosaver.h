// SPDX-License-Identifier: Apache-2.0
// Autosaver: keeps a recovery copy of a modified document. After each edit it
// waits for a quiet moment (Settings::autosaveDelayMs), but never longer than
// kMaxWaitMs while edits keep coming, then writes the recovery file; a saved
// or discarded document removes it. A crash leaves it behind for the next
// start (RecoveryStore::claimOrphans). GUI thread only.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

namespace pc {

class PolicyDocument;
class PolicyStore;
class RecoveryStore;
class Settings;

class Autosaver final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Autosaver)

public:
    static constexpr int kMaxWaitMs = 30'000;

    Autosaver(PolicyDocument* document, const PolicyStore& store, RecoveryStore& recovery, Settings& settings,
              QObject* parent = nullptr);
    // Keeps the recovery file: only discard() (a clean close) removes it.
    ~Autosaver() override;

    [[nodiscard]] const QString& id() const { return m_id; }
    [[nodiscard]] QDateTime lastAutosave() const { return m_lastAutosave; }
    [[nodiscard]] bool isPending() const { return m_quiet.isActive(); }

    // Writes the recovery file now when the document has unsaved changes.
    void saveNow();
    // The document was saved or its changes thrown away: no recovery needed.
    void discard();

Q_SIGNALS:
    void autosaved(const QDateTime& when);
    void failed(const QString& reason);

private:
    void onEdited();

    PolicyDocument* m_document;
    const PolicyStore& m_store;
    RecoveryStore& m_recovery;
    Settings& m_settings;
    QString m_id;
    QTimer m_quiet;
    QTimer m_deadline;
    QDateTime m_lastAutosave;
    bool m_written = false;
};

} // namespace pc
