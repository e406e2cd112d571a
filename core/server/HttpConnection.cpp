// SPDX-License-Identifier: Apache-2.0
#include "server/HttpConnection.h"

#include "server/ServerWorker.h"

#include <QSslSocket>
#include <QThread>

#include <nlohmann/json.hpp>

#include <sys/socket.h>

#include <array>
#include <cerrno>

#include <exception>

namespace pc {

namespace {

// Beyond this much unsent output, stop reading requests until the client catches up.
constexpr qint64 highWater = 256 * 1024;
constexpr qint64 lowWater = 64 * 1024;
constexpr std::size_t compactThreshold = 64 * 1024;
// Unparsed input held per connection; beyond it the kernel's buffer (and TCP) holds the client back.
constexpr qint64 readLimit = 256 * 1024;

HttpResponse errorResponse(const ProtocolError& error)
{
    HttpResponse r;
    r.status = error.status;
    r.headers.push_back({"Content-Type", "application/json"});
    r.body = nlohmann::json{{"detail", error.reason}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    const bool sizeLimit = error.status == 413 || error.status == 414 || error.status == 431;
    r.trace.push_back({sizeLimit ? "limits" : "server", "deny", error.reason, ""});
    r.closeConnection = true;
    return r;
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket* socket, ConnectionInfo info, ServerWorker& worker, bool overCapacity)
    : m_socket(socket), m_worker(worker), m_info(std::move(info)), m_link(std::make_shared<ConnectionLink>()),
      m_parser(worker.config().limits), m_responses([this](std::string_view bytes) { writeBytes(bytes); },
                                                    [this](PendingResponse& r) { finishResponse(r); }),
      m_overCapacity(overCapacity), m_plain(qobject_cast<QSslSocket*>(socket) == nullptr)
{
    m_socket->setParent(this);
    m_link->connection = this;
    m_link->thread = thread();
    m_acceptedAt = m_lastRead = m_idleSince = m_lastWrite = now();
}

HttpConnection::~HttpConnection()
{
    std::lock_guard lock(m_link->mutex);
    m_link->connection = nullptr;
}

void HttpConnection::start()
{
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::teardown);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        // The peer closing is not an error while lingering; anything else ends the connection.
        if (error != QAbstractSocket::RemoteHostClosedError || m_lingering) {
            teardown();
        }
    });
    auto* tls = qobject_cast<QSslSocket*>(m_socket);
    const auto ready = [this] {
        m_ready = true;
        if (m_overCapacity) {
            failRequest({503, "The test server is at its connection limit; try again shortly."});
        } else {
            processInput();
        }
    };
    if (tls != nullptr) {
        connect(tls, &QSslSocket::encrypted, this, ready);
        tls->startServerEncryption();
    } else {
        ready();
    }
}

void HttpConnection::onReadyRead()
{
    m_lastRead = now();
    if (m_lingering || m_closing) {
        m_socket->skip(m_socket->bytesAvailable()); // nobody will answer these bytes
        return;
    }
    processInput();
}

void HttpConnection::onBytesWritten()
{
    m_lastWrite = now();
    if (m_closing && !m_lingering && m_socket->bytesToWrite() == 0) {
        startLingering();
        return;
    }
    if (m_socket->bytesToWrite() < lowWater) {
        afterResponseChange();
    }
}

bool HttpConnection::canParse() const
{
    return m_ready && !m_readStopped && !m_closing && !m_closed &&
           m_responses.size() < static_cast<std::size_t>(m_worker.config().maxPipelinedRequests) &&
           m_socket->bytesToWrite() < highWater;
}

bool HttpConnection::readSocket()
{
    // Fixed pieces rather than bytesAvailable() first (one ioctl less), into a scratch
    // buffer so that m_in never pays for zero-filling space it does not use.
    std::array<char, 16 * 1024> piece;
    bool any = false;
    while (true) {
        const qint64 got = m_socket->read(piece.data(), static_cast<qint64>(piece.size()));
        if (got <= 0) {
            return any;
        }
        m_in.append(piece.data(), static_cast<std::size_t>(got));
        any = true;
        if (static_cast<std::size_t>(got) < piece.size() ||
            m_in.size() - m_inPos >= static_cast<std::size_t>(readLimit)) {
            return true;
        }
    }
}

void HttpConnection::processInput()
{
    if (m_inProcess || m_closed) {
        return;
    }
    m_inProcess = true;
    while (canParse()) {
        if (m_inPos == m_in.size() && !readSocket()) {
            break;
        }
        if (!m_headStarted && !m_parser.readingBody()) {
            m_headStarted = true;
            m_headStart = m_requests == 0 ? m_acceptedAt : now();
        }
        const auto step = m_parser.parse(std::string_view(m_in).substr(m_inPos));
        m_inPos += step.consumed;
        if (step.progress == RequestParser::Progress::NeedMore) {
            if ((m_inPos == m_in.size() || step.consumed == 0) && !readSocket()) {
                break;
            }
        } else if (step.progress == RequestParser::Progress::HeadComplete) {
            m_lastRead = now();
            if (m_parser.current().expectContinue && m_responses.empty()) {
                writeBytes(ResponseWriter::continueResponse);
            }
        } else if (step.progress == RequestParser::Progress::MessageComplete) {
            dispatch(m_parser.takeRequest());
        } else {
            failRequest(m_parser.error());
            break;
        }
    }
    if (m_inPos == m_in.size()) {
        m_in.clear();
        m_inPos = 0;
    } else if (m_inPos > compactThreshold) {
        m_in.erase(0, m_inPos);
        m_inPos = 0;
    }
    m_inProcess = false;
    if (!m_closed) {
        m_socket->flush();
    }
}

