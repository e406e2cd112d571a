// SPDX-License-Identifier: Apache-2.0
#include "server/HttpConnection.h"

#include "server/ServerWorker.h"
#include "server/Transport.h"

#include <nlohmann/json.hpp>

#include <sys/socket.h>

#include <array>
#include <cerrno>

#include <exception>

namespace pc {

namespace {

// Beyond this much unsent output, stop reading requests until the client catches up.
constexpr qint64 highWater = 256 * 1024;
constexpr std::size_t compactThreshold = 64 * 1024;
// Unparsed input held per connection; beyond it the kernel's buffer (and TCP) holds the client back.
constexpr std::size_t readLimit = 256 * 1024;

HttpResponse errorResponse(const ProtocolError& error)
{
    HttpResponse r;
    r.status = error.status;
    r.headers.push_back({"Content-Type", "application/json"});
    r.body = nlohmann::json{{"detail", error.reason}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    const bool sizeLimit = error.status == 413 || error.status == 414 || error.status == 431;
    r.trace.push_back({sizeLimit ? TraceName("limits") : TraceName("server"), "deny", error.reason, ""});
    r.closeConnection = true;
    return r;
}

} // namespace

HttpConnection::HttpConnection(Transport* transport, ConnectionInfo info, ServerWorker& worker, bool overCapacity)
    : m_transport(transport), m_worker(worker), m_info(std::move(info)), m_link(std::make_shared<ConnectionLink>()),
      m_parser(worker.config().limits), m_responses([this](std::string_view bytes) { writeBytes(bytes); },
                                                    [this](PendingResponse& r) { finishResponse(r); }),
      m_overCapacity(overCapacity)
{
    m_transport->setParent(this);
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
    connect(m_transport, &Transport::ready, this, &HttpConnection::onReady);
    connect(m_transport, &Transport::readable, this, &HttpConnection::onReadable);
    connect(m_transport, &Transport::progressed, this, [this] { m_lastWrite = now(); });
    connect(m_transport, &Transport::drained, this, &HttpConnection::onDrained);
    connect(m_transport, &Transport::failed, this, &HttpConnection::teardown);
    m_transport->start();
}

void HttpConnection::onReady()
{
    m_ready = true;
    if (m_overCapacity) {
        failRequest({503, "The test server is at its connection limit; try again shortly."});
    } else {
        processInput();
    }
}

void HttpConnection::onReadable()
{
    m_lastRead = now();
    m_inputMayWait = true;
    if (m_lingering || m_closing) {
        // Nobody will answer these bytes; read them so the close is not a reset, and notice the client's FIN.
        std::array<char, 16 * 1024> sink;
        qint64 n;
        while ((n = m_transport->read(sink.data(), static_cast<qint64>(sink.size()))) > 0) {
        }
        if (n < 0 && m_lingering) {
            teardown();
        }
        return;
    }
    processInput();
}

void HttpConnection::onDrained()
{
    m_lastWrite = now();
    if (m_closing && !m_lingering) {
        startLingering();
        return;
    }
    afterResponseChange();
}

bool HttpConnection::canParse() const
{
    return m_ready && !m_readStopped && !m_peerClosed && !m_closing && !m_closed && !m_transportBroken &&
           m_responses.size() < static_cast<std::size_t>(m_worker.config().maxPipelinedRequests) &&
           m_transport->pending() < highWater;
}

bool HttpConnection::readTransport()
{
    // Into a scratch buffer, so that m_in never pays for zero-filling space it does not use.
    std::array<char, 16 * 1024> piece;
    bool any = false;
    // After a short read the kernel buffer was empty; asking again before the next
    // readiness notification would only cost an EAGAIN.
    while (!m_peerClosed && m_inputMayWait) {
        const qint64 got = m_transport->read(piece.data(), static_cast<qint64>(piece.size()));
        if (got == Transport::brokenStream) {
            m_peerClosed = true;
            m_transportBroken = true;
            break;
        }
        if (got == Transport::closedStream) {
            m_peerClosed = true;
            break;
        }
        if (got == 0) {
            m_inputMayWait = false;
            break;
        }
        m_in.append(piece.data(), static_cast<std::size_t>(got));
        any = true;
        if (static_cast<std::size_t>(got) < piece.size()) {
            m_inputMayWait = false;
            break;
        }
        if (m_in.size() - m_inPos >= readLimit) {
            break;
        }
    }
    return any;
}

void HttpConnection::peerClosed()
{
    // The client will send nothing more. What it asked is still answered when the
    // transport can half-close; a request it left unfinished is dropped.
    m_readStopped = true;
    if (m_transportBroken || !m_transport->supportsHalfClose() || m_responses.empty()) {
        teardown();
    }
}

void HttpConnection::processInput()
{
    if (m_inProcess || m_closed) {
        return;
    }
    m_inProcess = true;
    while (canParse()) {
        if (m_inPos == m_in.size() && !readTransport()) {
            break;
        }
        if (!m_headStarted && !m_parser.readingBody()) {
            m_headStarted = true;
            m_headStart = m_requests == 0 ? m_acceptedAt : now();
        }
        const auto step = m_parser.parse(std::string_view(m_in).substr(m_inPos));
        m_inPos += step.consumed;
        if (step.progress == RequestParser::Progress::NeedMore) {
            if ((m_inPos == m_in.size() || step.consumed == 0) && !readTransport()) {
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
    if (m_closed) {
        return;
    }
    if (m_transportBroken) {
        teardown();
        return;
    }
    if (m_peerClosed && !m_readStopped) {
        peerClosed();
        return;
    }
    // Level-triggered readiness: without room to parse, stop listening or the loop would spin.
    m_transport->setReading(canParse() || m_lingering);
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
        return m_transport->pending() < highWater;
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
    if (m_inResponseChange) {
        m_responseChangedAgain = true; // the pass in progress goes round once more
        return;
    }
    m_inResponseChange = true;
    do {
        m_responseChangedAgain = false;
        afterResponseChangeOnce();
    } while (m_responseChangedAgain && !m_closed && !m_closing);
    m_inResponseChange = false;
}

void HttpConnection::afterResponseChangeOnce()
{
    const bool close = m_responses.flush();
    if (m_transportBroken) {
        teardown();
        return;
    }
    if (close) {
        closeGracefully();
        return;
    }
    if (m_responses.empty()) {
        m_idleSince = now();
        if (m_peerClosed) {
            closeGracefully(); // everything the client asked has been answered
            return;
        }
    } else if (PendingResponse& front = m_responses.front(); front.onWritable && m_transport->pending() < highWater) {
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
    if (m_transport->pending() == 0) {
        m_lastWrite = now();
    }
    if (!m_transportBroken && !m_transport->write(bytes)) {
        // Not teardown() here: this runs inside ResponseQueue::flush(), whose queue teardown()
        // would clear. The callers check m_transportBroken once the flush is over.
        m_transportBroken = true;
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
    if (m_transport->pending() == 0) {
        startLingering();
    }
}

void HttpConnection::startLingering()
{
    if (m_lingering || m_closed) {
        return;
    }
    m_lingering = true;
    m_worker.lingeringChanged(+1);
    m_lingerUntil = now() + m_worker.config().lingerTimeout;
    // Half-close (or close_notify): the client reads our answer and then its EOF. Its
    // unread bytes are drained in onReadable() instead of provoking a reset that could
    // destroy the answer before the client has read it.
    m_transport->finishWriting();
    if (m_peerClosed) {
        teardown();
        return;
    }
    m_transport->setReading(true);
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
        return {Wait::Busy, m_transport->pending() > 0 ? m_lastWrite + c.idleTimeout : SteadyTime::max()};
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

void HttpConnection::closeIfIdle()
{
    const bool midRequest = m_headStarted || m_parser.readingBody() || m_inPos < m_in.size();
    if (!m_closed && !m_closing && m_responses.empty() && !midRequest) {
        closeGracefully();
    }
}

void HttpConnection::abortNow()
{
    if (!m_closed) {
        m_transport->abort();
        teardown();
    }
}

void HttpConnection::teardown()
{
    if (m_closed) {
        return;
    }
    m_closed = true;
    if (m_lingering) {
        m_worker.lingeringChanged(-1);
    }
    {
        std::lock_guard lock(m_link->mutex);
        m_link->connection = nullptr;
    }
    m_responses.drop();
    m_transport->abort();
    Q_EMIT closed();
}

} // namespace pc
