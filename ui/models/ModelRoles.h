// SPDX-License-Identifier: Apache-2.0
// Item-data roles shared by the policy models and their delegates.
#pragma once

#include <Qt>

namespace pc {

enum ModelRole {
    // QStringList: the values a cell may take; ChoiceDelegate edits it with a combo box.
    ChoicesRole = Qt::UserRole + 1,
    // QString: the inline message about a cell (same wording as the CLI), empty when fine.
    MessageRole,
};

} // namespace pc
