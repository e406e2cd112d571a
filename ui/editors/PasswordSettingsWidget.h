// SPDX-License-Identifier: Apache-2.0
// PasswordSettingsWidget: the password hashing scheme and its cost
// parameters, one page per scheme, with OWASP's floors in the tooltips.
#pragma once

#include "editors/CalibrationRunner.h"
#include "widgets/FormBinder.h"

#include <QWidget>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace pc {

class PasswordSettingsWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasswordSettingsWidget)

public:
    // `timers` measures hashes for Calibrate (the real hashers when empty).
    explicit PasswordSettingsWidget(PolicyDocument* document, QWidget* parent = nullptr,
                                    CalibrationRunner::TimerFactory timers = {});
    ~PasswordSettingsWidget() override;

    [[nodiscard]] CalibrationRunner* calibration() const { return m_runner; }
    void calibrate();

private:
    QWidget* buildBcrypt();
    QWidget* buildArgon2();
    QWidget* buildScrypt();
    QWidget* buildPbkdf2();
    QWidget* buildCalibration();
    void onCalibrated(const CalibrationReport& report);
    void refresh();

    PolicyDocument* m_document;
    std::unique_ptr<FormBinder<AuthPolicy>> m_auth;
    std::unique_ptr<FormBinder<PasswordPolicy>> m_passwords;
    QWidget* m_body;
    QStackedWidget* m_pages;
    CalibrationRunner* m_runner;
    QPushButton* m_calibrate = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_report = nullptr;
};

} // namespace pc
