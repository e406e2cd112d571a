// SPDX-License-Identifier: Apache-2.0
// ServeProcess: runs the real `portcullis-cli serve` for integration tests:
// starts it, waits for its `listening on URL` line, and stops it with a
// signal, keeping the exit status and what it wrote. Header-only.
#pragma once

#include "TestSupport.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QUrl>

#include <csignal>

namespace pc::test {

class ServeProcess {
public:
    static constexpr const char* kSecretKey = "integration-tests-hmac-key-32-bytes-long!";

    explicit ServeProcess(QStringList args, QProcessEnvironment env = QProcessEnvironment::systemEnvironment())
    {
        env.insert(QStringLiteral("SECRET_KEY"), QString::fromLatin1(kSecretKey));
        m_process.setProcessEnvironment(env);
        m_process.start(cliPath(), QStringList{QStringLiteral("serve")} + args);
    }

    ~ServeProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

    // Waits for `listening on URL`; false when serve exited or timed out first.
    bool waitReady(int timeoutMs = 30000)
    {
        static const QRegularExpression line(QStringLiteral("^listening on (https?://[^\\s]+)$"),
                                             QRegularExpression::MultilineOption);
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            const auto match = line.match(QString::fromUtf8(m_stdout));
            if (match.hasMatch()) {
                m_url = match.captured(1);
                return true;
            }
            if (m_process.state() == QProcess::NotRunning) {
                collect();
                return false;
            }
            m_process.waitForReadyRead(100);
            collect();
        }
        return false;
    }

    // Sends `signal`, waits for the exit; the exit code, or -1 when it did not exit cleanly.
    int stop(int signal = SIGTERM, int timeoutMs = 15000)
    {
        ::kill(static_cast<pid_t>(m_process.processId()), signal);
        if (!m_process.waitForFinished(timeoutMs)) {
            return -1;
        }
        collect();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    // Waits for serve to exit on its own (startup failures); the exit code.
    int waitExit(int timeoutMs = 30000)
    {
        m_process.waitForFinished(timeoutMs);
        collect();
        return m_process.exitCode();
    }

    [[nodiscard]] QString url() const { return m_url; }
    [[nodiscard]] quint16 port() const { return static_cast<quint16>(QUrl(m_url).port()); }
    [[nodiscard]] std::string url(const std::string& path) const { return m_url.toStdString() + path; }
    QByteArray standardOutput()
    {
        collect();
        return m_stdout;
    }
    QByteArray standardError()
    {
        collect();
        return m_stderr;
    }
    QProcess& process() { return m_process; }

private:
    void collect()
    {
        m_stdout += m_process.readAllStandardOutput();
        m_stderr += m_process.readAllStandardError();
    }

    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QString m_url;
};

} // namespace pc::test
