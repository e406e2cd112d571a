// SPDX-License-Identifier: Apache-2.0
// HttpConnection: one client connection on a worker thread: parses requests
// (pipelined too), hands them to the RequestHandler, writes answers in request
// order, enforces the header, body and idle timeouts, and closes after errors
// with a lingering close; a half-closed client still gets its answers. Owns
// its Transport; lives and dies on its worker's thread.
#pragma once

#include "server/ConnectionInfo.h"
#include "server/RequestParser.h"
#include "server/ResponseQueue.h"

#include <QObject>

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

class QThread;

namespace pc {

class HttpConnection;
class ServerWorker;
class Transport;

// Lets a Responder reach its connection from any thread without outliving it.
struct ConnectionLink {
    std::mutex mutex;
    HttpConnection* connection = nullptr; // written only on `thread`, under `mutex`
    QThread* thread = nullptr;
};

class HttpConnection final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    using SteadyTime = std::chrono::steady_clock::time_point;

    // `overCapacity`: the server is at its connection limit; answer 503 and close.
    HttpConnection(Transport* transport, ConnectionInfo info, ServerWorker& worker, bool overCapacity);
    ~HttpConnection() override;

    void start();
    void checkTimeouts(SteadyTime now);
    void abortNow();    // server shutdown
    void closeIfIdle(); // graceful shutdown: nothing asked and nothing owed

    // Responder entry points, on this connection's thread.
    void complete(std::uint64_t sequence, HttpResponse response);
    void beginStream(std::uint64_t sequence, HttpResponse head, std::optional<std::uint64_t> contentLength);
    void streamBody(std::uint64_t sequence, std::string_view chunk);
    void endStream(std::uint64_t sequence, std::vector<TraceStep> trace);
    void abortStream(std::uint64_t sequence, std::string reason);
    [[nodiscard]] bool writable(std::uint64_t sequence);
    void notifyWritable(std::uint64_t sequence, std::function<void()> callback);

Q_SIGNALS:
    void closed();

private:
    enum class Wait { Header, Body, Idle, Busy, Linger };
    struct Deadline {
        Wait wait;
        SteadyTime at;
    };

    void onReady();
    void onReadable();
    void onDrained();
    void processInput();
    bool readTransport();
    void peerClosed();
    void dispatch(ParsedRequest request);
    void failRequest(const ProtocolError& error);
    void afterResponseChange();
    void afterResponseChangeOnce();
    void writeBytes(std::string_view bytes);
    void finishResponse(PendingResponse& response);
    void closeGracefully();
    void startLingering();
    void teardown();
    [[nodiscard]] bool canParse() const;
    [[nodiscard]] bool forceClose() const;
    [[nodiscard]] Deadline deadline() const;
    [[nodiscard]] SteadyTime now() const { return std::chrono::steady_clock::now(); }

    Transport* m_transport;
    ServerWorker& m_worker;
    ConnectionInfo m_info;
    std::shared_ptr<ConnectionLink> m_link;
    RequestParser m_parser;
    ResponseQueue m_responses;

    std::string m_in;
    std::size_t m_inPos = 0;
    std::uint64_t m_requests = 0;

    bool m_overCapacity;
    bool m_ready = false;       // TCP accepted and, with TLS, the handshake done
    bool m_readStopped = false; // no further requests will be read
    bool m_peerClosed = false;  // the client sent its FIN: answer what it asked, then close
    bool m_transportBroken = false;
    bool m_closing = false; // closing once the queued bytes are written
    bool m_lingering = false;
    bool m_closed = false;
    bool m_inProcess = false;
    bool m_inResponseChange = false;
    bool m_responseChangedAgain = false;
    bool m_inputMayWait = true; // false after a short read, until the next readiness notification

    SteadyTime m_acceptedAt;
    SteadyTime m_headStart;
    bool m_headStarted = false;
    SteadyTime m_lastRead;
    SteadyTime m_idleSince;
    SteadyTime m_lastWrite;
    SteadyTime m_lingerUntil;
};

} // namespace pc
