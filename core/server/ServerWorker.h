// SPDX-License-Identifier: Apache-2.0
// ServerWorker: one event loop of the test server. It adopts accepted socket
// descriptors, owns their HttpConnections, sweeps their timeouts, and keeps
// the per-thread services (Date header cache, upstream forwarder). Created by
// HttpServer, moved to its own QThread; every member runs on that thread.
// ServerShared is the state all workers read; its mutable parts are atomics.
#pragma once

#include "server/RequestHandler.h"
#include "server/ResponseQueue.h"
#include "server/ServerConfig.h"

#include "common/Clock.h"

#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>

namespace pc {

class HttpConnection;
struct RequestEvent;

struct ServerShared {
    ServerConfig config;
    std::shared_ptr<RequestHandler> handler;
    const Clock* clock = nullptr;
    std::optional<QSslConfiguration> tls;
    std::atomic<int> connections{0}; // open, including the ones being refused
    std::atomic<int> refusing{0};    // being answered 503
    std::atomic<int> lingering{0};   // answered everything, waiting for the client's FIN
    std::atomic<std::uint64_t> nextConnectionId{1};
    std::atomic<bool> stopping{false};
    // Signalled whenever a connection closes, for HttpServer::stopGracefully().
    std::mutex closedMutex;
    std::condition_variable closedSignal;
    std::function<bool()> eventsWanted;                                         // thread-safe
    std::function<void(const PendingResponse&, const ConnectionInfo&)> publish; // thread-safe
};

class UpstreamForwarder;

class ServerWorker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerWorker)

public:
    explicit ServerWorker(ServerShared& shared);
    ~ServerWorker() override;

    // Takes ownership of an accepted descriptor (closes it on failure).
    void adopt(qintptr descriptor, bool overCapacity);
    void closeIdleConnections(); // after `stopping` is set: the busy ones close after their answers
    void shutdown();

    [[nodiscard]] const ServerConfig& config() const { return m_shared.config; }
    [[nodiscard]] RequestHandler& handler() const { return *m_shared.handler; }
    [[nodiscard]] bool stopping() const { return m_shared.stopping.load(std::memory_order_relaxed); }
    [[nodiscard]] bool eventsWanted() const { return m_shared.eventsWanted(); }
    void lingeringChanged(int delta);
    [[nodiscard]] const Clock& clock() const { return *m_shared.clock; }
    void publish(const PendingResponse& response, const ConnectionInfo& info) const
    {
        m_shared.publish(response, info);
    }
    [[nodiscard]] std::string_view date();
    [[nodiscard]] UpstreamForwarder* upstream();

private:
    void sweep();
    void release(HttpConnection* connection);
    void forget(bool overCapacity); // a descriptor that never became a connection
    [[nodiscard]] static bool describe(qintptr descriptor, ConnectionInfo& info);

    ServerShared& m_shared;
    std::unordered_set<HttpConnection*> m_connections;
    QTimer m_sweepTimer;
    std::string m_date;
    long long m_dateSecond = -1;
    UpstreamForwarder* m_upstream = nullptr;
};

} // namespace pc
