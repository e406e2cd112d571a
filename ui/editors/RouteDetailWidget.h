// SPDX-License-Identifier: Apache-2.0
// RouteDetailWidget: every setting of the selected route — matching,
// authentication, rate limits, request schemas and limits, response
// filtering and the test server's handler.
#pragma once

#include "widgets/FormBinder.h"

#include <QWidget>

#include <memory>

class QComboBox;

namespace pc {
class HeaderTableModel;
}

namespace pc {

class RouteDetailWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RouteDetailWidget)

public:
    explicit RouteDetailWidget(PolicyDocument* document, QWidget* parent = nullptr);
    ~RouteDetailWidget() override;

    // Shows Policy::routes[row]; -1 shows nothing.
    void setRoute(int row);

private:
    template <class F> void bindSchema(QComboBox* combo, std::string_view key, F field);
    void refreshChoices();

    PolicyDocument* m_document;
    std::unique_ptr<FormBinder<Route>> m_binder;
    TokenChecklist* m_rateLimits = nullptr;
    HeaderTableModel* m_mockHeaders = nullptr;
    std::vector<QComboBox*> m_schemaCombos;
};

} // namespace pc
