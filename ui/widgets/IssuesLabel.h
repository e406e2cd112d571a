// SPDX-License-Identifier: Apache-2.0
// IssuesLabel: the document's diagnostics under some parts of the policy
// file ("/cors"), one per line as `portcullis-cli check` prints them
// (pointer: message (hint)); hidden while there are none.
#pragma once

#include "widgets/MessageLabel.h"

#include <string>
#include <vector>

namespace pc {

class PolicyDocument;

class IssuesLabel final : public MessageLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IssuesLabel)

public:
    IssuesLabel(PolicyDocument* document, std::vector<std::string> pointers, QWidget* parent = nullptr);
    ~IssuesLabel() override;

private:
    void refresh();

    PolicyDocument* m_document;
    std::vector<std::string> m_pointers;
};

} // namespace pc
