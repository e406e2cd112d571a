// SPDX-License-Identifier: Apache-2.0
#include "widgets/MessageLabel.h"

#include <QEvent>

namespace pc {

MessageLabel::MessageLabel(QWidget* parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setVisible(false);
}

MessageLabel::~MessageLabel() = default;

void MessageLabel::setMessage(const QString& message, Severity severity)
{
    m_severity = severity;
    setText(message);
    applyColour();
    setVisible(!message.isEmpty());
}

void MessageLabel::changeEvent(QEvent* event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) {
        applyColour();
    }
}

void MessageLabel::applyColour()
{
    QPalette p = palette();
    const QColor colour = Theme::messageColor(p, m_severity);
    if (p.color(QPalette::WindowText) != colour) {
        p.setColor(QPalette::WindowText, colour);
        setPalette(p);
    }
}

} // namespace pc
