// SPDX-License-Identifier: Apache-2.0
#include "editors/CalibrationRunner.h"

#include "support/Text.h"

#include <QThread>

namespace pc {

CalibrationRunner::CalibrationRunner(TimerFactory timers, QObject* parent)
    : QObject(parent), m_timers(std::move(timers))
{
    if (!m_timers) {
        m_timers = [] { return std::make_unique<SystemHashTimer>(); };
    }
}

CalibrationRunner::~CalibrationRunner()
{
    if (m_thread != nullptr) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

void CalibrationRunner::start(PasswordScheme scheme, Duration target)
{
    if (m_thread != nullptr) {
        return;
    }
    m_cancel = false;
    // The worker owns its timer; it talks back only through queued calls to
    // this object, which Qt drops if the runner is gone.
    m_thread = QThread::create([this, scheme, target, timers = m_timers] {
        std::unique_ptr<HashTimer> timer = timers();
        auto onTrial = [this](const CalibrationTrial& trial, int completed, int expected) {
            const QString text = QStringLiteral("%1: %2 ms")
                                     .arg(toQ(trial.setting.describe()))
                                     .arg(std::chrono::duration<double, std::milli>(trial.measured).count(), 0, 'f', 0);
            QMetaObject::invokeMethod(
                this, [this, completed, expected, text] { Q_EMIT progress(completed, expected, text); },
                Qt::QueuedConnection);
        };
        Result<CalibrationReport> result = calibratePasswordScheme(scheme, target, *timer, onTrial, &m_cancel);
        QMetaObject::invokeMethod(
            this, [this, result = std::move(result)] { onDone(result); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("calibration"));
    m_thread->start();
}

void CalibrationRunner::cancel()
{
    m_cancel = true;
}

void CalibrationRunner::onDone(const Result<CalibrationReport>& result)
{
    if (m_thread != nullptr) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    if (!result) {
        QStringList lines;
        for (const Error& e : result.errors()) {
            lines << toQ(e.message);
        }
        Q_EMIT failed(lines.join(u'\n'));
        return;
    }
    Q_EMIT finished(result.value());
}

} // namespace pc
