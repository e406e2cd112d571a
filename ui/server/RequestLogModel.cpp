// SPDX-License-Identifier: Apache-2.0
#include "server/RequestLogModel.h"

#include "engine/HttpText.h"
#include "support/Text.h"
#include "support/Theme.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>

namespace pc {

RequestLogModel::RequestLogModel(QObject* parent, int maxRows)
    : QAbstractTableModel(parent), m_maxRows(std::max(1, maxRows))
{
}

RequestLogModel::~RequestLogModel() = default;

int RequestLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int RequestLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const RequestEvent& RequestLogModel::event(int row) const
{
    return m_events.at(static_cast<size_t>(row));
}

QString RequestLogModel::statusText(int status)
{
    if (status == 0) {
        return tr("— (client left)");
    }
    return QString::number(status) + u' ' + toQ(HttpText::reasonPhrase(status));
}

QString RequestLogModel::latencyText(std::chrono::microseconds latency)
{
    const double ms = static_cast<double>(latency.count()) / 1000.0;
    return QLocale().toString(ms, 'f', ms < 10.0 ? 2 : 1) + QStringLiteral(" ms");
}

QVariant RequestLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const RequestEvent& e = event(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (static_cast<Column>(index.column())) {
        case TimeColumn: {
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(e.time.time_since_epoch());
            return QDateTime::fromMSecsSinceEpoch(ms.count()).toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        }
        case ClientColumn:
            return toQ(e.client);
        case MethodColumn:
            return e.method.empty() ? tr("(unreadable)") : toQ(e.method);
        case TargetColumn:
            return toQ(e.target);
        case StatusColumn:
            return statusText(e.status);
        case LatencyColumn:
            return latencyText(e.latency);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TargetColumn) {
            return toQ(e.target);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == LatencyColumn) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case Qt::ForegroundRole:
        // 2xx and 3xx keep the palette's text colour; refusals stand out, as in a browser's network panel.
        if (e.status >= 500 || e.status == 0) {
            return Theme::messageColor(QGuiApplication::palette(), Severity::Error);
        }
        if (e.status >= 400) {
            return Theme::messageColor(QGuiApplication::palette(), Severity::Warning);
        }
        return {};
    default:
        return {};
    }
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (role == Qt::DisplayRole) {
        static const char* const titles[] = {QT_TR_NOOP("Time"),   QT_TR_NOOP("Client"), QT_TR_NOOP("Method"),
                                             QT_TR_NOOP("Target"), QT_TR_NOOP("Status"), QT_TR_NOOP("Latency")};
        return tr(titles[section]);
    }
    if (role == Qt::ToolTipRole) {
        static const char* const tips[] = {
            QT_TR_NOOP("When the request head had arrived (local time)"),
            QT_TR_NOOP("The client's address and port"),
            QT_TR_NOOP("The request method"),
            QT_TR_NOOP("The request target; query values that look secret are masked"),
            QT_TR_NOOP("The status the server answered with"),
            QT_TR_NOOP("From the request head's arrival to the end of the answer"),
        };
        return tr(tips[section]);
    }
    return {};
}

void RequestLogModel::append(const RequestEvent& event)
{
    if (static_cast<int>(m_events.size()) >= m_maxRows) {
        beginRemoveRows({}, 0, 0);
        m_events.pop_front();
        endRemoveRows();
    }
    const int row = static_cast<int>(m_events.size());
    beginInsertRows({}, row, row);
    m_events.push_back(event);
    endInsertRows();
}

void RequestLogModel::clear()
{
    if (m_events.empty()) {
        return;
    }
    beginResetModel();
    m_events.clear();
    endResetModel();
}

} // namespace pc
