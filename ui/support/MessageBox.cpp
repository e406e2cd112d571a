// SPDX-License-Identifier: Apache-2.0
#include "support/MessageBox.h"

namespace pc {
namespace {

// The test seam's state. Only tests write it, and only the GUI thread reads it.
struct Hook {
    MessageBox::Button nextAnswer = MessageBox::Button::NoButton;
    QString lastText;
};

Hook& hook()
{
    static Hook instance;
    return instance;
}

} // namespace

MessageBox::Button MessageBox::question(QWidget* parent, const QString& title, const QString& text, Buttons buttons,
                                        Button defaultButton, const QString& details)
{
    return ask(parent, QMessageBox::Question, title, text, buttons, defaultButton, details);
}

MessageBox::Button MessageBox::warning(QWidget* parent, const QString& title, const QString& text, Buttons buttons,
                                       Button defaultButton, const QString& details)
{
    return ask(parent, QMessageBox::Warning, title, text, buttons, defaultButton, details);
}

void MessageBox::information(QWidget* parent, const QString& title, const QString& text)
{
    ask(parent, QMessageBox::Information, title, text, QMessageBox::Ok, QMessageBox::Ok, {});
}

void MessageBox::setNextAnswer(Button answer)
{
    hook().nextAnswer = answer;
}

QString MessageBox::lastText()
{
    return hook().lastText;
}

MessageBox::Button MessageBox::ask(QWidget* parent, QMessageBox::Icon icon, const QString& title, const QString& text,
                                   Buttons buttons, Button defaultButton, const QString& details)
{
    hook().lastText = text;
    if (hook().nextAnswer != Button::NoButton) {
        const Button answer = hook().nextAnswer;
        hook().nextAnswer = Button::NoButton;
        return answer;
    }
    QMessageBox box(icon, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    box.setObjectName(QStringLiteral("messageBox"));
    if (!details.isEmpty()) {
        box.setDetailedText(details);
    }
    const int result = box.exec();
    return static_cast<Button>(result);
}

} // namespace pc
