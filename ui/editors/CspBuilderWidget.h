// SPDX-License-Identifier: Apache-2.0
// CspBuilderWidget: the structured Content-Security-Policy — switched on or
// off, enforced or report-only, one directive per row with the builder's own
// messages, and the header value it renders.
#pragma once

#include "widgets/FormBinder.h"

#include <QWidget>

#include <memory>

class QLabel;

namespace pc {

class CspBuilderWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CspBuilderWidget)

public:
    explicit CspBuilderWidget(PolicyDocument* document, QWidget* parent = nullptr);
    ~CspBuilderWidget() override;

private:
    void refresh();

    PolicyDocument* m_document;
    std::unique_ptr<FormBinder<HeaderPolicy>> m_headers;
    std::unique_ptr<FormBinder<CspPolicy>> m_csp;
    QWidget* m_body;
    QLabel* m_rendered;
};

} // namespace pc
