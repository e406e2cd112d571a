// SPDX-License-Identifier: Apache-2.0
// PasswordSettingsWidget: the password hashing scheme and its cost
// parameters, one page per scheme, with OWASP's floors in the tooltips.
#pragma once

#include "widgets/FormBinder.h"

#include <QWidget>

#include <memory>

class QStackedWidget;

namespace pc {

class PasswordSettingsWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasswordSettingsWidget)

public:
    explicit PasswordSettingsWidget(PolicyDocument* document, QWidget* parent = nullptr);
    ~PasswordSettingsWidget() override;

private:
    QWidget* buildBcrypt();
    QWidget* buildArgon2();
    QWidget* buildScrypt();
    QWidget* buildPbkdf2();
    void refresh();

    PolicyDocument* m_document;
    std::unique_ptr<FormBinder<AuthPolicy>> m_auth;
    std::unique_ptr<FormBinder<PasswordPolicy>> m_passwords;
    QWidget* m_body;
    QStackedWidget* m_pages;
};

} // namespace pc
