// SPDX-License-Identifier: Apache-2.0
// SignalWatcher: turns SIGINT and SIGTERM into a Qt signal on the thread that
// created it, through a self-pipe: a signal handler may only write(2), and the
// event loop reads the pipe. One instance at a time per process (a handler
// has no context but a static descriptor); the previous handlers are
// restored when it is destroyed.
#pragma once

#include <QObject>
#include <QSocketNotifier>

#include <csignal>
#include <initializer_list>
#include <memory>
#include <vector>

namespace pc::cli {

class SignalWatcher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(std::initializer_list<int> signalNumbers = {SIGINT, SIGTERM}, QObject* parent = nullptr);
    ~SignalWatcher() override;

    [[nodiscard]] bool isActive() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void received(int signalNumber);

private:
    static void onSignal(int signalNumber);
    void drain();

    int m_pipe[2] = {-1, -1};
    std::unique_ptr<QSocketNotifier> m_notifier;
    std::vector<std::pair<int, struct sigaction>> m_previous;
};

} // namespace pc::cli
