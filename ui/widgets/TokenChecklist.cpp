// SPDX-License-Identifier: Apache-2.0
#include "widgets/TokenChecklist.h"

#include "support/Text.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QSignalBlocker>

#include <algorithm>

namespace pc {

TokenChecklist::TokenChecklist(QStringList known, QWidget* parent)
    : QWidget(parent), m_known(std::move(known)), m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    for (const QString& token : m_known) {
        addBox(token);
    }
    m_layout->addStretch(1);
}

TokenChecklist::~TokenChecklist() = default;

QCheckBox* TokenChecklist::addBox(const QString& token)
{
    auto* box = new QCheckBox(token, this);
    box->setObjectName(token + QStringLiteral("CheckBox"));
    connect(box, &QCheckBox::toggled, this, [this] { Q_EMIT edited(tokens()); });
    m_layout->insertWidget(static_cast<int>(m_boxes.size()), box);
    m_boxes.push_back(box);
    return box;
}

QCheckBox* TokenChecklist::box(const QString& token) const
{
    auto it = std::find_if(m_boxes.begin(), m_boxes.end(), [&token](QCheckBox* b) { return b->text() == token; });
    return it == m_boxes.end() ? nullptr : *it;
}

void TokenChecklist::setKnown(const QStringList& known)
{
    if (known == m_known) {
        return;
    }
    const std::vector<std::string> checked = tokens();
    for (QCheckBox* b : m_boxes) {
        delete b;
    }
    m_boxes.clear();
    m_known = known;
    for (const QString& token : m_known) {
        addBox(token);
    }
    setTokens(checked);
}

void TokenChecklist::setTokens(const std::vector<std::string>& tokens)
{
    for (const std::string& token : tokens) {
        if (box(toQ(token)) == nullptr) {
            addBox(toQ(token));
        }
    }
    for (QCheckBox* b : m_boxes) {
        const QSignalBlocker blocker(b);
        b->setChecked(std::find(tokens.begin(), tokens.end(), toStd(b->text())) != tokens.end());
    }
}

std::vector<std::string> TokenChecklist::tokens() const
{
    std::vector<std::string> out;
    for (QCheckBox* b : m_boxes) {
        if (b->isChecked()) {
            out.push_back(toStd(b->text()));
        }
    }
    return out;
}

} // namespace pc
