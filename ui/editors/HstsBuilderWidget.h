// SPDX-License-Identifier: Apache-2.0
// HstsBuilderWidget: Strict-Transport-Security (RFC 6797) from its three
// parts, with the value it renders and the usual max-age choices.
#pragma once

#include "widgets/FormBinder.h"

#include <QWidget>

#include <memory>

class QLabel;

namespace pc {

class HstsBuilderWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HstsBuilderWidget)

public:
    explicit HstsBuilderWidget(PolicyDocument* document, QWidget* parent = nullptr);
    ~HstsBuilderWidget() override;

private:
    void refresh();

    PolicyDocument* m_document;
    std::unique_ptr<FormBinder<HeaderPolicy>> m_headers;
    std::unique_ptr<FormBinder<HstsPolicy>> m_hsts;
    QWidget* m_body;
    QLabel* m_rendered;
};

} // namespace pc
