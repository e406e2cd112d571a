// SPDX-License-Identifier: Apache-2.0
// JwtSettingsWidget: how bearer tokens are verified and issued — algorithm
// allow-list, keys, issuer, audience, lifetimes, leeway and the checks
// RFC 8725 recommends.
#pragma once

#include "widgets/FormBinder.h"

#include <QWidget>

#include <memory>

namespace pc {

class JwtSettingsWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JwtSettingsWidget)

public:
    explicit JwtSettingsWidget(PolicyDocument* document, QWidget* parent = nullptr);
    ~JwtSettingsWidget() override;

    // RFC 7518 §3.1 and RFC 8037: the alg values the verifier knows.
    [[nodiscard]] static QStringList knownAlgorithms();

private:
    PolicyDocument* m_document;
    std::unique_ptr<FormBinder<AuthPolicy>> m_auth;
    std::unique_ptr<FormBinder<JwtSettings>> m_jwt;
    QWidget* m_body;
};

} // namespace pc
