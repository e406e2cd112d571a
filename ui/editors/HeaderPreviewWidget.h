// SPDX-License-Identifier: Apache-2.0
// HeaderPreviewWidget: the response header block every answer carries,
// rendered live from the policy (HeaderPolicy::rendered()), with the headers
// that are stripped and any header sent twice.
#pragma once

#include <QWidget>

class QPlainTextEdit;

namespace pc {

class MessageLabel;
class PolicyDocument;

class HeaderPreviewWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeaderPreviewWidget)

public:
    explicit HeaderPreviewWidget(PolicyDocument* document, QWidget* parent = nullptr);
    ~HeaderPreviewWidget() override;

    [[nodiscard]] QString previewText() const;

private:
    void refresh();

    PolicyDocument* m_document;
    QPlainTextEdit* m_text;
    MessageLabel* m_message;
};

} // namespace pc
