// SPDX-License-Identifier: Apache-2.0
// PermissionsBuilderWidget: the structured Permissions-Policy, one feature
// per row with its allowlist, and the Structured Field value it renders.
#pragma once

#include "widgets/FormBinder.h"

#include <QWidget>

#include <memory>

class QLabel;

namespace pc {

class PermissionsBuilderWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PermissionsBuilderWidget)

public:
    explicit PermissionsBuilderWidget(PolicyDocument* document, QWidget* parent = nullptr);
    ~PermissionsBuilderWidget() override;

private:
    void refresh();

    PolicyDocument* m_document;
    std::unique_ptr<FormBinder<HeaderPolicy>> m_headers;
    QWidget* m_body;
    QLabel* m_rendered;
};

} // namespace pc
