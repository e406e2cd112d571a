// SPDX-License-Identifier: Apache-2.0
// MessageLabel: an inline message under a field, coloured by severity from the
// active palette (readable on light and dark themes), hidden when empty.
#pragma once

#include "support/Theme.h"

#include <QLabel>

namespace pc {

class MessageLabel : public QLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageLabel)

public:
    explicit MessageLabel(QWidget* parent = nullptr);
    ~MessageLabel() override;

    void setMessage(const QString& message, Severity severity = Severity::Error);
    void clearMessage() { setMessage({}); }
    [[nodiscard]] QString message() const { return text(); }
    [[nodiscard]] Severity severity() const { return m_severity; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyColour();
    Severity m_severity = Severity::Error;
};

} // namespace pc
