// SPDX-License-Identifier: Apache-2.0
// RequestLogModel: the test server's live request log, one row per answered
// request, oldest first. Bounded: it keeps the newest kDefaultMaxRows events and
// drops the oldest beyond that, so a long session cannot grow without end.
// Read-only; rows of 4xx and 5xx answers are coloured from the active palette.
// GUI thread only.
#pragma once

#include "server/RequestEvent.h"

#include <QAbstractTableModel>

#include <deque>

namespace pc {

class RequestLogModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLogModel)

public:
    enum Column { TimeColumn, ClientColumn, MethodColumn, TargetColumn, StatusColumn, LatencyColumn, ColumnCount };
    static constexpr int kDefaultMaxRows = 5000;

    explicit RequestLogModel(QObject* parent = nullptr, int maxRows = kDefaultMaxRows);
    ~RequestLogModel() override;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    [[nodiscard]] int maxRows() const { return m_maxRows; }
    // The event shown in `row`; row must be in range.
    [[nodiscard]] const RequestEvent& event(int row) const;

    // Adds a row at the bottom, dropping the oldest row when the log is full.
    void append(const RequestEvent& event);
    void clear();

    [[nodiscard]] static QString statusText(int status);
    [[nodiscard]] static QString latencyText(std::chrono::microseconds latency);

private:
    std::deque<RequestEvent> m_events;
    int m_maxRows;
};

} // namespace pc
