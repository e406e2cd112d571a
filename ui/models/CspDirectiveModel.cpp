// SPDX-License-Identifier: Apache-2.0
#include "models/CspDirectiveModel.h"

#include "common/JsonPointer.h"
#include "support/Text.h"

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

QVariant CspDirectiveModel::data(const QModelIndex& index, int role) const
{
    const CspDirective* directive = item(index.row());
    if (directive == nullptr) {
        return {};
    }
    if (QVariant diagnostic = diagnosticData(index, role); diagnostic.isValid()) {
        return diagnostic;
    }
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        return index.column() == DirectiveColumn ? toQ(directive->name) : joinTokens(directive->sources);
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

std::string CspDirectiveModel::rowPointer(int row) const
{
    const CspDirective* directive = item(row);
    return directive != nullptr ? "/headers/csp/directives/" + JsonPointer::escape(directive->name) : std::string();
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
