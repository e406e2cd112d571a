// SPDX-License-Identifier: Apache-2.0
#include "editors/HeaderPreviewWidget.h"

#include "document/PolicyDocument.h"
#include "engine/HttpRequest.h"
#include "support/Text.h"
#include "widgets/MessageLabel.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace pc {

HeaderPreviewWidget::HeaderPreviewWidget(PolicyDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_text(new QPlainTextEdit(this)), m_message(new MessageLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(tr("Every response carries"), this);
    layout->addWidget(title);
    m_text->setObjectName(QStringLiteral("headerPreviewTextEdit"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setToolTip(tr("The security headers added to every response, errors included, in the order they are "
                          "sent; CORS and rate-limit headers depend on the request and are added on top."));
    layout->addWidget(m_text, 1);
    layout->addWidget(m_message);
    connect(document, &PolicyDocument::changed, this, [this](const PolicyChange& change) {
        if (change.kind == PolicyChange::Kind::Reset || policypath::related(change.path, "/headers")) {
            refresh();
        }
    });
    refresh();
}

HeaderPreviewWidget::~HeaderPreviewWidget() = default;

QString HeaderPreviewWidget::previewText() const
{
    return m_text->toPlainText();
}

void HeaderPreviewWidget::refresh()
{
    const HeaderPolicy& headers = m_document->policy().headers;
    const std::vector<HeaderField> rendered = headers.rendered();
    QStringList lines;
    QStringList twice;
    for (size_t i = 0; i < rendered.size(); ++i) {
        lines << toQ(rendered[i].name) + QStringLiteral(": ") + toQ(rendered[i].value);
        for (size_t j = 0; j < i; ++j) {
            if (equalsIgnoreCase(rendered[j].name, rendered[i].name) && !twice.contains(toQ(rendered[i].name))) {
                twice << toQ(rendered[i].name);
            }
        }
    }
    if (!headers.remove.empty()) {
        lines << QString() << tr("Removed: %1").arg(joinTokens(headers.remove, QStringLiteral(", ")));
    }
    const QString text = lines.join(u'\n');
    if (m_text->toPlainText() != text) {
        m_text->setPlainText(text);
    }
    m_message->setMessage(twice.isEmpty() ? QString()
                                          : tr("Sent twice: %1. Browsers may join or reject duplicated security "
                                               "headers; keep one.")
                                                .arg(twice.join(QStringLiteral(", "))),
                          Severity::Warning);
}

} // namespace pc
