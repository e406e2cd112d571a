// SPDX-License-Identifier: Apache-2.0
// OverviewEditor: the policy's name, description and environment, what it
// contains at a glance, and the problems found so far, each leading to the
// section that can fix it.
#pragma once

#include "editors/Section.h"
#include "widgets/FormBinder.h"

#include <QWidget>

#include <memory>

class QLabel;
class QListWidget;

namespace pc {

class OverviewEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewEditor)

public:
    explicit OverviewEditor(PolicyDocument* document, QWidget* parent = nullptr);
    ~OverviewEditor() override;

    // The section a JSON pointer of the policy file belongs to.
    [[nodiscard]] static Section sectionForPointer(const std::string& pointer);
    [[nodiscard]] int issueCount() const;

Q_SIGNALS:
    void navigateRequested(pc::Section section);

private:
    void refresh();

    PolicyDocument* m_document;
    std::unique_ptr<FormBinder<Policy>> m_binder;
    QLabel* m_summary;
    QListWidget* m_issues;
    int m_issueCount = 0;
};

} // namespace pc
