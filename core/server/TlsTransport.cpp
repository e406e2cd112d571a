// SPDX-License-Identifier: Apache-2.0
#include "server/TlsTransport.h"

#include <QSslSocket>

#include <unistd.h>

namespace pc {

namespace {

// Bounds what one client can make Qt buffer while the parser has no room.
constexpr qint64 readBufferSize = 256 * 1024;

} // namespace

TlsTransport::TlsTransport(qintptr descriptor, const QSslConfiguration& configuration, QObject* parent)
    : Transport(parent), m_socket(new QSslSocket(this))
{
    m_open = m_socket->setSocketDescriptor(descriptor);
    if (!m_open) {
        ::close(static_cast<int>(descriptor));
        return;
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setReadBufferSize(readBufferSize);
    m_socket->setSslConfiguration(configuration);
    connect(m_socket, &QSslSocket::encrypted, this, &Transport::ready);
    connect(m_socket, &QSslSocket::readyRead, this, &Transport::readable);
    connect(m_socket, &QSslSocket::bytesWritten, this, [this] {
        Q_EMIT progressed();
        if (m_socket->bytesToWrite() == 0) {
            Q_EMIT drained();
        }
    });
    connect(m_socket, &QSslSocket::disconnected, this, [this] {
        m_closed = true;
        Q_EMIT readable(); // read() now reports the end; buffered bytes are still delivered first
    });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError) {
            m_closed = true;
            Q_EMIT failed();
        }
    });
}

TlsTransport::~TlsTransport() = default;

bool TlsTransport::isOpen() const
{
    return m_open;
}

void TlsTransport::start()
{
    m_socket->startServerEncryption();
}

qint64 TlsTransport::read(char* data, qint64 max)
{
    const qint64 n = m_socket->read(data, max);
    if (n > 0) {
        return n;
    }
    // Qt closes the whole socket at the peer's end of stream: no half-close with TLS.
    return m_closed || m_socket->state() != QAbstractSocket::ConnectedState ? brokenStream : 0;
}

bool TlsTransport::write(std::string_view bytes)
{
    if (m_closed) {
        return false;
    }
    // No flush() here: QSslSocket would emit bytesWritten from inside it, re-entering the
    // connection while it is still writing. Qt sends the queue from the event loop.
    const qint64 n = m_socket->write(bytes.data(), static_cast<qint64>(bytes.size()));
    return n == static_cast<qint64>(bytes.size());
}

qint64 TlsTransport::pending() const
{
    return m_socket->bytesToWrite();
}

void TlsTransport::setReading(bool on)
{
    // Qt's buffer bounds what a paused client can send; on resume, bytes already
    // decrypted into it will not be announced again, so announce them here.
    if (on && !m_closed && m_socket->bytesAvailable() > 0) {
        QMetaObject::invokeMethod(this, &Transport::readable, Qt::QueuedConnection);
    }
}

void TlsTransport::finishWriting()
{
    m_socket->disconnectFromHost(); // sends close_notify once the queue is written
}

void TlsTransport::abort()
{
    m_closed = true;
    m_socket->abort();
}

} // namespace pc
