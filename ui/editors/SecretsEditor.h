// SPDX-License-Identifier: Apache-2.0
// SecretsEditor: the secret references (never values) and, for the selected
// one, "Generate into .env": a strong random value written to its dotenv
// file with mode 0600, shown to nobody.
#pragma once

#include "widgets/FormBinder.h"

#include <QWidget>

#include <memory>

class QPushButton;

namespace pc {

class SecretTableModel;
class Settings;
class TableEditor;

class SecretsEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretsEditor)

public:
    SecretsEditor(PolicyDocument* document, Settings& settings, QWidget* parent = nullptr);
    ~SecretsEditor() override;

    [[nodiscard]] TableEditor* table() const { return m_table; }
    // Generates the selected secret into its dotenv file, asking where when it has none.
    void generateIntoDotEnv();

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    void updateActions();
    [[nodiscard]] QString baseDirectory() const;

    PolicyDocument* m_document;
    Settings& m_settings;
    SecretTableModel* m_model;
    TableEditor* m_table;
    QPushButton* m_generate;
    MessageLabel* m_message;
    std::unique_ptr<FormBinder<SecretRef>> m_binder;
};

} // namespace pc
