// SPDX-License-Identifier: Apache-2.0
// CalibrationRunner: runs password calibration (core/auth) on a worker thread
// so the window stays responsive, reports progress and the final report on
// the GUI thread, and can be cancelled. The HashTimer comes from a factory so
// tests can script the measurements. Destroying the runner cancels and waits.
#pragma once

#include "auth/HashTimer.h"
#include "auth/PasswordCalibration.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace pc {

class CalibrationRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CalibrationRunner)

public:
    using TimerFactory = std::function<std::unique_ptr<HashTimer>()>;

    explicit CalibrationRunner(TimerFactory timers = {}, QObject* parent = nullptr);
    ~CalibrationRunner() override;

    [[nodiscard]] bool isRunning() const { return m_thread != nullptr; }
    // Ignored while a run is in progress.
    void start(PasswordScheme scheme, Duration target);
    void cancel();

Q_SIGNALS:
    // `text` describes the trial just measured ("cost=12: 251 ms").
    void progress(int completed, int expected, const QString& text);
    void finished(const pc::CalibrationReport& report);
    void failed(const QString& reason);

private:
    void onDone(const Result<CalibrationReport>& result);

    TimerFactory m_timers;
    QThread* m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
};

} // namespace pc
