// SPDX-License-Identifier: Apache-2.0
// TokensEditor: the "Tokens & passwords" section — JWT verification and
// issuing, password hashing, the session cookie.
#pragma once

#include <QWidget>

class QTabWidget;

namespace pc {

class PolicyDocument;

class TokensEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokensEditor)

public:
    explicit TokensEditor(PolicyDocument* document, QWidget* parent = nullptr);
    ~TokensEditor() override;

    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }

private:
    QTabWidget* m_tabs;
};

} // namespace pc
