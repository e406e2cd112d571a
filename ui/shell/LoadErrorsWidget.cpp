// SPDX-License-Identifier: Apache-2.0
#include "shell/LoadErrorsWidget.h"

#include "support/Text.h"

#include <QDir>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace pc {

LoadErrorsWidget::LoadErrorsWidget(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_list(new QListWidget(this)),
      m_retry(new QPushButton(tr("Try again"), this))
{
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_title->setObjectName(QStringLiteral("loadErrorsTitleLabel"));
    m_title->setWordWrap(true);
    top->addWidget(m_title, 1);
    m_retry->setObjectName(QStringLiteral("retryLoadButton"));
    m_retry->setToolTip(tr("Open the file again, after fixing it in another editor."));
    connect(m_retry, &QPushButton::clicked, this, [this] { Q_EMIT retryRequested(m_path); });
    top->addWidget(m_retry);
    layout->addLayout(top);
    m_list->setObjectName(QStringLiteral("loadErrorListWidget"));
    m_list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_list->setWordWrap(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    layout->addWidget(m_list, 1);
}

LoadErrorsWidget::~LoadErrorsWidget() = default;

void LoadErrorsWidget::showErrors(const QString& path, const Errors& errors)
{
    m_path = path;
    m_title->setText(tr("%1 did not load. It was left untouched and will not be overwritten without asking.")
                         .arg(QDir::toNativeSeparators(path)));
    m_list->clear();
    for (const Error& e : errors) {
        auto* item = new QListWidgetItem(toQ(e.toString()), m_list);
        item->setToolTip(toQ(e.code));
    }
    m_retry->setEnabled(true);
}

void LoadErrorsWidget::clear()
{
    m_path.clear();
    m_title->clear();
    m_list->clear();
    m_retry->setEnabled(false);
}

QStringList LoadErrorsWidget::lines() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i) {
        out << m_list->item(i)->text();
    }
    return out;
}

} // namespace pc
