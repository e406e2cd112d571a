// SPDX-License-Identifier: Apache-2.0
// RateLimitDetailWidget: every setting of the selected rate limit, with the
// limit string checked against the `limits` grammar and the key against its
// own grammar as they are typed.
#pragma once

#include "widgets/FormBinder.h"

#include <QWidget>

#include <memory>

namespace pc {

class StringListModel;

class RateLimitDetailWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateLimitDetailWidget)

public:
    explicit RateLimitDetailWidget(PolicyDocument* document, QWidget* parent = nullptr);
    ~RateLimitDetailWidget() override;

    void setLimit(int row);

private:
    void refreshLimitMessage();

    PolicyDocument* m_document;
    std::unique_ptr<FormBinder<RateLimit>> m_binder;
    QLineEdit* m_name = nullptr;
    MessageLabel* m_limitMessage = nullptr;
    StringListModel* m_exemptModel = nullptr;
};

} // namespace pc
