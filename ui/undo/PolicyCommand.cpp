// SPDX-License-Identifier: Apache-2.0
#include "undo/PolicyCommand.h"

#include "document/PolicyDocument.h"

namespace pc {

PolicyCommand::PolicyCommand(PolicyDocument* document, const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent), m_document(document)
{
}

PolicyCommand::~PolicyCommand() = default;

const Policy& PolicyCommand::policy() const
{
    return m_document->policy();
}

void PolicyCommand::edit(const PolicyChange& change, const std::function<void(Policy&)>& mutate)
{
    Q_EMIT m_document->aboutToChange(change);
    mutate(m_document->policyForEdit());
    Q_EMIT m_document->changed(change);
}

} // namespace pc
