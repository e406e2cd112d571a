// SPDX-License-Identifier: Apache-2.0
#include "server/UpstreamForwarder.h"

#include "server/ProxyHeaders.h"

#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <http_parser.h>
#include <nlohmann/json.hpp>

#include <array>
#include <memory>

namespace pc {

namespace {

std::string ms(std::chrono::milliseconds t)
{
    return std::to_string(t.count()) + " ms";
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

// One request to the upstream and its answer. Deletes itself when done.
class UpstreamExchange final : public QObject {
public:
    UpstreamExchange(const UpstreamOptions& options, QUrl url, std::string request, bool head,
                     UpstreamCallbacks callbacks, QObject* parent)
        : QObject(parent), m_options(options), m_url(std::move(url)), m_request(std::move(request)),
          m_headRequest(head), m_callbacks(std::move(callbacks))
    {
        http_parser_init(&m_parser, HTTP_RESPONSE);
        m_parser.data = this;
        http_parser_settings_init(&m_settings);
        m_settings.on_header_field = &UpstreamExchange::onHeaderField;
        m_settings.on_header_value = &UpstreamExchange::onHeaderValue;
        m_settings.on_headers_complete = &UpstreamExchange::onHeadersComplete;
        m_settings.on_body = &UpstreamExchange::onBody;
        m_settings.on_message_complete = &UpstreamExchange::onMessageComplete;
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &UpstreamExchange::onTimeout);
    }

    void start()
    {
        const bool tls = m_url.scheme() == QLatin1String("https");
        m_socket = tls ? new QSslSocket(this) : new QTcpSocket(this);
        m_socket->setReadBufferSize(64 * 1024); // a slow client slows the upstream, not our memory
        connect(m_socket, &QTcpSocket::readyRead, this, &UpstreamExchange::readAvailable);
        connect(m_socket, &QTcpSocket::disconnected, this, [this] {
            m_eof = true;
            readAvailable();
        });
        connect(m_socket, &QTcpSocket::errorOccurred, this, &UpstreamExchange::onSocketError);
        const quint16 port = static_cast<quint16>(m_url.port(tls ? 443 : 80));
        m_timer.start(m_options.connectTimeout);
        if (auto* ssl = qobject_cast<QSslSocket*>(m_socket)) {
            if (!m_options.verifyTls) {
                ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
            }
            connect(ssl, &QSslSocket::encrypted, this, &UpstreamExchange::sendRequest);
            ssl->connectToHostEncrypted(m_url.host(), port);
        } else {
            connect(m_socket, &QTcpSocket::connected, this, &UpstreamExchange::sendRequest);
            m_socket->connectToHost(m_url.host(), port);
        }
    }

private:
    std::string where() const { return m_url.toString(QUrl::RemovePath).toStdString(); }

    void sendRequest()
    {
        m_connected = true;
        m_socket->write(m_request.data(), static_cast<qint64>(m_request.size()));
        m_request.clear();
        m_timer.start(m_options.readTimeout);
    }

    void onTimeout()
    {
        if (!m_connected) {
            fail(502, "The upstream " + where() + " did not accept a connection within " +
                          ms(m_options.connectTimeout) + ".");
        } else {
            fail(504, "The upstream " + where() + " sent nothing for " + ms(m_options.readTimeout) + ".");
        }
    }

    void onSocketError(QAbstractSocket::SocketError error)
    {
        if (error == QAbstractSocket::RemoteHostClosedError) {
            return; // handled as end of stream
        }
        std::string reason;
        switch (error) {
        case QAbstractSocket::ConnectionRefusedError:
            reason = "The upstream " + where() + " refused the connection (is your API running?).";
            break;
        case QAbstractSocket::HostNotFoundError:
            reason = "The upstream host '" + m_url.host().toStdString() + "' was not found.";
            break;
        case QAbstractSocket::SslHandshakeFailedError:
            reason = "The TLS handshake with the upstream " + where() +
                     " failed: " + m_socket->errorString().toStdString() + '.';
            break;
        default:
            reason =
                "The upstream " + where() + " could not be reached: " + m_socket->errorString().toStdString() + '.';
            break;
        }
        fail(502, std::move(reason));
    }

    void readAvailable()
    {
        if (m_done) {
            return;
        }
        if (m_callbacks.stillWanted && !m_callbacks.stillWanted()) {
            finish(false); // the client left; stop the upstream too
            return;
        }
        std::array<char, 16 * 1024> buffer{};
        while (!m_done && m_socket->bytesAvailable() > 0) {
            if (m_headSent && m_callbacks.canTakeBody && !m_callbacks.canTakeBody()) {
                if (!m_waiting && m_callbacks.whenCanTakeBody) {
                    m_waiting = true;
                    m_callbacks.whenCanTakeBody([guard = QPointer<UpstreamExchange>(this)] {
                        if (guard) {
                            guard->m_waiting = false;
                            guard->readAvailable();
                        }
                    });
                }
                return;
            }
            const qint64 n = m_socket->read(buffer.data(), static_cast<qint64>(buffer.size()));
            if (n <= 0) {
                break;
            }
            m_timer.start(m_options.readTimeout);
            feed(buffer.data(), static_cast<std::size_t>(n));
        }
        if (m_eof && !m_done && m_socket->bytesAvailable() == 0) {
            feed(nullptr, 0); // tells the parser the stream ended: completes close-delimited bodies
            if (!m_done) {
                fail(502, m_headSent ? "The upstream " + where() + " closed the connection in the middle of the body."
                                     : "The upstream " + where() + " closed the connection without an answer.");
            }
        }
    }

    void feed(const char* data, std::size_t len)
    {
        const std::size_t used = http_parser_execute(&m_parser, &m_settings, data, len);
        const auto code = HTTP_PARSER_ERRNO(&m_parser);
        if (!m_done && (code != HPE_OK || (len > 0 && used != len))) {
            if (m_failure) {
                fail(m_failure->status, m_failure->reason);
            } else if (code != HPE_INVALID_EOF_STATE) {
                fail(502,
                     "The upstream " + where() + " sent a malformed response: " + http_errno_description(code) + '.');
            }
        }
    }

    void fail(int status, std::string reason)
    {
        if (m_done) {
            return;
        }
        const auto onFailure = m_callbacks.onFailure;
        finish(false);
        if (onFailure) {
            onFailure({status, std::move(reason)});
        }
    }

    void finish(bool success)
    {
        m_done = true;
        m_timer.stop();
        if (m_socket != nullptr) {
            m_socket->abort();
        }
        if (success && m_callbacks.onEnd) {
            m_callbacks.onEnd();
        }
        deleteLater();
    }

    static UpstreamExchange& self(http_parser* p) { return *static_cast<UpstreamExchange*>(p->data); }

    int refuse(std::string reason)
    {
        m_failure = UpstreamFailure{502, std::move(reason)};
        return -1;
    }

    static int onHeaderField(http_parser* p, const char* at, std::size_t len)
    {
        UpstreamExchange& s = self(p);
        if (s.m_lastWasValue || s.m_headers.empty()) {
            s.m_headers.emplace_back();
            s.m_lastWasValue = false;
        }
        s.m_headers.back().name.append(at, len);
        s.m_headBytes += len;
        return s.m_headBytes > s.m_options.maxResponseHeadBytes ? s.refuse("The upstream's response head is too large.")
                                                                : 0;
    }

    static int onHeaderValue(http_parser* p, const char* at, std::size_t len)
    {
        UpstreamExchange& s = self(p);
        if (s.m_headers.empty()) {
            return s.refuse("The upstream sent a header value without a name.");
        }
        s.m_headers.back().value.append(at, len);
        s.m_lastWasValue = true;
        s.m_headBytes += len;
        return s.m_headBytes > s.m_options.maxResponseHeadBytes ? s.refuse("The upstream's response head is too large.")
                                                                : 0;
    }

    static int onHeadersComplete(http_parser* p)
    {
        UpstreamExchange& s = self(p);
        const int status = static_cast<int>(p->status_code);
        if (status == 101) {
            return s.refuse("The upstream switched protocols, which the test server does not relay.");
        }
        if (status >= 100 && status < 200) {
            s.m_informational = true; // 100 Continue, 103 Early Hints: skipped
            s.m_headers.clear();
            s.m_lastWasValue = false;
            return 0;
        }
        for (HeaderField& h : s.m_headers) {
            h.value = std::string(trimmed(h.value));
        }
        UpstreamHead head;
        head.status = status;
        head.headers = ProxyHeaders::withoutHopByHop(s.m_headers);
        std::erase_if(head.headers, [](const HeaderField& h) { return equalsIgnoreCase(h.name, "content-length"); });
        if ((p->flags & F_CONTENTLENGTH) != 0 && (p->flags & F_CHUNKED) == 0) {
            head.contentLength = p->content_length;
        } else if (s.m_headRequest || status == 204 || status == 304) {
            head.contentLength = 0;
        }
        s.m_headSent = true;
        if (s.m_callbacks.onHead) {
            s.m_callbacks.onHead(std::move(head));
        }
        return s.m_headRequest ? 1 : 0; // 1: a HEAD answer has no body, whatever its Content-Length says
    }

    static int onBody(http_parser* p, const char* at, std::size_t len)
    {
        UpstreamExchange& s = self(p);
        if (s.m_callbacks.onBody) {
            s.m_callbacks.onBody(std::string_view(at, len));
        }
        return 0;
    }

    static int onMessageComplete(http_parser* p)
    {
        UpstreamExchange& s = self(p);
        if (s.m_informational) {
            s.m_informational = false; // the real answer follows
            return 0;
        }
        s.finish(true);
        http_parser_pause(p, 1);
        return 0;
    }

    UpstreamOptions m_options;
    QUrl m_url;
    std::string m_request;
    bool m_headRequest;
    UpstreamCallbacks m_callbacks;
    QTcpSocket* m_socket = nullptr;
    QTimer m_timer;
    http_parser m_parser{};
    http_parser_settings m_settings{};
    std::vector<HeaderField> m_headers;
    std::size_t m_headBytes = 0;
    std::optional<UpstreamFailure> m_failure;
    bool m_lastWasValue = false;
    bool m_informational = false;
    bool m_connected = false;
    bool m_headSent = false;
    bool m_waiting = false;
    bool m_eof = false;
    bool m_done = false;
};

} // namespace

UpstreamForwarder::UpstreamForwarder(UpstreamOptions options, QObject* parent) : QObject(parent), m_options(options)
{
}

UpstreamForwarder::~UpstreamForwarder() = default;

Result<QUrl> UpstreamForwarder::parseUpstream(const std::string& text)
{
    const QUrl url(QString::fromStdString(text), QUrl::StrictMode);
    const bool schemeOk = url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
    if (!url.isValid() || !schemeOk || url.host().isEmpty() || url.hasQuery() || url.hasFragment() ||
        !url.userInfo().isEmpty()) {
        return makeError("bad-upstream", "The upstream '" + text + "' is not an http:// or https:// URL.", {},
                         "write it like http://127.0.0.1:8000 (a path prefix is allowed, a query is not)");
    }
    return url;
}

void UpstreamForwarder::forward(const QUrl& upstream, const HttpRequest& request, const ConnectionInfo& connection,
                                UpstreamCallbacks callbacks)
{
    const bool tls = upstream.scheme() == QLatin1String("https");
    const int port = upstream.port(-1);
    std::string authority = upstream.host(QUrl::FullyEncoded).toStdString();
    if (upstream.host().contains(QLatin1Char(':'))) {
        authority = '[' + authority + ']';
    }
    if (port >= 0 && port != (tls ? 443 : 80)) {
        authority += ':' + std::to_string(port);
    }
    std::string base = upstream.path(QUrl::FullyEncoded).toStdString();
    while (!base.empty() && base.back() == '/') {
        base.pop_back();
    }
    std::string bytes = request.method + ' ' + base + (request.target == "*" ? "/" : request.target) + " HTTP/1.1\r\n";
    for (const HeaderField& h : ProxyHeaders::upstreamRequestHeaders(request, connection, authority)) {
        bytes += h.name + ": " + h.value + "\r\n";
    }
    bytes += "\r\n";
    bytes += request.body;
    auto* exchange = new UpstreamExchange(m_options, upstream, std::move(bytes), request.method == "HEAD",
                                          std::move(callbacks), this);
    exchange->start();
}

int UpstreamForwarder::activeExchanges() const
{
    return static_cast<int>(children().size());
}

UpstreamCallbacks UpstreamForwarder::streamTo(Responder responder, std::vector<TraceStep> trace)
{
    struct State {
        Responder responder;
        std::vector<TraceStep> trace;
        bool headSent = false;
    };
    auto s = std::make_shared<State>(State{std::move(responder), std::move(trace)});
    UpstreamCallbacks cb;
    cb.onHead = [s](UpstreamHead head) {
        s->headSent = true;
        HttpResponse r;
        r.status = head.status;
        r.headers = std::move(head.headers);
        r.trace = s->trace;
        r.trace.push_back({"handler", "answer", "The upstream answered " + std::to_string(head.status) + '.', ""});
        s->responder.beginStream(std::move(r), head.contentLength);
    };
    cb.onBody = [s](std::string_view chunk) { s->responder.write(chunk); };
    cb.onEnd = [s] { s->responder.end(); };
    cb.onFailure = [s](UpstreamFailure failure) {
        if (s->headSent) {
            s->responder.abort(failure.reason);
            return;
        }
        HttpResponse r;
        r.status = failure.status;
        r.headers.push_back({"Content-Type", "application/json"});
        r.body = nlohmann::json{{"detail", failure.reason}}.dump();
        r.trace = s->trace;
        r.trace.push_back({"handler", "deny", failure.reason, ""});
        s->responder.send(std::move(r));
    };
    cb.canTakeBody = [s] { return s->responder.writable(); };
    cb.whenCanTakeBody = [s](std::function<void()> resume) { s->responder.onWritable(std::move(resume)); };
    cb.stillWanted = [s] { return s->responder.connected(); };
    return cb;
}

} // namespace pc
