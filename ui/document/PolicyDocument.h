// SPDX-License-Identifier: Apache-2.0
// PolicyDocument: the open policy, its undo stack and its file. The policy is
// only changed by undo commands (PolicyCommand), which announce each change
// before and after it happens; the clean state of the undo stack is the
// "modified" flag. Lives on the GUI thread; not thread-safe.
#pragma once

#include "common/Error.h"
#include "document/PolicyChange.h"
#include "policy/Policy.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

namespace pc {

class PolicyCommand;

class PolicyDocument final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyDocument)

public:
    explicit PolicyDocument(QObject* parent = nullptr);
    ~PolicyDocument() override;

    [[nodiscard]] const Policy& policy() const { return m_policy; }
    [[nodiscard]] QUndoStack* undoStack() { return &m_undoStack; }
    [[nodiscard]] const QUndoStack* undoStack() const { return &m_undoStack; }

    // The file the document is saved to; empty while untitled.
    [[nodiscard]] QString filePath() const { return m_filePath; }
    [[nodiscard]] bool isUntitled() const { return m_filePath.isEmpty(); }
    // The file name for titles, "Untitled" while untitled.
    [[nodiscard]] QString displayName() const;
    [[nodiscard]] bool isModified() const { return !m_undoStack.isClean(); }

    // Pushes an edit (runs it) onto the undo stack.
    void push(QUndoCommand* command);

    // A fresh document: `policy` read from `path` (empty for untitled), nothing to undo, clean.
    void reset(Policy policy, const QString& path);
    // Work recovered after a crash: `policy` belongs to `path` but differs from
    // it, so the document starts modified (it cannot become clean by undoing).
    void restore(Policy policy, const QString& path);
    // The document now matches the file at `path`.
    void markSaved(const QString& path);

    // Consecutive edits of one value merge into one undo step while the merge
    // session lasts; editors close it when a field loses focus.
    [[nodiscard]] quint64 mergeSession() const { return m_mergeSession; }
    void closeMergeSession() { ++m_mergeSession; }

    // What `portcullis-cli check` would report about the policy as it stands,
    // with pointers into the policy file (set by a PolicyChecker).
    [[nodiscard]] const Errors& diagnostics() const { return m_diagnostics; }
    void setDiagnostics(Errors errors);
    // The diagnostics at `pointer` or below it, in order.
    [[nodiscard]] Errors diagnosticsAt(std::string_view pointer) const;

Q_SIGNALS:
    void aboutToChange(const pc::PolicyChange& change);
    void changed(const pc::PolicyChange& change);
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& path);
    void diagnosticsChanged();

private:
    friend class PolicyCommand;
    Policy& policyForEdit() { return m_policy; }
    void setFilePath(const QString& path);

    Policy m_policy;
    QUndoStack m_undoStack;
    QString m_filePath;
    quint64 m_mergeSession = 0;
    Errors m_diagnostics;
};

} // namespace pc
