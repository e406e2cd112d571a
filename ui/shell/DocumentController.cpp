// SPDX-License-Identifier: Apache-2.0
#include "shell/DocumentController.h"

#include "document/Autosaver.h"
#include "document/PolicyDocument.h"
#include "document/PolicyStore.h"
#include "document/RecoveryStore.h"
#include "support/FileDialog.h"
#include "support/MessageBox.h"
#include "support/Settings.h"
#include "support/Text.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace pc {
namespace {

QString errorText(const Errors& errors)
{
    QStringList lines;
    for (const Error& e : errors) {
        lines << toQ(e.toString());
    }
    return lines.join(u'\n');
}

} // namespace

DocumentController::DocumentController(PolicyDocument* document, const PolicyStore& store, Settings& settings,
                                       RecoveryStore& recovery, QWidget* window)
    : QObject(window), m_document(document), m_store(store), m_settings(settings), m_recovery(recovery),
      m_window(window), m_autosaver(new Autosaver(document, store, recovery, settings, this))
{
}

DocumentController::~DocumentController() = default;

bool DocumentController::maybeSave()
{
    if (!m_document->isModified()) {
        return true;
    }
    const auto answer = MessageBox::question(
        m_window, tr("Unsaved changes"),
        tr("%1 has changes that are not saved. Save them first?").arg(m_document->displayName()),
        MessageBox::Buttons(MessageBox::Button::Save | MessageBox::Button::Discard | MessageBox::Button::Cancel),
        MessageBox::Button::Save);
    if (answer == MessageBox::Button::Save) {
        return save();
    }
    if (answer == MessageBox::Button::Discard) {
        m_autosaver->discard();
        return true;
    }
    return false;
}

bool DocumentController::newDocument(const QString& preset)
{
    if (!maybeSave()) {
        return false;
    }
    Policy policy;
    if (!preset.isEmpty()) {
        Result<Policy> loaded = m_store.preset(preset);
        if (!loaded) {
            MessageBox::warning(m_window, tr("Preset"), tr("The preset %1 does not load.").arg(preset),
                                MessageBox::Buttons(MessageBox::Button::Ok), MessageBox::Button::Ok,
                                errorText(loaded.errors()));
            return false;
        }
        policy = std::move(loaded).value();
    }
    m_autosaver->discard();
    m_document->reset(std::move(policy), {});
    Q_EMIT statusMessage(preset.isEmpty() ? tr("New policy") : tr("New policy from the preset %1").arg(preset));
    return true;
}

bool DocumentController::openWithDialog()
{
    if (!maybeSave()) {
        return false;
    }
    const QString path = FileDialog::openFileName(m_window, m_settings, tr("Open policy"), FileDialog::policyFilter());
    return !path.isEmpty() && loadInto(path);
}

bool DocumentController::open(const QString& path)
{
    if (QFileInfo(path).absoluteFilePath() == m_document->filePath() && !m_document->isModified()) {
        return true;
    }
    return maybeSave() && loadInto(path);
}

bool DocumentController::loadInto(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    Result<Policy> result = m_store.load(absolute);
    if (!result) {
        // The document stays as it was; the file is remembered so that it is
        // never overwritten without a question.
        m_failedPaths.insert(absolute);
        Q_EMIT loadFailed(absolute, result.errors());
        Q_EMIT statusMessage(
            tr("%1 did not load: %2")
                .arg(QFileInfo(absolute).fileName(),
                     result.errors().size() == 1 ? tr("1 problem") : tr("%1 problems").arg(result.errors().size())));
        return false;
    }
    m_failedPaths.remove(absolute);
    m_autosaver->discard();
    m_document->reset(std::move(result).value(), absolute);
    m_settings.addRecentFile(absolute);
    Q_EMIT recentFilesChanged();
    Q_EMIT loaded(absolute);
    Q_EMIT statusMessage(tr("Opened %1").arg(QDir::toNativeSeparators(absolute)));
    return true;
}

bool DocumentController::save()
{
    if (m_document->isUntitled()) {
        return saveAs();
    }
    return saveTo(m_document->filePath());
}

