// SPDX-License-Identifier: Apache-2.0
// Transport: the byte stream under one HttpConnection. PlainTransport is TCP
// on the raw descriptor (one recv and one send per request, no Qt buffers);
// TlsTransport is QSslSocket. Reads return what is there; writes queue what
// the kernel refuses and report drained() when the queue empties. Owned by its
// connection, on the connection's thread.
#pragma once

#include <QObject>

#include <string_view>

namespace pc {

class Transport : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~Transport() override = default;

    static constexpr qint64 closedStream = -1; // the peer sent its FIN: it may still read
    static constexpr qint64 brokenStream = -2; // reset or failed: nothing more either way

    virtual void start() = 0; // emits ready() once bytes can flow (after the TLS handshake)
    // > 0: bytes read; 0: nothing now; closedStream or brokenStream.
    virtual qint64 read(char* data, qint64 max) = 0;
    // Queues what the kernel does not take at once. False: the connection is broken.
    virtual bool write(std::string_view bytes) = 0;
    [[nodiscard]] virtual qint64 pending() const = 0;
    // Stop or resume readable() while the connection cannot take more input.
    virtual void setReading(bool on) = 0;
    // We are done sending: half-close (plain) or close_notify (TLS), once the queue is empty.
    virtual void finishWriting() = 0;
    virtual void abort() = 0;
    [[nodiscard]] virtual bool supportsHalfClose() const = 0;

Q_SIGNALS:
    void ready();
    void readable();
    void progressed(); // queued bytes went out
    void drained();    // the queue is empty
    void failed();     // broken or closed outside a read() call
};

} // namespace pc
