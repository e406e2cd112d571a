// SPDX-License-Identifier: Apache-2.0
#include "document/PolicyDocument.h"

#include <QFileInfo>

namespace pc {

PolicyDocument::PolicyDocument(QObject* parent) : QObject(parent)
{
    connect(&m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

PolicyDocument::~PolicyDocument()
{
    // The stack clears itself on destruction and would report the document
    // as clean to views that are already half destroyed (and to the
    // Autosaver, which would then delete the recovery copy).
    m_undoStack.blockSignals(true);
}

QString PolicyDocument::displayName() const
{
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

void PolicyDocument::push(QUndoCommand* command)
{
    m_undoStack.push(command);
}

void PolicyDocument::reset(Policy policy, const QString& path)
{
    m_undoStack.clear(); // signals cleanChanged(true) when it was modified
    const PolicyChange change{PolicyChange::Kind::Reset, {}, -1, -1};
    Q_EMIT aboutToChange(change);
    m_policy = std::move(policy);
    Q_EMIT changed(change);
    setFilePath(path);
    m_undoStack.setClean();
}

void PolicyDocument::restore(Policy policy, const QString& path)
{
    reset(std::move(policy), path);
    // No state of this stack equals the file any more; Save makes it clean
    // again. resetClean() signals cleanChanged(false).
    m_undoStack.resetClean();
}

void PolicyDocument::markSaved(const QString& path)
{
    setFilePath(path);
    closeMergeSession();
    m_undoStack.setClean();
}

void PolicyDocument::setFilePath(const QString& path)
{
    if (path != m_filePath) {
        m_filePath = path;
        Q_EMIT filePathChanged(path);
    }
}

} // namespace pc

namespace pc {

void PolicyDocument::setDiagnostics(Errors errors)
{
    if (errors != m_diagnostics) {
        m_diagnostics = std::move(errors);
        Q_EMIT diagnosticsChanged();
    }
}

Errors PolicyDocument::diagnosticsAt(std::string_view pointer) const
{
    Errors out;
    for (const Error& e : m_diagnostics) {
        if (policypath::isWithin(e.pointer, pointer)) {
            out.push_back(e);
        }
    }
    return out;
}

} // namespace pc
