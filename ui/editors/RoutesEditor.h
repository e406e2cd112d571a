// SPDX-License-Identifier: Apache-2.0
// RoutesEditor: the route table (filter, add, remove, reorder: the first
// matching route wins) over the detail form of the selected route.
#pragma once

#include <QWidget>

namespace pc {

class PolicyDocument;
class RouteDetailWidget;
class TableEditor;

class RoutesEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoutesEditor)

public:
    explicit RoutesEditor(PolicyDocument* document, QWidget* parent = nullptr);
    ~RoutesEditor() override;

    [[nodiscard]] TableEditor* table() const { return m_table; }

private:
    TableEditor* m_table;
    RouteDetailWidget* m_detail;
};

} // namespace pc
