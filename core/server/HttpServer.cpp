// SPDX-License-Identifier: Apache-2.0
#include "server/HttpServer.h"

#include "server/Redactor.h"
#include "server/ServerWorker.h"
#include "server/TlsIdentity.h"

#include <QMetaMethod>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QThread>

#include <openssl/crypto.h>

#include <unistd.h>

#include <atomic>
#include <mutex>
#include <vector>

namespace pc {

namespace {

// Accepts on the first worker's thread and deals descriptors to the workers in turn.
class Listener final : public QTcpServer {
public:
    Listener(ServerShared& shared, std::vector<ServerWorker*> workers) : m_shared(shared), m_workers(std::move(workers))
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        const int open = m_shared.connections.fetch_add(1);
        const bool overCapacity = open >= m_shared.config.maxConnections;
        if (overCapacity) {
            // Answering 503 costs a socket each; past a small margin, just close.
            const int refusing = m_shared.refusing.fetch_add(1);
            if (refusing >= std::max(16, m_shared.config.maxConnections / 8)) {
                m_shared.refusing.fetch_sub(1);
                m_shared.connections.fetch_sub(1);
                ::close(static_cast<int>(descriptor));
                return;
            }
        }
        ServerWorker* worker = m_workers[m_next++ % m_workers.size()];
        if (worker->thread() == QThread::currentThread()) {
            worker->adopt(descriptor, overCapacity);
        } else {
            QMetaObject::invokeMethod(
                worker, [worker, descriptor, overCapacity] { worker->adopt(descriptor, overCapacity); },
                Qt::QueuedConnection);
        }
    }

private:
    ServerShared& m_shared;
    std::vector<ServerWorker*> m_workers;
    std::size_t m_next = 0;
};

QString hostForUrl(const QHostAddress& address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        return QLatin1Char('[') + address.toString() + QLatin1Char(']');
    }
    return address.toString();
}

} // namespace

struct HttpServer::Impl {
    ServerShared shared;
    std::vector<QThread*> threads;
    std::vector<ServerWorker*> workers;
    Listener* listener = nullptr; // lives on workers[0]'s thread
    quint16 port = 0;
    bool running = false;
    QStringList warnings;
    QString certificateFile;
    std::function<void(const RequestEvent&)> sink;
    mutable std::mutex redactorMutex;
    std::shared_ptr<const Redactor> redactor = std::make_shared<Redactor>();
};

HttpServer::HttpServer(ServerConfig config, std::shared_ptr<RequestHandler> handler, QObject* parent)
    : QObject(parent), m_impl(std::make_unique<Impl>())
{
    qRegisterMetaType<pc::RequestEvent>();
    m_impl->shared.config = std::move(config);
    m_impl->shared.handler = std::move(handler);
    m_impl->shared.clock = &SystemClock::instance();
    m_impl->shared.eventsWanted = [this] { return m_impl->sink || hasEventReceivers(); };
    m_impl->shared.publish = [this](const PendingResponse& r, const ConnectionInfo& info) { publish(r, info); };
}

HttpServer::~HttpServer()
{
    stop();
}

void HttpServer::setClock(const Clock& clock)
{
    m_impl->shared.clock = &clock;
}

void HttpServer::setEventSink(std::function<void(const RequestEvent&)> sink)
{
    m_impl->sink = std::move(sink);
}

void HttpServer::setRedactor(std::shared_ptr<const Redactor> redactor)
{
    std::lock_guard lock(m_impl->redactorMutex);
    m_impl->redactor = redactor ? std::move(redactor) : std::make_shared<Redactor>();
}

Status HttpServer::start()
{
    if (m_impl->running) {
        return makeError("server-running", "The test server is already running.");
    }
    ServerShared& shared = m_impl->shared;
    if (auto valid = shared.config.validate(); !valid) {
        return valid;
    }
    if (!shared.handler) {
        return makeError("server-no-handler", "The test server has nothing to answer requests with.");
    }
    m_impl->warnings.clear();
    if (!shared.config.address.isLoopback()) {
        m_impl->warnings << QStringLiteral("The test server listens on %1, which other machines may reach; it is "
                                           "meant for local testing only.")
                                .arg(shared.config.address.toString());
    }
    shared.tls.reset();
    if (shared.config.tls.enabled) {
        const TlsSettings& t = shared.config.tls;
        if (!QSslSocket::supportsSsl()) {
            return makeError("tls-unavailable", "Qt's TLS backend (OpenSSL) is not available.");
        }
        auto identity = t.certificateFile.isEmpty()
                            ? TlsIdentity::loadOrCreateSelfSigned(t.generatedDirectory, shared.clock->now())
                            : TlsIdentity::loadFiles(t.certificateFile, t.privateKeyFile, shared.clock->now());
        if (!identity) {
            return identity.errors();
        }
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificateChain(QSslCertificate::fromData(identity->certificateChainPem, QSsl::Pem));
        ssl.setPrivateKey(QSslKey(identity->privateKeyPem, static_cast<QSsl::KeyAlgorithm>(identity->keyAlgorithm),
                                  QSsl::Pem, QSsl::PrivateKey));
        ssl.setProtocol(t.minimumVersion == TlsVersion::Tls13 ? QSsl::TlsV1_3OrLater : QSsl::TlsV1_2OrLater);
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        ssl.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
        shared.tls = ssl;
        m_impl->certificateFile = identity->certificateFile;
    }

    shared.stopping = false;
    for (int i = 0; i < shared.config.threads; ++i) {
        auto* thread = new QThread;
        thread->setObjectName(QStringLiteral("pc-http-%1").arg(i));
        auto* worker = new ServerWorker(shared);
        worker->moveToThread(thread);
        connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        // Emitted on the worker thread itself: release OpenSSL's per-thread state
        // (error queue) that TLS and JWT verification created there.
        connect(
            thread, &QThread::finished, thread, [] { OPENSSL_thread_stop(); }, Qt::DirectConnection);
        thread->start();
        m_impl->threads.push_back(thread);
        m_impl->workers.push_back(worker);
    }
    m_impl->running = true;

    QString error;
    ServerWorker* first = m_impl->workers.front();
    QMetaObject::invokeMethod(
        first,
        [this, first, &error] {
            auto* listener = new Listener(m_impl->shared, m_impl->workers);
            listener->setParent(first);
            // Qt's default backlog is 50; a burst of new connections (a browser, wrk) needs more.
            listener->setListenBacklogSize(511);
            if (listener->listen(m_impl->shared.config.address, m_impl->shared.config.port)) {
                m_impl->listener = listener;
                m_impl->port = listener->serverPort();
            } else {
                error = listener->errorString();
                delete listener;
            }
        },
        Qt::BlockingQueuedConnection);
    if (m_impl->listener == nullptr) {
        stop();
        return makeError("server-listen",
                         "Cannot listen on " + hostForUrl(shared.config.address).toStdString() + ':' +
                             std::to_string(shared.config.port) + ": " + error.toStdString() + '.',
                         {}, "pick another port, or --port 0 for a free one");
    }
    return Ok{};
}

