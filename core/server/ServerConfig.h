// SPDX-License-Identifier: Apache-2.0
// ServerConfig: everything the test server needs to listen: address and port,
// threads, limits, timeouts, TLS and upstream settings. fromPolicy() maps the
// policy's transport and limits sections. Plain data; validate() says what is
// wrong in sentences.
#pragma once

#include "server/ServerLimits.h"

#include "common/Result.h"
#include "policy/SizeLimits.h"
#include "policy/TransportPolicy.h"

#include <QHostAddress>
#include <QString>

#include <chrono>

namespace pc {

struct TlsSettings {
    bool enabled = false;
    // The user's certificate chain and private key (PEM). When both are empty
    // the server uses a self-signed certificate kept in `generatedDirectory`,
    // generating it on first use.
    QString certificateFile;
    QString privateKeyFile;
    QString generatedDirectory;
    TlsVersion minimumVersion = TlsVersion::Tls12;
};

struct UpstreamOptions {
    std::chrono::milliseconds connectTimeout{5000};
    std::chrono::milliseconds readTimeout{30000}; // between bytes of the upstream's answer
    std::size_t maxResponseHeadBytes = 64 * 1024;
    bool verifyTls = true; // an https upstream must present a certificate the system trusts
};

struct ServerConfig {
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0; // 0: the system picks a free port
    // Binding anything but loopback exposes the test server to the network;
    // it takes this explicit opt-in and is reported through HttpServer::warnings().
    bool allowNonLoopback = false;
    int threads = 1;

    ServerLimits limits;
    std::chrono::milliseconds headerTimeout{10000}; // from connect or first byte to the end of the head (408)
    std::chrono::milliseconds bodyTimeout{30000};   // between reads of a body (408)
    std::chrono::milliseconds idleTimeout{60000};   // keep-alive between requests; stalled writes
    std::chrono::milliseconds lingerTimeout{2000};  // draining unread input before closing
    int maxConnections = 1024;                      // beyond: 503 and close
    int maxPipelinedRequests = 32;                  // parsed but unanswered, per connection

    TlsSettings tls;
    UpstreamOptions upstream;

    [[nodiscard]] Status validate() const;
    // Limits and timeouts from the policy; address, port, threads and TLS stay as they are.
    void applyPolicy(const TransportPolicy& transport, const SizeLimits& limits);
};

} // namespace pc
