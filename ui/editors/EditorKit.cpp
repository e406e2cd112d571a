// SPDX-License-Identifier: Apache-2.0
#include "editors/EditorKit.h"

#include <QScrollArea>

namespace pc {

QLabel* makeHelpLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QGroupBox* makeGroup(const QString& title, const QString& objectName, QWidget* parent)
{
    auto* group = new QGroupBox(title, parent);
    group->setObjectName(objectName);
    return group;
}

QScrollArea* makeScrollPage(QWidget* content, QWidget* parent)
{
    auto* scroll = new QScrollArea(parent);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
}

QLabel* makeFieldLabel(const QString& text, const std::string& genericPath, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setToolTip(SettingHelp::tooltip(genericPath));
    return label;
}

} // namespace pc
