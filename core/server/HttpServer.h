// SPDX-License-Identifier: Apache-2.0
// HttpServer: the local test server. Listens (loopback unless told otherwise),
// spreads connections over `threads` event loops, speaks HTTP/1.1 or HTTPS
// (TLS 1.2+) and hands well-formed requests to one RequestHandler; each answer
// becomes a RequestEvent (event sink on the worker thread, requestCompleted
// signal). Control it from its creating thread; handler, sink and redactor run on workers.
#pragma once

#include "server/RequestEvent.h"
#include "server/RequestHandler.h"
#include "server/ServerConfig.h"

#include "common/Result.h"

#include <QObject>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>

namespace pc {

class Clock;
struct PendingResponse;
class Redactor;

class HttpServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    HttpServer(ServerConfig config, std::shared_ptr<RequestHandler> handler, QObject* parent = nullptr);
    ~HttpServer() override;

    void setClock(const Clock& clock);                                // before start(); must outlive the server
    void setEventSink(std::function<void(const RequestEvent&)> sink); // before start()
    void setRedactor(std::shared_ptr<const Redactor> redactor);       // any time

    [[nodiscard]] Status start();
    void stop(); // closes every connection now; idempotent
    // Stops accepting, answers what is in flight (with Connection: close), closes idle
    // connections, waits up to `grace` for the rest, then closes them. Blocks the caller.
    void stopGracefully(std::chrono::milliseconds grace);

    [[nodiscard]] bool isListening() const;
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] QString url() const; // "http://127.0.0.1:8080", "https://[::1]:8443"
    [[nodiscard]] QStringList warnings() const;
    [[nodiscard]] QString certificateFile() const; // the PEM a client should trust, with TLS
    [[nodiscard]] int openConnections() const;

Q_SIGNALS:
    void requestCompleted(const pc::RequestEvent& event);

private:
    struct Impl;
    [[nodiscard]] bool hasEventReceivers() const;
    [[nodiscard]] RequestEvent makeEvent(const PendingResponse& response, const ConnectionInfo& info) const;
    void publish(const PendingResponse& response, const ConnectionInfo& info);

    std::unique_ptr<Impl> m_impl;
};

} // namespace pc
