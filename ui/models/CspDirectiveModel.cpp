// SPDX-License-Identifier: Apache-2.0
#include "models/CspDirectiveModel.h"

#include "common/JsonPointer.h"
#include "document/PolicyChange.h"
#include "models/ModelRoles.h"
#include "support/Text.h"

#include <QApplication>
#include <QStyle>

namespace pc {

CspDirectiveModel::CspDirectiveModel(PolicyDocument* document, QObject* parent)
    : PolicyListModel<CspDirective>(document, parent)
{
    setList("/headers/csp/directives", [](auto& p) { return p.headers.csp ? &p.headers.csp->directives : nullptr; });
}

int CspDirectiveModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QStringList CspDirectiveModel::knownDirectives()
{
    return {QStringLiteral("default-src"),
            QStringLiteral("script-src"),
            QStringLiteral("script-src-elem"),
            QStringLiteral("script-src-attr"),
            QStringLiteral("style-src"),
            QStringLiteral("style-src-elem"),
            QStringLiteral("style-src-attr"),
            QStringLiteral("img-src"),
            QStringLiteral("font-src"),
            QStringLiteral("connect-src"),
            QStringLiteral("media-src"),
            QStringLiteral("object-src"),
            QStringLiteral("frame-src"),
            QStringLiteral("child-src"),
            QStringLiteral("worker-src"),
            QStringLiteral("manifest-src"),
            QStringLiteral("base-uri"),
            QStringLiteral("form-action"),
            QStringLiteral("frame-ancestors"),
            QStringLiteral("sandbox"),
            QStringLiteral("report-to"),
            QStringLiteral("report-uri"),
            QStringLiteral("upgrade-insecure-requests")};
}

QString CspDirectiveModel::rowMessage(int row) const
{
    const CspDirective* directive = item(row);
    const auto& csp = document()->policy().headers.csp;
    if (directive == nullptr || !csp) {
        return {};
    }
    auto text = [](const Error& e) -> QString {
        return toQ(e.message) + (e.hint.empty() ? QString() : QStringLiteral(" (") + toQ(e.hint) + u')');
    };
    // The builder locates its errors by directive name, which two rows may
    // share: check this row's syntax on its own, and report a duplicate on
    // every occurrence after the first.
    QStringList messages;
    const CspPolicy single{{*directive}, false};
    for (const Error& e : single.validate("/headers/csp")) {
        messages << text(e);
    }
    const bool later = std::any_of(csp->directives.begin(), csp->directives.begin() + row,
                                   [directive](const CspDirective& d) { return d.name == directive->name; });
    if (later) {
        const std::string where = "/headers/csp/directives/" + JsonPointer::escape(directive->name);
        for (const Error& e : csp->validate("/headers/csp")) {
            if (e.code == "csp-duplicate-directive" && policypath::isWithin(e.pointer, where)) {
                messages << text(e);
                break;
            }
        }
    }
    return messages.join(u'\n');
}

QVariant CspDirectiveModel::data(const QModelIndex& index, int role) const
{
    const CspDirective* directive = item(index.row());
    if (directive == nullptr) {
        return {};
    }
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        return index.column() == DirectiveColumn ? toQ(directive->name) : joinTokens(directive->sources);
    }
    if (role == MessageRole || role == Qt::ToolTipRole) {
        const QString message = rowMessage(index.row());
        return message.isEmpty() && role == Qt::ToolTipRole ? QVariant() : QVariant(message);
    }
    if (role == Qt::DecorationRole && index.column() == DirectiveColumn && !rowMessage(index.row()).isEmpty()) {
        return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    }
    return {};
}

bool CspDirectiveModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || item(index.row()) == nullptr) {
        return false;
    }
    if (index.column() == DirectiveColumn) {
        const std::string name = toStd(value.toString().trimmed());
        return !name.empty() && setValue(index.row(), "name", tr("CSP directive"), &CspDirective::name, name);
    }
    // Sources are separated by white space only: a ',' inside a source is an
    // error the builder reports, not a separator.
    std::vector<std::string> sources;
    for (const QString& part : value.toString().split(QChar(u' '), Qt::SkipEmptyParts)) {
        sources.push_back(toStd(part.trimmed()));
    }
    return setValue(index.row(), "sources", tr("CSP sources"), &CspDirective::sources, sources);
}

Qt::ItemFlags CspDirectiveModel::flags(const QModelIndex& index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable : Qt::NoItemFlags;
}

QVariant CspDirectiveModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    return section == DirectiveColumn ? tr("Directive") : tr("Sources");
}

CspDirective CspDirectiveModel::newItem(int) const
{
    const auto* directives = list();
    for (const QString& name : knownDirectives()) {
        const std::string n = toStd(name);
        if (directives == nullptr ||
            std::none_of(directives->begin(), directives->end(), [&n](const CspDirective& d) { return d.name == n; })) {
            return {n,
                    n == "upgrade-insecure-requests" ? std::vector<std::string>{} : std::vector<std::string>{"'self'"}};
        }
    }
    return {"default-src", {"'self'"}};
}

} // namespace pc
