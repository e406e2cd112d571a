// SPDX-License-Identifier: Apache-2.0
// EventCollector: receives HttpServer::requestCompleted on the test's thread
// through a queued connection, the way the GUI does (QSignalSpy would be
// called directly on the worker threads). Use with QTRY_COMPARE. Header-only.
#pragma once

#include "server/HttpServer.h"

#include <QObject>

#include <vector>

namespace pc::test {

class EventCollector final : public QObject {
public:
    explicit EventCollector(HttpServer& server)
    {
        connect(
            &server, &HttpServer::requestCompleted, this, [this](const RequestEvent& e) { events.push_back(e); },
            Qt::QueuedConnection);
    }
    [[nodiscard]] int count() const { return static_cast<int>(events.size()); }

    std::vector<RequestEvent> events;
};

} // namespace pc::test
