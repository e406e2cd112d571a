// SPDX-License-Identifier: Apache-2.0
// RateLimitsEditor: the named rate limits in a table, the selected limit's
// settings, and (with the engine) the traffic simulator.
#pragma once

#include <QWidget>

namespace pc {

class PolicyDocument;
class RateLimitDetailWidget;
class TableEditor;

class RateLimitsEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateLimitsEditor)

public:
    explicit RateLimitsEditor(PolicyDocument* document, QWidget* parent = nullptr);
    ~RateLimitsEditor() override;

    [[nodiscard]] TableEditor* table() const { return m_table; }

private:
    TableEditor* m_table;
    RateLimitDetailWidget* m_detail;
};

} // namespace pc
