// SPDX-License-Identifier: Apache-2.0
#include "document/Autosaver.h"

#include "document/PolicyDocument.h"
#include "document/PolicyStore.h"
#include "document/RecoveryStore.h"
#include "support/Settings.h"

#include <QUuid>

namespace pc {

Autosaver::Autosaver(PolicyDocument* document, const PolicyStore& store, RecoveryStore& recovery, Settings& settings,
                     QObject* parent)
    : QObject(parent), m_document(document), m_store(store), m_recovery(recovery), m_settings(settings),
      m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    (void)m_recovery.claim(m_id);
    m_quiet.setSingleShot(true);
    m_deadline.setSingleShot(true);
    connect(&m_quiet, &QTimer::timeout, this, &Autosaver::saveNow);
    connect(&m_deadline, &QTimer::timeout, this, &Autosaver::saveNow);
    connect(document, &PolicyDocument::changed, this, &Autosaver::onEdited);
    connect(document, &PolicyDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified) {
            discard();
        } else {
            onEdited();
        }
    });
}

Autosaver::~Autosaver()
{
    m_recovery.release(m_id);
}

void Autosaver::onEdited()
{
    if (!m_settings.autosaveEnabled() || !m_document->isModified()) {
        return;
    }
    m_quiet.start(m_settings.autosaveDelayMs());
    if (!m_deadline.isActive()) {
        m_deadline.start(std::max(kMaxWaitMs, m_settings.autosaveDelayMs()));
    }
}

void Autosaver::saveNow()
{
    m_quiet.stop();
    m_deadline.stop();
    if (!m_document->isModified()) {
        return;
    }
    RecoveryStore::Entry entry;
    entry.id = m_id;
    entry.originalPath = m_document->filePath();
    entry.savedAt = QDateTime::currentDateTimeUtc();
    entry.policyText = m_store.toText(m_document->policy());
    if (auto error = m_recovery.write(entry)) {
        Q_EMIT failed(*error);
        return;
    }
    m_written = true;
    m_lastAutosave = entry.savedAt;
    Q_EMIT autosaved(m_lastAutosave);
}

void Autosaver::discard()
{
    m_quiet.stop();
    m_deadline.stop();
    if (m_written) {
        m_recovery.remove(m_id);
        m_written = false;
    }
}

} // namespace pc
