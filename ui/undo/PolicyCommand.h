// SPDX-License-Identifier: Apache-2.0
// PolicyCommand: the base of every undoable edit of a PolicyDocument. A
// derived command changes the policy only inside edit(), which announces the
// change to the document's views before and after it happens.
#pragma once

#include "document/PolicyChange.h"

#include <QUndoCommand>

#include <functional>

namespace pc {

class PolicyDocument;
struct Policy;

class PolicyCommand : public QUndoCommand {
public:
    PolicyCommand(PolicyDocument* document, const QString& text, QUndoCommand* parent = nullptr);
    Q_DISABLE_COPY_MOVE(PolicyCommand)
    ~PolicyCommand() override;

    // Stable ids for QUndoCommand::id(), so that like edits can merge.
    enum MergeId { ChangeValueId = 1000 };

protected:
    [[nodiscard]] PolicyDocument* document() const { return m_document; }
    [[nodiscard]] const Policy& policy() const;
    // Runs `mutate` on the policy between the document's aboutToChange and changed signals.
    void edit(const PolicyChange& change, const std::function<void(Policy&)>& mutate);

private:
    PolicyDocument* m_document;
};

} // namespace pc
