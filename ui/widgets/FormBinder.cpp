// SPDX-License-Identifier: Apache-2.0
#include "widgets/FormBinder.h"

#include <QVariant>

namespace pc {

FormBinderBase::FormBinderBase(PolicyDocument* document, QObject* context) : m_document(document)
{
    m_connection = QObject::connect(document, &PolicyDocument::changed, context,
                                    [this](const PolicyChange& change) { onChanged(change); });
}

FormBinderBase::~FormBinderBase()
{
    QObject::disconnect(m_connection);
}

void FormBinderBase::refreshAll()
{
    for (const Binding& b : m_bindings) {
        b.refresh();
    }
}

void FormBinderBase::addBinding(PathFn path, std::function<void()> refresh)
{
    refresh();
    m_bindings.push_back({std::move(path), std::move(refresh)});
}

void FormBinderBase::onChanged(const PolicyChange& change)
{
    for (const Binding& b : m_bindings) {
        if (change.kind == PolicyChange::Kind::Reset || policypath::related(change.path, b.path())) {
            b.refresh();
        }
    }
}

void FormBinderBase::describe(QWidget* widget, const std::string& genericPath)
{
    widget->setProperty("policyPath", toQ(genericPath));
    const QString tooltip = SettingHelp::tooltip(genericPath);
    if (!tooltip.isEmpty()) {
        widget->setToolTip(tooltip);
        widget->setWhatsThis(tooltip);
    }
}

QString FormBinderBase::undoText(const std::string& path)
{
    const QString title = SettingHelp::title(policypath::generic(path));
    return QObject::tr("Change %1").arg(title.isEmpty() ? toQ(path) : title);
}

} // namespace pc
