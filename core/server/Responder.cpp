// SPDX-License-Identifier: Apache-2.0
#include "server/Responder.h"

#include "server/HttpConnection.h"

#include <QMetaObject>
#include <QThread>

namespace pc {

Responder::Responder(std::shared_ptr<ConnectionLink> link, std::uint64_t sequence)
    : m_link(std::move(link)), m_sequence(sequence)
{
}

HttpConnection* Responder::localConnection() const
{
    // Only the connection's own thread clears the pointer, so reading it there needs no lock.
    if (!m_link || QThread::currentThread() != m_link->thread) {
        return nullptr;
    }
    return m_link->connection;
}

void Responder::send(HttpResponse response) const
{
    if (!m_link) {
        return;
    }
    if (QThread::currentThread() == m_link->thread) {
        if (HttpConnection* c = m_link->connection) {
            c->complete(m_sequence, std::move(response));
        }
        return;
    }
    // Another thread: post to the connection. The lock keeps it alive while posting;
    // Qt discards the call if the connection is deleted before it runs.
    std::lock_guard lock(m_link->mutex);
    if (HttpConnection* c = m_link->connection) {
        QMetaObject::invokeMethod(
            c, [c, sequence = m_sequence, r = std::move(response)]() mutable { c->complete(sequence, std::move(r)); },
            Qt::QueuedConnection);
    }
}

void Responder::beginStream(HttpResponse head, std::optional<std::uint64_t> contentLength) const
{
    if (HttpConnection* c = localConnection()) {
        c->beginStream(m_sequence, std::move(head), contentLength);
    }
}

void Responder::write(std::string_view chunk) const
{
    if (HttpConnection* c = localConnection()) {
        c->streamBody(m_sequence, chunk);
    }
}

void Responder::end(std::vector<TraceStep> trace) const
{
    if (HttpConnection* c = localConnection()) {
        c->endStream(m_sequence, std::move(trace));
    }
}

void Responder::abort(std::string reason) const
{
    if (HttpConnection* c = localConnection()) {
        c->abortStream(m_sequence, std::move(reason));
    }
}

bool Responder::connected() const
{
    if (!m_link) {
        return false;
    }
    std::lock_guard lock(m_link->mutex);
    return m_link->connection != nullptr;
}

bool Responder::writable() const
{
    HttpConnection* c = localConnection();
    return c != nullptr && c->writable(m_sequence);
}

void Responder::onWritable(std::function<void()> callback) const
{
    if (HttpConnection* c = localConnection()) {
        c->notifyWritable(m_sequence, std::move(callback));
    }
}

} // namespace pc
