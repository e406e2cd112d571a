// SPDX-License-Identifier: Apache-2.0
// TlsTransport: TLS through QSslSocket in server mode. The handshake runs
// under the connection's header timeout; Qt's read buffer bounds what a
// client can make us hold while reading is paused. Owns its socket.
#pragma once

#include "server/Transport.h"

#include <QSslConfiguration>

class QSslSocket;

namespace pc {

class TlsTransport final : public Transport {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsTransport)

public:
    // False from open(): the descriptor was not accepted (and has been closed).
    TlsTransport(qintptr descriptor, const QSslConfiguration& configuration, QObject* parent = nullptr);
    ~TlsTransport() override;

    [[nodiscard]] bool isOpen() const;
    void start() override;
    qint64 read(char* data, qint64 max) override;
    bool write(std::string_view bytes) override;
    [[nodiscard]] qint64 pending() const override;
    void setReading(bool on) override;
    void finishWriting() override;
    void abort() override;
    [[nodiscard]] bool supportsHalfClose() const override { return false; }

private:
    QSslSocket* m_socket;
    bool m_open = false;
    bool m_closed = false;
};

} // namespace pc
