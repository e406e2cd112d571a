// SPDX-License-Identifier: Apache-2.0
// LoadErrorsWidget: why a policy file did not load — every error, located and
// worded exactly as `portcullis-cli check` prints it (Error::toString()) —
// with a way to try again once the file is fixed.
#pragma once

#include "common/Error.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace pc {

class LoadErrorsWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoadErrorsWidget)

public:
    explicit LoadErrorsWidget(QWidget* parent = nullptr);
    ~LoadErrorsWidget() override;

    void showErrors(const QString& path, const Errors& errors);
    void clear();
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QStringList lines() const;

Q_SIGNALS:
    void retryRequested(const QString& path);

private:
    QString m_path;
    QLabel* m_title;
    QListWidget* m_list;
    QPushButton* m_retry;
};

} // namespace pc
