// SPDX-License-Identifier: Apache-2.0
#include "server/ServerWorker.h"

#include "server/HttpConnection.h"
#include "server/ResponseWriter.h"
#include "server/UpstreamForwarder.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <unistd.h>

#include <algorithm>

namespace pc {

namespace {

// Bounds what one connection can make Qt buffer before the parser has room again.
constexpr qint64 readBufferSize = 256 * 1024;

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
    QTcpSocket* socket = m_shared.tls ? new QSslSocket : new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(static_cast<int>(descriptor));
        delete socket;
        m_shared.connections.fetch_sub(1);
        if (overCapacity) {
            m_shared.refusing.fetch_sub(1);
        }
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    socket->setReadBufferSize(readBufferSize);
    if (auto* tls = qobject_cast<QSslSocket*>(socket)) {
        tls->setSslConfiguration(*m_shared.tls);
    }
    ConnectionInfo info;
    info.connectionId = m_shared.nextConnectionId.fetch_add(1);
    info.peerAddress = peerText(socket->peerAddress());
    info.peerPort = socket->peerPort();
    info.localPort = socket->localPort();
    info.secure = m_shared.tls.has_value();
    auto* connection = new HttpConnection(socket, std::move(info), *this, overCapacity);
    m_connections.insert(connection);
    connect(connection, &HttpConnection::closed, this, [this, connection, overCapacity] {
        if (overCapacity) {
            m_shared.refusing.fetch_sub(1);
        }
        release(connection);
    });
    connection->start();
}

void ServerWorker::release(HttpConnection* connection)
{
    if (m_connections.erase(connection) > 0) {
        m_shared.connections.fetch_sub(1);
        connection->deleteLater();
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
