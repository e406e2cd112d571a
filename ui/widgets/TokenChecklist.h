// SPDX-License-Identifier: Apache-2.0
// TokenChecklist: a short list of well-known tokens (HTTP methods, JWT
// algorithms) as check boxes in a flowing row, plus any other token the
// policy already holds. Checked tokens keep the order of the known list.
#pragma once

#include <QWidget>

#include <string>
#include <vector>

class QCheckBox;
class QHBoxLayout;

namespace pc {

class TokenChecklist final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenChecklist)

public:
    explicit TokenChecklist(QStringList known, QWidget* parent = nullptr);
    ~TokenChecklist() override;

    // Replaces the well-known tokens (names defined elsewhere in the policy), keeping the checked state.
    void setKnown(const QStringList& known);
    void setTokens(const std::vector<std::string>& tokens);
    [[nodiscard]] std::vector<std::string> tokens() const;
    // The check box of one token, for tooltips and tests; nullptr when unknown.
    [[nodiscard]] QCheckBox* box(const QString& token) const;

Q_SIGNALS:
    void edited(const std::vector<std::string>& tokens);

private:
    QCheckBox* addBox(const QString& token);

    QStringList m_known;
    QHBoxLayout* m_layout;
    std::vector<QCheckBox*> m_boxes;
};

} // namespace pc
