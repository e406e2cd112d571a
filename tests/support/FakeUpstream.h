// SPDX-License-Identifier: Apache-2.0
// FakeUpstream: a scripted HTTP upstream for reverse-proxy tests. It accepts
// connections one at a time on its own thread, reads one request (head plus
// Content-Length body), records it, then plays its script: bytes to send,
// each after a pause, and closes (or holds the connection until destroyed).
// Header-only; test scaffolding, so the pauses are plain sleeps.
#pragma once

#include <QTcpServer>
#include <QTcpSocket>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace pc::test {

class FakeUpstream {
public:
    struct Step {
        int delayMs = 0;
        std::string bytes;
    };

    explicit FakeUpstream(std::vector<Step> script, bool closeAfter = true)
        : m_script(std::move(script)), m_closeAfter(closeAfter)
    {
        std::promise<quint16> ready;
        auto port = ready.get_future();
        m_thread = std::thread([this, &ready] { run(ready); });
        m_port = port.get();
    }

    ~FakeUpstream()
    {
        m_stop = true;
        m_thread.join();
    }

    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    [[nodiscard]] std::string lastRequest() const
    {
        std::lock_guard lock(m_mutex);
        return m_lastRequest;
    }
    [[nodiscard]] int requests() const { return m_requests.load(); }

private:
    void run(std::promise<quint16>& ready)
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        ready.set_value(server.serverPort());
        while (!m_stop) {
            if (!server.waitForNewConnection(50)) {
                continue;
            }
            std::unique_ptr<QTcpSocket> socket(server.nextPendingConnection());
            serve(*socket);
        }
    }

    void serve(QTcpSocket& socket)
    {
        std::string in;
        std::size_t headEnd = std::string::npos;
        std::size_t need = 0;
        while (!m_stop) {
            if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(50)) {
                if (socket.state() != QAbstractSocket::ConnectedState) {
                    return;
                }
                continue;
            }
            in += socket.readAll().toStdString();
            if (headEnd == std::string::npos && (headEnd = in.find("\r\n\r\n")) != std::string::npos) {
                const std::size_t cl = in.find("Content-Length: ");
                need = headEnd + 4 + (cl != std::string::npos && cl < headEnd ? std::stoull(in.substr(cl + 16)) : 0);
            }
            if (headEnd != std::string::npos && in.size() >= need) {
                break;
            }
        }
        {
            std::lock_guard lock(m_mutex);
            m_lastRequest = in;
        }
        ++m_requests;
        for (const Step& step : m_script) {
            std::this_thread::sleep_for(std::chrono::milliseconds(step.delayMs));
            socket.write(step.bytes.data(), static_cast<qint64>(step.bytes.size()));
            while (socket.bytesToWrite() > 0 && socket.state() == QAbstractSocket::ConnectedState && !m_stop) {
                socket.waitForBytesWritten(50);
            }
        }
        if (m_closeAfter) {
            socket.disconnectFromHost();
            if (socket.state() != QAbstractSocket::UnconnectedState) {
                socket.waitForDisconnected(1000);
            }
            return;
        }
        while (!m_stop && socket.state() == QAbstractSocket::ConnectedState) {
            socket.waitForReadyRead(50);
        }
    }

    std::vector<Step> m_script;
    bool m_closeAfter;
    std::thread m_thread;
    quint16 m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_requests{0};
    mutable std::mutex m_mutex;
    std::string m_lastRequest;
};

} // namespace pc::test
