// SPDX-License-Identifier: Apache-2.0
// PreferencesDialog: the user's preferences (autosave, theme, recent files),
// read from and written to Settings when accepted.
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace pc {

class Settings;

class PreferencesDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    PreferencesDialog(Settings& settings, QWidget* parent = nullptr);
    ~PreferencesDialog() override;

    // Writes the dialog's values to Settings.
    void apply();

private:
    Settings& m_settings;
    QCheckBox* m_autosave;
    QSpinBox* m_delay;
    QComboBox* m_theme;
    QSpinBox* m_recent;
};

} // namespace pc
