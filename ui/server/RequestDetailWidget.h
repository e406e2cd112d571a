// SPDX-License-Identifier: Apache-2.0
// RequestDetailWidget: one request of the test server's log, read-only: the
// request line, the status and latency, the decision trace worded exactly as
// `portcullis-cli simulate --format text` prints it, and the request's headers
// (redacted by the server). GUI thread only.
#pragma once

#include <QWidget>

class QPlainTextEdit;

namespace pc {

struct RequestEvent;

class RequestDetailWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestDetailWidget)

public:
    explicit RequestDetailWidget(QWidget* parent = nullptr);
    ~RequestDetailWidget() override;

    void setEvent(const RequestEvent& event);
    void clear();
    [[nodiscard]] QString text() const;

    [[nodiscard]] static QString describe(const RequestEvent& event);

private:
    QPlainTextEdit* m_text;
};

} // namespace pc
