// SPDX-License-Identifier: Apache-2.0
#include "server/ServerWorker.h"

#include "server/HttpConnection.h"
#include "server/ResponseWriter.h"
#include "server/UpstreamForwarder.h"

#include "server/PlainTransport.h"
#include "server/TlsTransport.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

namespace pc {

namespace {

std::string peerText(const QHostAddress& address)
{
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    if (mapped) {
        return QHostAddress(v4).toString().toStdString();
    }
    QHostAddress plain = address;
    plain.setScopeId(QString());
    return plain.toString().toStdString();
}

std::chrono::milliseconds sweepInterval(const ServerConfig& c)
{
    const auto shortest = std::min({c.headerTimeout, c.bodyTimeout, c.idleTimeout, c.lingerTimeout});
    return std::clamp(shortest / 4, std::chrono::milliseconds(10), std::chrono::milliseconds(1000));
}

} // namespace

ServerWorker::ServerWorker(ServerShared& shared) : m_shared(shared)
{
    m_sweepTimer.setParent(this);
    m_sweepTimer.setInterval(sweepInterval(shared.config));
    connect(&m_sweepTimer, &QTimer::timeout, this, &ServerWorker::sweep);
}

ServerWorker::~ServerWorker() = default;

void ServerWorker::adopt(qintptr descriptor, bool overCapacity)
{
    if (!m_sweepTimer.isActive()) {
        m_sweepTimer.start(); // started here, on the worker's own thread
    }
    ConnectionInfo info;
    if (!describe(descriptor, info)) {
        ::close(static_cast<int>(descriptor));
        forget(overCapacity);
        return;
    }
    Transport* transport = nullptr;
    if (m_shared.tls) {
        auto* tls = new TlsTransport(descriptor, *m_shared.tls);
        if (!tls->isOpen()) {
            delete tls;
            forget(overCapacity);
            return;
        }
        transport = tls;
    } else {
        const int on = 1;
        ::setsockopt(static_cast<int>(descriptor), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        transport = new PlainTransport(descriptor);
    }
    info.connectionId = m_shared.nextConnectionId.fetch_add(1);
    info.secure = m_shared.tls.has_value();
    auto* connection = new HttpConnection(transport, std::move(info), *this, overCapacity);
    m_connections.insert(connection);
    connect(connection, &HttpConnection::closed, this, [this, connection, overCapacity] {
        if (overCapacity) {
            m_shared.refusing.fetch_sub(1);
        }
        release(connection);
    });
    connection->start();
}

void ServerWorker::forget(bool overCapacity)
{
    m_shared.connections.fetch_sub(1);
    if (overCapacity) {
        m_shared.refusing.fetch_sub(1);
    }
}

bool ServerWorker::describe(qintptr descriptor, ConnectionInfo& info)
{
    sockaddr_storage peer{};
    sockaddr_storage local{};
    socklen_t peerLen = sizeof peer;
    socklen_t localLen = sizeof local;
    const int fd = static_cast<int>(descriptor);
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peerLen) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &localLen) != 0) {
        return false; // the client is already gone
    }
    const QHostAddress peerAddress(reinterpret_cast<const sockaddr*>(&peer));
    info.peerAddress = peerText(peerAddress);
    info.peerPort = ntohs(peer.ss_family == AF_INET6 ? reinterpret_cast<const sockaddr_in6*>(&peer)->sin6_port
                                                     : reinterpret_cast<const sockaddr_in*>(&peer)->sin_port);
    info.localPort = ntohs(local.ss_family == AF_INET6 ? reinterpret_cast<const sockaddr_in6*>(&local)->sin6_port
                                                       : reinterpret_cast<const sockaddr_in*>(&local)->sin_port);
    return true;
}

void ServerWorker::release(HttpConnection* connection)
{
    if (m_connections.erase(connection) > 0) {
        {
            std::lock_guard lock(m_shared.closedMutex);
            m_shared.connections.fetch_sub(1);
        }
        m_shared.closedSignal.notify_all();
        connection->deleteLater();
    }
}

void ServerWorker::lingeringChanged(int delta)
{
    {
        std::lock_guard lock(m_shared.closedMutex);
        m_shared.lingering.fetch_add(delta);
    }
    m_shared.closedSignal.notify_all();
}

void ServerWorker::closeIdleConnections()
{
    const std::vector<HttpConnection*> snapshot(m_connections.begin(), m_connections.end());
    for (HttpConnection* c : snapshot) {
        if (m_connections.count(c) > 0) {
            c->closeIfIdle();
        }
    }
}

void ServerWorker::sweep()
{
    const auto now = std::chrono::steady_clock::now();
    // checkTimeouts() may close a connection, which erases it from the set.
    const std::vector<HttpConnection*> snapshot(m_connections.begin(), m_connections.end());
    for (HttpConnection* c : snapshot) {
        if (m_connections.count(c) > 0) {
            c->checkTimeouts(now);
        }
    }
}

void ServerWorker::shutdown()
{
    m_sweepTimer.stop();
    const std::vector<HttpConnection*> snapshot(m_connections.begin(), m_connections.end());
    for (HttpConnection* c : snapshot) {
        c->abortNow();
    }
    for (HttpConnection* c : snapshot) {
        delete c; // nothing of theirs is on the stack: this runs as its own event
    }
    delete m_upstream;
    m_upstream = nullptr;
}

std::string_view ServerWorker::date()
{
    const auto now = m_shared.clock->now();
    const long long second = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    if (second != m_dateSecond) {
        m_dateSecond = second;
        m_date = ResponseWriter::httpDate(now);
    }
    return m_date;
}

UpstreamForwarder* ServerWorker::upstream()
{
    if (m_upstream == nullptr) {
        m_upstream = new UpstreamForwarder(m_shared.config.upstream, this);
    }
    return m_upstream;
}

} // namespace pc
