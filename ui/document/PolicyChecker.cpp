// SPDX-License-Identifier: Apache-2.0
#include "document/PolicyChecker.h"

#include "document/PolicyDocument.h"
#include "document/PolicyStore.h"
#include "engine/CompiledPolicy.h"

#include <QFileInfo>

namespace pc {

PolicyChecker::PolicyChecker(PolicyDocument* document, const PolicyStore& store, QObject* parent)
    : QObject(parent), m_document(document), m_store(store)
{
    m_quiet.setSingleShot(true);
    m_quiet.setInterval(kQuietMs);
    connect(&m_quiet, &QTimer::timeout, this, &PolicyChecker::checkNow);
    connect(document, &PolicyDocument::changed, this, [this](const PolicyChange& change) {
        if (change.kind == PolicyChange::Kind::Reset) {
            checkNow();
        } else {
            m_quiet.start();
        }
    });
    checkNow();
}

PolicyChecker::~PolicyChecker() = default;

void PolicyChecker::checkNow()
{
    m_quiet.stop();
    // No display name: the messages carry the pointer, not lines of a text
    // the user never saw.
    Result<Policy> reread = m_store.loadText(m_store.toText(m_document->policy()), QString());
    if (!reread) {
        m_document->setDiagnostics(reread.errors());
        return;
    }
    CompileOptions options;
    options.requireSecrets = false;
    if (!m_document->isUntitled()) {
        options.baseDir = QFileInfo(m_document->filePath()).absolutePath().toStdString();
    }
    auto compiled = CompiledPolicy::compile(reread.value(), options);
    m_document->setDiagnostics(compiled ? Errors{} : compiled.errors());
}

} // namespace pc
