// SPDX-License-Identifier: Apache-2.0
#include "shell/PreferencesDialog.h"

#include "support/Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>
#include <QVBoxLayout>

namespace pc {

PreferencesDialog::PreferencesDialog(Settings& settings, QWidget* parent)
    : QDialog(parent), m_settings(settings),
      m_autosave(new QCheckBox(tr("Keep a recovery copy of unsaved work"), this)), m_delay(new QSpinBox(this)),
      m_theme(new QComboBox(this)), m_recent(new QSpinBox(this))
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_autosave->setObjectName(QStringLiteral("autosaveCheckBox"));
    m_autosave->setToolTip(tr("After a crash, the next start offers to restore what was not saved."));
    m_autosave->setChecked(settings.autosaveEnabled());
    form->addRow(m_autosave);
    m_delay->setObjectName(QStringLiteral("autosaveDelaySpinBox"));
    m_delay->setRange(0, 600);
    m_delay->setSuffix(tr(" s"));
    m_delay->setValue(settings.autosaveDelayMs() / 1000);
    m_delay->setToolTip(tr("How long the document must stay unchanged before the recovery copy is written; while "
                           "you keep typing it is written at least every 30 seconds."));
    form->addRow(tr("Write it after"), m_delay);
    m_theme->setObjectName(QStringLiteral("themeComboBox"));
    m_theme->addItem(tr("Follow the system"), static_cast<int>(Settings::Theme::System));
    m_theme->addItem(tr("Light"), static_cast<int>(Settings::Theme::Light));
    m_theme->addItem(tr("Dark"), static_cast<int>(Settings::Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(static_cast<int>(settings.theme())));
    form->addRow(tr("Appearance"), m_theme);
    m_recent->setObjectName(QStringLiteral("maxRecentSpinBox"));
    m_recent->setRange(1, 30);
    m_recent->setValue(settings.maxRecentFiles());
    form->addRow(tr("Recent files to remember"), m_recent);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::apply()
{
    m_settings.setAutosaveEnabled(m_autosave->isChecked());
    m_settings.setAutosaveDelayMs(m_delay->value() * 1000);
    m_settings.setTheme(static_cast<Settings::Theme>(m_theme->currentData().toInt()));
    m_settings.setMaxRecentFiles(m_recent->value());
}

} // namespace pc
