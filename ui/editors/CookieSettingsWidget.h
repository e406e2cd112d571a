// SPDX-License-Identifier: Apache-2.0
// CookieSettingsWidget: the session cookie's attributes (RFC 6265bis) and the
// API key header.
#pragma once

#include "widgets/FormBinder.h"

#include <QWidget>

#include <memory>

namespace pc {

class CookieSettingsWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CookieSettingsWidget)

public:
    explicit CookieSettingsWidget(PolicyDocument* document, QWidget* parent = nullptr);
    ~CookieSettingsWidget() override;

private:
    PolicyDocument* m_document;
    std::unique_ptr<FormBinder<AuthPolicy>> m_auth;
    std::unique_ptr<FormBinder<CookiePolicy>> m_cookie;
};

} // namespace pc
