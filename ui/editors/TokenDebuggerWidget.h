// SPDX-License-Identifier: Apache-2.0
// TokenDebuggerWidget: paste a JWT to see its header and claims (decoded
// without trust) and whether this policy's verifier accepts it, with every
// reason when it does not; or issue a test token with the policy's own keys.
// Keys are resolved through the policy's secret references (never shown).
// The token is never logged.
#pragma once

#include <QWidget>

class QCheckBox;
class QDateTimeEdit;
class QLineEdit;
class QPlainTextEdit;

namespace pc {

class MessageLabel;
class PolicyDocument;

class TokenDebuggerWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenDebuggerWidget)

public:
    explicit TokenDebuggerWidget(PolicyDocument* document, QWidget* parent = nullptr);
    ~TokenDebuggerWidget() override;

    void setToken(const QString& token);
    [[nodiscard]] QString verdict() const;
    // Mints an access (or refresh) token with the policy's keys into the token box.
    bool issue(bool refresh);

private:
    void refresh();
    [[nodiscard]] QString baseDirectory() const;

    PolicyDocument* m_document;
    QPlainTextEdit* m_token;
    QPlainTextEdit* m_header;
    QPlainTextEdit* m_claims;
    MessageLabel* m_verdict;
    QCheckBox* m_useNow;
    QDateTimeEdit* m_at;
    QLineEdit* m_extraClaims;
    MessageLabel* m_issueMessage;
};

} // namespace pc