bool DocumentController::saveAs()
{
    const QString suggested = m_document->isUntitled() ? QStringLiteral("policy.json") : m_document->filePath();
    const QString path =
        FileDialog::saveFileName(m_window, m_settings, tr("Save policy as"), FileDialog::policyFilter(), suggested);
    return !path.isEmpty() && saveTo(QFileInfo(path).absoluteFilePath());
}

bool DocumentController::saveTo(const QString& path)
{
    if (m_failedPaths.contains(path) &&
        MessageBox::warning(m_window, tr("Overwrite a file that did not load?"),
                            tr("%1 did not load when it was opened, so this policy is not its contents. Saving "
                               "replaces the file and whatever it held.")
                                .arg(QDir::toNativeSeparators(path)),
                            MessageBox::Buttons(MessageBox::Button::Save | MessageBox::Button::Cancel),
                            MessageBox::Button::Cancel) != MessageBox::Button::Save) {
        return false;
    }
    const Status saved = m_store.save(m_document->policy(), path);
    if (!saved) {
        MessageBox::warning(m_window, tr("Save failed"),
                            tr("%1 was not saved; the file on disk is unchanged and your changes are still here.")
                                .arg(QDir::toNativeSeparators(path)),
                            MessageBox::Buttons(MessageBox::Button::Ok), MessageBox::Button::Ok,
                            errorText(saved.errors()));
        return false;
    }
    m_failedPaths.remove(path);
    m_document->markSaved(path);
    m_settings.addRecentFile(path);
    Q_EMIT recentFilesChanged();
    Q_EMIT statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool DocumentController::revert()
{
    if (m_document->isUntitled()) {
        return false;
    }
    if (m_document->isModified() &&
        MessageBox::question(m_window, tr("Revert"),
                             tr("Throw away the changes since %1 was last saved?").arg(m_document->displayName()),
                             MessageBox::Buttons(MessageBox::Button::Discard | MessageBox::Button::Cancel),
                             MessageBox::Button::Cancel) != MessageBox::Button::Discard) {
        return false;
    }
    return loadInto(m_document->filePath());
}

void DocumentController::closeCleanly()
{
    m_autosaver->discard();
}

bool DocumentController::offerRecovery()
{
    const QList<RecoveryStore::Entry> orphans = m_recovery.claimOrphans();
    bool restored = false;
    for (const RecoveryStore::Entry& entry : orphans) {
        const QString name =
            entry.originalPath.isEmpty() ? tr("an untitled policy") : QDir::toNativeSeparators(entry.originalPath);
        if (restored) {
            // One window holds one document; the rest wait for the next start.
            m_recovery.release(entry.id);
            continue;
        }
        const auto answer = MessageBox::question(
            m_window, tr("Restore unsaved work"),
            tr("Portcullis did not close normally. Restore the unsaved changes to %1 from %2?")
                .arg(name, QLocale().toString(entry.savedAt.toLocalTime(), QLocale::ShortFormat)),
            MessageBox::Buttons(MessageBox::Button::Yes | MessageBox::Button::Discard | MessageBox::Button::Cancel),
            MessageBox::Button::Yes);
        if (answer == MessageBox::Button::Yes) {
            Result<Policy> policy = m_store.loadText(entry.policyText, name);
            if (!policy) {
                MessageBox::warning(m_window, tr("Restore unsaved work"),
                                    tr("The recovered copy of %1 does not load; it is kept in %2.")
                                        .arg(name, QDir::toNativeSeparators(m_recovery.filePath(entry.id))),
                                    MessageBox::Buttons(MessageBox::Button::Ok), MessageBox::Button::Ok,
                                    errorText(policy.errors()));
                m_recovery.release(entry.id);
                continue;
            }
            m_document->restore(std::move(policy).value(), entry.originalPath);
            // The restored work is now this document's, autosaved under its id.
            m_recovery.remove(entry.id);
            m_recovery.release(entry.id);
            m_autosaver->saveNow();
            restored = true;
            Q_EMIT statusMessage(tr("Restored unsaved changes to %1").arg(name));
        } else if (answer == MessageBox::Button::Discard) {
            m_recovery.remove(entry.id);
            m_recovery.release(entry.id);
        } else {
            m_recovery.release(entry.id);
        }
    }
    return restored;
}

} // namespace pc
