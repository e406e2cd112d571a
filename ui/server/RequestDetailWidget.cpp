// SPDX-License-Identifier: Apache-2.0
#include "server/RequestDetailWidget.h"

#include "engine/DecisionFormatter.h"
#include "server/RequestEvent.h"
#include "server/RequestLogModel.h"
#include "support/Text.h"

#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace pc {

RequestDetailWidget::RequestDetailWidget(QWidget* parent) : QWidget(parent), m_text(new QPlainTextEdit(this))
{
    m_text->setObjectName(QStringLiteral("requestDetailTextEdit"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlaceholderText(tr("Select a request in the log to see its headers and why the policy answered as "
                                  "it did."));
    m_text->setToolTip(tr("The selected request as the server received it (values that look secret are masked), "
                          "its answer, and the decision trace: each stage of the policy, its verdict and the part "
                          "of the policy that decided — the same lines as portcullis-cli simulate."));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
}

RequestDetailWidget::~RequestDetailWidget() = default;

QString RequestDetailWidget::describe(const RequestEvent& event)
{
    QString out;
    if (event.method.empty()) {
        out += tr("(the request line could not be read)\n");
    } else {
        out += toQ(event.method) + u' ' + toQ(event.target) + u' ' + toQ(event.httpVersion) + u'\n';
    }
    // What was decided first, then the headers, which are long and rarely the point.
    out += tr("Status: %1\n").arg(RequestLogModel::statusText(event.status));
    out += tr("Latency: %1\n").arg(RequestLogModel::latencyText(event.latency));
    out += tr("Client: %1 (connection %2, request %3%4)\n")
               .arg(toQ(event.client))
               .arg(event.connectionId)
               .arg(event.requestNumber)
               .arg(event.secure ? tr(", TLS") : QString());
    out += tr("Bytes: %1 in, %2 out\n").arg(event.requestBodyBytes).arg(event.responseBodyBytes);
    out += u'\n';
    if (event.trace.empty()) {
        out += tr("No decision trace: the server answered before the policy ran (a malformed request, a size "
                  "limit or a timeout).\n");
    } else {
        out += toQ(DecisionFormatter::traceText(event.trace));
    }
    out += u'\n';
    out += tr("Request headers:\n");
    for (const HeaderField& h : event.requestHeaders) {
        out += QStringLiteral("  ") + toQ(h.name) + QStringLiteral(": ") + toQ(h.value) + u'\n';
    }
    return out;
}

void RequestDetailWidget::setEvent(const RequestEvent& event)
{
    m_text->setPlainText(describe(event));
}

void RequestDetailWidget::clear()
{
    m_text->clear();
}

QString RequestDetailWidget::text() const
{
    return m_text->toPlainText();
}

} // namespace pc