void HttpConnection::dispatch(ParsedRequest parsed)
{
    ++m_requests;
    m_headStarted = false;
    PendingResponse pending;
    pending.headRequest = parsed.method == "HEAD";
    pending.http10 = parsed.versionMinor == 0;
    pending.keepAlive = parsed.keepAlive;
    pending.receivedAt = m_worker.clock().now();
    pending.startedAt = m_headStart;
    pending.versionMinor = parsed.versionMinor;
    pending.requestBodyBytes = parsed.body.size();
    if (m_worker.eventsWanted()) {
        pending.method = parsed.method;
        pending.target = parsed.target;
        pending.requestHeaders = parsed.headers;
    }
    if (!parsed.keepAlive) {
        m_readStopped = true; // the client will send nothing we may answer after this
    }
    const std::uint64_t sequence = m_responses.push(std::move(pending));

    RequestScope scope;
    scope.connection = m_info;
    scope.connection.requestNumber = m_requests;
    scope.responder = Responder(m_link, sequence);
    scope.upstream = m_worker.upstream();
    HttpRequest request{std::move(parsed.method), std::move(parsed.target), std::move(parsed.headers),
                        std::move(parsed.body),   m_info.peerAddress,       m_info.secure};
    try {
        m_worker.handler().handle(std::move(request), std::move(scope));
    } catch (const std::exception& e) {
        HttpResponse r = errorResponse({500, "The request handler failed."});
        r.trace.back() = {"handler", "deny", std::string("The request handler threw: ") + e.what(), ""};
        complete(sequence, std::move(r));
    } catch (...) {
        complete(sequence, errorResponse({500, "The request handler failed."}));
    }
}

void HttpConnection::failRequest(const ProtocolError& error)
{
    m_readStopped = true;
    PendingResponse pending;
    pending.keepAlive = false;
    pending.receivedAt = m_worker.clock().now();
    pending.startedAt = m_headStarted ? m_headStart : now();
    if (m_worker.eventsWanted()) {
        const ParsedRequest& partial = m_parser.current();
        pending.method = partial.method;
        pending.target = partial.target;
        pending.requestHeaders = partial.headers;
    }
    pending.headRequest = m_parser.current().method == "HEAD";
    const std::uint64_t sequence = m_responses.push(std::move(pending));
    HttpResponse response = errorResponse(error);
    if (error.status == 503) {
        response.headers.push_back({"Retry-After", "1"});
    }
    m_worker.handler().decorateServerResponse(response);
    complete(sequence, std::move(response));
}

bool HttpConnection::forceClose() const
{
    return m_worker.stopping();
}

void HttpConnection::complete(std::uint64_t sequence, HttpResponse response)
{
    if (!m_closed && m_responses.complete(sequence, std::move(response), m_worker.date(), forceClose())) {
        afterResponseChange();
    }
}

void HttpConnection::beginStream(std::uint64_t sequence, HttpResponse head, std::optional<std::uint64_t> length)
{
    if (!m_closed && m_responses.begin(sequence, std::move(head), length, m_worker.date(), forceClose())) {
        afterResponseChange();
    }
}

void HttpConnection::streamBody(std::uint64_t sequence, std::string_view chunk)
{
    if (!m_closed && m_responses.write(sequence, chunk)) {
        afterResponseChange();
    }
}

void HttpConnection::endStream(std::uint64_t sequence, std::vector<TraceStep> trace)
{
    if (!m_closed && m_responses.end(sequence, std::move(trace))) {
        afterResponseChange();
    }
}

void HttpConnection::abortStream(std::uint64_t sequence, std::string reason)
{
    if (!m_closed && m_responses.abort(sequence, std::move(reason))) {
        afterResponseChange();
    }
}

bool HttpConnection::writable(std::uint64_t sequence)
{
    if (m_closed) {
        return false;
    }
    if (m_responses.isFront(sequence)) {
        return m_socket->bytesToWrite() < highWater;
    }
    const PendingResponse* r = m_responses.find(sequence);
    return r != nullptr && r->out.size() < static_cast<std::size_t>(highWater);
}

void HttpConnection::notifyWritable(std::uint64_t sequence, std::function<void()> callback)
{
    if (PendingResponse* r = m_responses.find(sequence)) {
        r->onWritable = std::move(callback);
    }
}

