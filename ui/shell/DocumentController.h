// SPDX-License-Identifier: Apache-2.0
// DocumentController: the file life of the open document — new (from a
// preset), open, save, save as, revert, recent files, the question before
// unsaved work is replaced, and restoring work after a crash. It never
// overwrites a file that failed to load without asking, and never drops
// unsaved work without asking. GUI thread only.
#pragma once

#include "common/Error.h"

#include <QObject>
#include <QSet>
#include <QString>

class QWidget;

namespace pc {

class Autosaver;
class PolicyDocument;
class PolicyStore;
class RecoveryStore;
class Settings;

class DocumentController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentController)

public:
    DocumentController(PolicyDocument* document, const PolicyStore& store, Settings& settings, RecoveryStore& recovery,
                       QWidget* window);
    ~DocumentController() override;

    [[nodiscard]] Autosaver* autosaver() const { return m_autosaver; }

    // Each returns false when nothing happened (cancelled or failed).
    bool newDocument(const QString& preset = {});
    bool open(const QString& path);
    bool openWithDialog();
    bool save();
    bool saveAs();
    bool revert();

    // True when the document may be replaced or closed: it has no unsaved
    // changes, or the user saved or discarded them.
    bool maybeSave();
    // The window is closing for good: forget the recovery copy.
    void closeCleanly();

    // Offers to restore work left by a crashed session; returns true if restored.
    bool offerRecovery();

    [[nodiscard]] bool failedToLoad(const QString& path) const { return m_failedPaths.contains(path); }

Q_SIGNALS:
    void loadFailed(const QString& path, const pc::Errors& errors);
    void loaded(const QString& path);
    void statusMessage(const QString& message);
    void recentFilesChanged();

private:
    bool saveTo(const QString& path);
    bool loadInto(const QString& path);

    PolicyDocument* m_document;
    const PolicyStore& m_store;
    Settings& m_settings;
    RecoveryStore& m_recovery;
    QWidget* m_window;
    Autosaver* m_autosaver;
    QSet<QString> m_failedPaths;
};

} // namespace pc
