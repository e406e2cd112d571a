// SPDX-License-Identifier: Apache-2.0
// PlainTransport: TCP on the raw descriptor with two QSocketNotifiers.
// QTcpSocket costs an ioctl per read and, under the glib event loop, a
// wake-up each time it arms and disarms its write notifier; this reads and
// writes with one syscall each and arms the write notifier only when the
// kernel buffer is full. Owns and closes the descriptor.
#pragma once

#include "server/Transport.h"

#include <QSocketNotifier>

#include <string>

namespace pc {

class PlainTransport final : public Transport {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlainTransport)

public:
    explicit PlainTransport(qintptr descriptor, QObject* parent = nullptr);
    ~PlainTransport() override;

    void start() override;
    qint64 read(char* data, qint64 max) override;
    bool write(std::string_view bytes) override;
    [[nodiscard]] qint64 pending() const override;
    void setReading(bool on) override;
    void finishWriting() override;
    void abort() override;
    [[nodiscard]] bool supportsHalfClose() const override { return true; }

private:
    void onWritable();

    int m_fd;
    QSocketNotifier m_readNotifier;
    QSocketNotifier m_writeNotifier;
    std::string m_out;
    std::size_t m_outPos = 0;
    bool m_finishWhenDrained = false;
};

} // namespace pc
