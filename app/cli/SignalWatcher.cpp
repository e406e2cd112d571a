// SPDX-License-Identifier: Apache-2.0
#include "SignalWatcher.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

namespace pc::cli {

namespace {

// The write end of the active watcher's pipe. Global because a signal handler
// receives nothing but the signal number.
std::atomic<int> g_writeEnd{-1};

} // namespace

SignalWatcher::SignalWatcher(std::initializer_list<int> signalNumbers, QObject* parent) : QObject(parent)
{
    int expected = -1;
    if (::pipe2(m_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        return;
    }
    if (!g_writeEnd.compare_exchange_strong(expected, m_pipe[1])) {
        ::close(m_pipe[0]);
        ::close(m_pipe[1]);
        m_pipe[0] = m_pipe[1] = -1;
        return; // another watcher is active
    }
    m_notifier = std::make_unique<QSocketNotifier>(m_pipe[0], QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &SignalWatcher::drain);
    for (const int number : signalNumbers) {
        struct sigaction action {};
        action.sa_handler = &SignalWatcher::onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        struct sigaction previous {};
        if (::sigaction(number, &action, &previous) == 0) {
            m_previous.emplace_back(number, previous);
        }
    }
}

SignalWatcher::~SignalWatcher()
{
    for (const auto& [number, previous] : m_previous) {
        ::sigaction(number, &previous, nullptr);
    }
    if (m_notifier) {
        m_notifier.reset();
        int mine = m_pipe[1];
        g_writeEnd.compare_exchange_strong(mine, -1);
        ::close(m_pipe[0]);
        ::close(m_pipe[1]);
    }
}

void SignalWatcher::onSignal(int signalNumber)
{
    const int saved = errno;
    const int fd = g_writeEnd.load();
    if (fd >= 0) {
        const unsigned char byte = static_cast<unsigned char>(signalNumber);
        [[maybe_unused]] const ssize_t n = ::write(fd, &byte, 1);
    }
    errno = saved;
}

void SignalWatcher::drain()
{
    unsigned char bytes[16];
    ssize_t n;
    while ((n = ::read(m_pipe[0], bytes, sizeof bytes)) > 0) {
        for (ssize_t i = 0; i < n; ++i) {
            Q_EMIT received(bytes[i]);
        }
    }
}

} // namespace pc::cli
