// SPDX-License-Identifier: Apache-2.0
// Small building blocks the section editors share: explanatory labels, group
// boxes, scrolling pages and string-list editors over a policy list.
#pragma once

#include "models/StringListModel.h"
#include "support/SettingHelp.h"
#include "support/Text.h"
#include "widgets/TableEditor.h"

#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>

#include <string>

namespace pc {

// A paragraph of help text in the placeholder colour.
QLabel* makeHelpLabel(const QString& text, QWidget* parent);
QGroupBox* makeGroup(const QString& title, const QString& objectName, QWidget* parent);
// Wraps `content` so a long form scrolls instead of squeezing.
QScrollArea* makeScrollPage(QWidget* content, QWidget* parent);
// A label for a form row that shows the setting's tooltip too.
QLabel* makeFieldLabel(const QString& text, const std::string& genericPath, QWidget* parent);

// A TableEditor over the std::vector<std::string> that `access` reaches
// (a generic lambda returning a pointer, nullptr while absent).
template <class Access>
TableEditor* makeStringListEditor(PolicyDocument* document, QWidget* parent, const QString& noun,
                                  const std::string& path, Access access, const QString& placeholder,
                                  const QString& objectName, StringListModel::Checker checker = {})
{
    auto* model = new StringListModel(document, noun, parent);
    model->setObjectName(objectName + QStringLiteral("Model"));
    model->setSource(path, access);
    model->setHeaderTitle(SettingHelp::title(policypath::generic(path)));
    if (checker) {
        model->setChecker(checker);
    }
    auto* editor = new TableEditor(model, TableEditor::Options{false, true, placeholder}, parent);
    editor->setObjectName(objectName);
    editor->setProperty("policyPath", toQ(policypath::generic(path)));
    editor->setToolTip(SettingHelp::tooltip(policypath::generic(path)));
    editor->setInserter([model](int row, const QString& text) { return model->insertValue(row, toStd(text)); });
    if (checker) {
        editor->setAddChecker([checker](const QString& text) { return checker(toStd(text)); });
    }
    return editor;
}

} // namespace pc
