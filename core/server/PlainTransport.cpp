// SPDX-License-Identifier: Apache-2.0
#include "server/PlainTransport.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace pc {

PlainTransport::PlainTransport(qintptr descriptor, QObject* parent)
    : Transport(parent), m_fd(static_cast<int>(descriptor)), m_readNotifier(descriptor, QSocketNotifier::Read),
      m_writeNotifier(descriptor, QSocketNotifier::Write)
{
    m_readNotifier.setParent(this);
    m_writeNotifier.setParent(this);
    m_readNotifier.setEnabled(false);
    m_writeNotifier.setEnabled(false);
    connect(&m_readNotifier, &QSocketNotifier::activated, this, &Transport::readable);
    connect(&m_writeNotifier, &QSocketNotifier::activated, this, &PlainTransport::onWritable);
}

PlainTransport::~PlainTransport()
{
    abort();
}

void PlainTransport::start()
{
    m_readNotifier.setEnabled(true);
    Q_EMIT ready();
}

qint64 PlainTransport::read(char* data, qint64 max)
{
    if (m_fd < 0) {
        return brokenStream;
    }
    while (true) {
        const ssize_t n = ::recv(m_fd, data, static_cast<size_t>(max), MSG_DONTWAIT);
        if (n > 0) {
            return n;
        }
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            return 0;
        }
        m_readNotifier.setEnabled(false); // nothing more will come
        return n == 0 ? closedStream : brokenStream;
    }
}

bool PlainTransport::write(std::string_view bytes)
{
    if (m_fd < 0) {
        return false;
    }
    if (pending() == 0) {
        while (!bytes.empty()) {
            const ssize_t n = ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n > 0) {
                bytes.remove_prefix(static_cast<std::size_t>(n));
            } else if (n < 0 && errno == EINTR) {
                continue;
            } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                break;
            } else {
                return false;
            }
        }
        if (bytes.empty()) {
            return true;
        }
        m_out.clear();
        m_outPos = 0;
    }
    m_out.append(bytes);
    m_writeNotifier.setEnabled(true);
    return true;
}

void PlainTransport::onWritable()
{
    const std::size_t before = m_outPos;
    while (m_outPos < m_out.size()) {
        const ssize_t n = ::send(m_fd, m_out.data() + m_outPos, m_out.size() - m_outPos, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0) {
            m_outPos += static_cast<std::size_t>(n);
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            if (m_outPos > before) {
                Q_EMIT progressed();
            }
            return;
        } else {
            m_writeNotifier.setEnabled(false);
            Q_EMIT failed();
            return;
        }
    }
    m_writeNotifier.setEnabled(false);
    m_out.clear();
    m_out.shrink_to_fit(); // a big answer should not pin its memory for the life of the connection
    m_outPos = 0;
    if (m_finishWhenDrained) {
        ::shutdown(m_fd, SHUT_WR);
    }
    Q_EMIT progressed();
    Q_EMIT drained();
}

qint64 PlainTransport::pending() const
{
    return static_cast<qint64>(m_out.size() - m_outPos);
}

void PlainTransport::setReading(bool on)
{
    if (m_fd >= 0 && m_readNotifier.isEnabled() != on) {
        m_readNotifier.setEnabled(on);
    }
}

void PlainTransport::finishWriting()
{
    if (m_fd < 0) {
        return;
    }
    if (pending() == 0) {
        ::shutdown(m_fd, SHUT_WR);
    } else {
        m_finishWhenDrained = true;
    }
}

void PlainTransport::abort()
{
    if (m_fd < 0) {
        return;
    }
    m_readNotifier.setEnabled(false);
    m_writeNotifier.setEnabled(false);
    ::close(m_fd);
    m_fd = -1;
}

} // namespace pc
