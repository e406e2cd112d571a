// SPDX-License-Identifier: Apache-2.0
#include "widgets/IssuesLabel.h"

#include "document/PolicyDocument.h"
#include "support/Text.h"

namespace pc {

IssuesLabel::IssuesLabel(PolicyDocument* document, std::vector<std::string> pointers, QWidget* parent)
    : MessageLabel(parent), m_document(document), m_pointers(std::move(pointers))
{
    setObjectName(QStringLiteral("issuesLabel"));
    connect(document, &PolicyDocument::diagnosticsChanged, this, &IssuesLabel::refresh);
    refresh();
}

IssuesLabel::~IssuesLabel() = default;

void IssuesLabel::refresh()
{
    QStringList lines;
    for (const std::string& pointer : m_pointers) {
        for (const Error& e : m_document->diagnosticsAt(pointer)) {
            lines << toQ(e.toString());
        }
    }
    setMessage(lines.join(u'\n'), Severity::Error);
}

} // namespace pc