void HttpServer::stopGracefully(std::chrono::milliseconds grace)
{
    if (!m_impl->running) {
        return;
    }
    ServerShared& shared = m_impl->shared;
    shared.stopping = true; // from now on every answer says Connection: close
    for (ServerWorker* worker : m_impl->workers) {
        QMetaObject::invokeMethod(
            worker,
            [this, worker] {
                if (m_impl->listener != nullptr && m_impl->listener->thread() == QThread::currentThread()) {
                    m_impl->listener->close();
                }
                worker->closeIdleConnections();
            },
            Qt::BlockingQueuedConnection);
    }
    std::unique_lock lock(shared.closedMutex);
    // Done when every connection has closed or has sent everything and only waits for the client's FIN.
    shared.closedSignal.wait_for(lock, grace, [&] { return shared.connections.load() - shared.lingering.load() <= 0; });
    lock.unlock();
    stop();
}

void HttpServer::stop()
{
    if (!m_impl->running) {
        return;
    }
    m_impl->shared.stopping = true;
    for (ServerWorker* worker : m_impl->workers) {
        QMetaObject::invokeMethod(
            worker,
            [this, worker] {
                if (m_impl->listener != nullptr && m_impl->listener->thread() == QThread::currentThread()) {
                    m_impl->listener->close();
                    delete m_impl->listener;
                    m_impl->listener = nullptr;
                }
                worker->shutdown();
            },
            Qt::BlockingQueuedConnection);
    }
    for (QThread* thread : m_impl->threads) {
        thread->quit();
        thread->wait();
        delete thread;
    }
    m_impl->threads.clear();
    m_impl->workers.clear();
    m_impl->running = false;
    m_impl->port = 0;
}

bool HttpServer::isListening() const
{
    return m_impl->running;
}

quint16 HttpServer::port() const
{
    return m_impl->port;
}

QString HttpServer::url() const
{
    const QString scheme = m_impl->shared.config.tls.enabled ? QStringLiteral("https") : QStringLiteral("http");
    return scheme + QStringLiteral("://") + hostForUrl(m_impl->shared.config.address) + QLatin1Char(':') +
           QString::number(m_impl->port);
}

QStringList HttpServer::warnings() const
{
    return m_impl->warnings;
}

QString HttpServer::certificateFile() const
{
    return m_impl->certificateFile;
}

int HttpServer::openConnections() const
{
    return m_impl->shared.connections.load();
}

bool HttpServer::hasEventReceivers() const
{
    // Asked on a worker thread when a request completes. Not tracked in
    // connectNotify()/disconnectNotify(): Qt calls those with its signal lock
    // held, and asking isSignalConnected() there deadlocks when a receiver dies.
    static const QMetaMethod signal = QMetaMethod::fromSignal(&HttpServer::requestCompleted);
    return isSignalConnected(signal);
}

RequestEvent HttpServer::makeEvent(const PendingResponse& r, const ConnectionInfo& info) const
{
    std::shared_ptr<const Redactor> redactor;
    {
        std::lock_guard lock(m_impl->redactorMutex);
        redactor = m_impl->redactor;
    }
    RequestEvent e;
    e.time = r.receivedAt;
    e.client = (info.peerAddress.find(':') != std::string::npos ? '[' + info.peerAddress + ']' : info.peerAddress) +
               ':' + std::to_string(info.peerPort);
    e.connectionId = info.connectionId;
    e.requestNumber = info.requestNumber;
    e.secure = info.secure;
    e.method = r.method;
    e.target = redactor->target(r.target);
    e.httpVersion = r.method.empty() ? std::string() : "HTTP/1." + std::to_string(r.versionMinor);
    e.requestHeaders = redactor->headers(r.requestHeaders);
    e.status = r.status;
    e.latency = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - r.startedAt);
    e.requestBodyBytes = r.requestBodyBytes;
    e.responseBodyBytes = r.responseBodyBytes;
    e.trace = r.trace;
    for (TraceStep& step : e.trace) {
        step.reason = redactor->text(step.reason);
    }
    return e;
}

void HttpServer::publish(const PendingResponse& response, const ConnectionInfo& info)
{
    const RequestEvent event = makeEvent(response, info);
    if (m_impl->sink) {
        m_impl->sink(event);
    }
    Q_EMIT requestCompleted(event); // nothing to do when no receiver is connected
}

} // namespace pc
