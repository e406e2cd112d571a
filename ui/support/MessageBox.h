// SPDX-License-Identifier: Apache-2.0
// MessageBox: every question the workbench asks goes through here, so that a
// test can answer it without a modal loop (after KeePassXC's gui/MessageBox.h):
// setNextAnswer() makes the next call return at once. GUI thread only.
#pragma once

#include <QMessageBox>
#include <QString>

namespace pc {

class MessageBox final {
public:
    using Button = QMessageBox::StandardButton;
    using Buttons = QMessageBox::StandardButtons;

    static Button question(QWidget* parent, const QString& title, const QString& text, Buttons buttons,
                           Button defaultButton, const QString& details = {});
    static Button warning(QWidget* parent, const QString& title, const QString& text, Buttons buttons,
                          Button defaultButton, const QString& details = {});
    static void information(QWidget* parent, const QString& title, const QString& text);

    // Test seam: the next dialog is not shown and returns `answer`.
    static void setNextAnswer(Button answer);
    // Test seam: the text of the last dialog asked (shown or answered).
    static QString lastText();

private:
    static Button ask(QWidget* parent, QMessageBox::Icon icon, const QString& title, const QString& text,
                      Buttons buttons, Button defaultButton, const QString& details);
};

} // namespace pc
