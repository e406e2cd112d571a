// SPDX-License-Identifier: Apache-2.0
// RawHttpClient: a blocking HTTP/1.1 client over one QTcpSocket (or
// QSslSocket) for tests that must control every byte: hostile requests,
// pipelining, slow senders. Reads responses framed by Content-Length, chunked
// encoding or connection close. Header-only; one per test thread.
#pragma once

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>

#include <sys/socket.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pc::test {

struct RawResponse {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    bool complete = false;

    [[nodiscard]] std::optional<std::string> header(const std::string& name) const
    {
        for (const auto& [n, v] : headers) {
            if (QByteArray::fromStdString(n).compare(QByteArray::fromStdString(name), Qt::CaseInsensitive) == 0) {
                return v;
            }
        }
        return std::nullopt;
    }
};

class RawHttpClient {
public:
    static constexpr int defaultTimeoutMs = 10000;

    explicit RawHttpClient(bool tls = false) : m_socket(tls ? new QSslSocket : new QTcpSocket) {}

    QTcpSocket& socket() { return *m_socket; }

    bool connect(quint16 port, const QString& host = QStringLiteral("127.0.0.1"))
    {
        m_socket->connectToHost(host, port);
        return m_socket->waitForConnected(defaultTimeoutMs);
    }

    bool connectTls(quint16 port, const QList<QSslCertificate>& trusted,
                    const QString& host = QStringLiteral("localhost"),
                    QSsl::SslProtocol protocol = QSsl::SecureProtocols)
    {
        auto* ssl = qobject_cast<QSslSocket*>(m_socket.get());
        if (ssl == nullptr) {
            return false;
        }
        QSslConfiguration conf = ssl->sslConfiguration();
        conf.setCaCertificates(trusted);
        conf.setProtocol(protocol);
        ssl->setSslConfiguration(conf);
        ssl->connectToHostEncrypted(host, port);
        return ssl->waitForEncrypted(defaultTimeoutMs);
    }

    bool send(const std::string& bytes)
    {
        if (m_socket->write(bytes.data(), static_cast<qint64>(bytes.size())) != static_cast<qint64>(bytes.size())) {
            return false;
        }
        while (m_socket->bytesToWrite() > 0) {
            if (!m_socket->waitForBytesWritten(defaultTimeoutMs)) {
                return false;
            }
        }
        return true;
    }

    // Leaves abruptly: the server sees a reset, not an orderly close.
    void reset()
    {
        const linger hard{1, 0};
        ::setsockopt(static_cast<int>(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        m_socket->abort();
    }

    // Sends FIN: the client will write nothing more, but still reads.
    void halfClose() { ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR); }

    // Reads one response. `headRequest`: the response has no body whatever its headers say.
    RawResponse read(bool headRequest = false, int timeoutMs = defaultTimeoutMs)
    {
        RawResponse r;
        std::size_t headEnd;
        while ((headEnd = m_buffer.find("\r\n\r\n")) == std::string::npos) {
            if (!fill(timeoutMs)) {
                return r;
            }
        }
        const std::string head = m_buffer.substr(0, headEnd);
        m_buffer.erase(0, headEnd + 4);
        std::size_t lineEnd = head.find("\r\n");
        const std::string statusLine = head.substr(0, lineEnd);
        if (statusLine.size() < 12 || statusLine.compare(0, 5, "HTTP/") != 0) {
            return r;
        }
        r.status = std::stoi(statusLine.substr(9, 3));
        while (lineEnd != std::string::npos) {
            const std::size_t start = lineEnd + 2;
            lineEnd = head.find("\r\n", start);
            const std::string line =
                head.substr(start, lineEnd == std::string::npos ? std::string::npos : lineEnd - start);
            const std::size_t colon = line.find(':');
            if (colon != std::string::npos) {
                std::string value = line.substr(colon + 1);
                value.erase(0, value.find_first_not_of(' '));
                r.headers.emplace_back(line.substr(0, colon), value);
            }
        }
        if (r.status < 200 || headRequest || r.status == 204 || r.status == 304) {
            r.complete = true;
            return r;
        }
        const auto te = r.header("Transfer-Encoding");
        const auto cl = r.header("Content-Length");
        if (te && *te == "chunked") {
            r.complete = readChunked(r.body, timeoutMs);
        } else if (cl) {
            const std::size_t n = std::stoull(*cl);
            while (m_buffer.size() < n) {
                if (!fill(timeoutMs)) {
                    return r;
                }
            }
            r.body = m_buffer.substr(0, n);
            m_buffer.erase(0, n);
            r.complete = true;
        } else {
            while (fill(timeoutMs)) {
            }
            r.body = std::move(m_buffer);
            m_buffer.clear();
            r.complete = closed();
        }
        return r;
    }

    // True when the server closed the connection without sending anything more.
    bool waitClosed(int timeoutMs = defaultTimeoutMs)
    {
        while (fill(timeoutMs)) {
        }
        return closed() && m_buffer.empty();
    }

    [[nodiscard]] bool closed() const { return m_socket->state() == QAbstractSocket::UnconnectedState || m_eof; }
    [[nodiscard]] const std::string& leftover() const { return m_buffer; }

private:
    bool fill(int timeoutMs)
    {
        if (m_socket->bytesAvailable() == 0) {
            if (m_eof || m_socket->state() != QAbstractSocket::ConnectedState ||
                !m_socket->waitForReadyRead(timeoutMs)) {
                m_eof = m_eof || m_socket->state() != QAbstractSocket::ConnectedState;
                if (m_socket->bytesAvailable() == 0) {
                    return false;
                }
            }
        }
        const QByteArray data = m_socket->readAll();
        m_buffer.append(data.constData(), static_cast<std::size_t>(data.size()));
        return !data.isEmpty();
    }

    bool readChunked(std::string& body, int timeoutMs)
    {
        while (true) {
            std::size_t lineEnd;
            while ((lineEnd = m_buffer.find("\r\n")) == std::string::npos) {
                if (!fill(timeoutMs)) {
                    return false;
                }
            }
            const std::size_t size = std::stoull(m_buffer.substr(0, lineEnd), nullptr, 16);
            m_buffer.erase(0, lineEnd + 2);
            while (m_buffer.size() < size + 2) {
                if (!fill(timeoutMs)) {
                    return false;
                }
            }
            body += m_buffer.substr(0, size);
            m_buffer.erase(0, size + 2);
            if (size == 0) {
                return true; // no trailers from our server
            }
        }
    }

    std::unique_ptr<QTcpSocket> m_socket;
    std::string m_buffer;
    bool m_eof = false;
};

} // namespace pc::test