void HttpConnection::afterResponseChange()
{
    if (m_closed || m_closing) {
        return;
    }
    if (m_responses.flush()) {
        closeGracefully();
        return;
    }
    if (m_responses.empty()) {
        m_idleSince = now();
    } else if (PendingResponse& front = m_responses.front(); front.onWritable && m_socket->bytesToWrite() < highWater) {
        // A stream that paused for a slow client may go on.
        const auto resume = std::move(front.onWritable);
        front.onWritable = nullptr;
        resume();
        if (m_closed || m_closing) {
            return;
        }
    }
    processInput();
}

void HttpConnection::writeBytes(std::string_view bytes)
{
    if (m_closed || bytes.empty()) {
        return;
    }
    if (m_socket->bytesToWrite() == 0) {
        m_lastWrite = now();
        if (m_plain) {
            // Straight to the kernel while nothing is queued: QTcpSocket would arm its write
            // notifier for every write, and under the glib event loop each arming and disarming
            // wakes the loop (two extra syscalls per response). Qt queues only what the kernel refuses.
            const ssize_t n = ::send(static_cast<int>(m_socket->socketDescriptor()), bytes.data(), bytes.size(),
                                     MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n == static_cast<ssize_t>(bytes.size())) {
                return;
            }
            if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                teardown();
                return;
            }
            bytes.remove_prefix(static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
        }
    }
    if (m_socket->write(bytes.data(), static_cast<qint64>(bytes.size())) < 0) {
        teardown();
    }
}

void HttpConnection::finishResponse(PendingResponse& response)
{
    if (m_worker.eventsWanted()) {
        ConnectionInfo info = m_info;
        info.requestNumber = m_requests;
        m_worker.publish(response, info);
    }
}

void HttpConnection::closeGracefully()
{
    m_closing = true;
    m_readStopped = true;
    m_socket->flush();
    if (m_socket->bytesToWrite() == 0) {
        startLingering();
    }
}

void HttpConnection::startLingering()
{
    if (m_lingering || m_closed) {
        return;
    }
    m_lingering = true;
    m_lingerUntil = now() + m_worker.config().lingerTimeout;
    if (qobject_cast<QSslSocket*>(m_socket) != nullptr) {
        m_socket->disconnectFromHost(); // sends close_notify
        return;
    }
    // Half-close: the client reads our answer and its EOF; its unread bytes are
    // drained below instead of provoking a reset that could destroy the answer.
    ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR);
    m_socket->skip(m_socket->bytesAvailable());
}

HttpConnection::Deadline HttpConnection::deadline() const
{
    const ServerConfig& c = m_worker.config();
    if (m_lingering) {
        return {Wait::Linger, m_lingerUntil};
    }
    if (!m_ready) {
        return {Wait::Header, m_acceptedAt + c.headerTimeout}; // TCP accepted, TLS handshake pending
    }
    if (m_closing) {
        return {Wait::Busy, m_lastWrite + c.idleTimeout};
    }
    if (m_parser.readingBody()) {
        return {Wait::Body, m_lastRead + c.bodyTimeout};
    }
    if (m_headStarted && canParse()) {
        return {Wait::Header, m_headStart + c.headerTimeout};
    }
    if (!m_responses.empty()) {
        // Waiting for the handler has no deadline here (the upstream forwarder keeps its own);
        // a client that stops reading our answers does.
        return {Wait::Busy, m_socket->bytesToWrite() > 0 ? m_lastWrite + c.idleTimeout : SteadyTime::max()};
    }
    if (m_requests == 0) {
        return {Wait::Header, m_acceptedAt + c.headerTimeout};
    }
    return {Wait::Idle, m_idleSince + c.idleTimeout};
}

void HttpConnection::checkTimeouts(SteadyTime at)
{
    if (m_closed) {
        return;
    }
    const Deadline d = deadline();
    if (at < d.at) {
        return;
    }
    const auto ms = [](std::chrono::milliseconds t) { return std::to_string(t.count()) + " ms"; };
    switch (d.wait) {
    case Wait::Header:
        if (!m_ready || (!m_headStarted && m_requests == 0)) {
            abortNow(); // nothing was asked, so nothing is answered
        } else {
            failRequest({408, "The request head did not arrive within " + ms(m_worker.config().headerTimeout) + "."});
        }
        break;
    case Wait::Body:
        failRequest({408, "The request body stalled for " + ms(m_worker.config().bodyTimeout) + "."});
        break;
    case Wait::Idle:
        closeGracefully();
        break;
    case Wait::Busy:
    case Wait::Linger:
        abortNow();
        break;
    }
}

void HttpConnection::abortNow()
{
    if (!m_closed) {
        m_socket->abort();
        teardown();
    }
}

void HttpConnection::teardown()
{
    if (m_closed) {
        return;
    }
    m_closed = true;
    {
        std::lock_guard lock(m_link->mutex);
        m_link->connection = nullptr;
    }
    m_responses.drop();
    if (m_socket->state() != QAbstractSocket::UnconnectedState) {
        m_socket->abort();
    }
    Q_EMIT closed();
}

} // namespace pc
