// SPDX-License-Identifier: Apache-2.0
// CspDirectiveModel: the directives of the structured Content-Security-Policy
// (CSP Level 3), one row per directive with its source list; each row carries
// the builder's own validation message (CspPolicy::validate).
#pragma once

#include "models/PolicyListModel.h"
#include "policy/CspPolicy.h"

namespace pc {

class CspDirectiveModel final : public PolicyListModel<CspDirective> {
    Q_OBJECT

public:
    enum Column { DirectiveColumn, SourcesColumn, ColumnCount };

    explicit CspDirectiveModel(PolicyDocument* document, QObject* parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Directive names the builder offers (CSP Level 3 fetch, document and navigation directives).
    [[nodiscard]] static QStringList knownDirectives();

protected:
    [[nodiscard]] std::string rowPointer(int row) const override;
    [[nodiscard]] CspDirective newItem(int row) const override;
    [[nodiscard]] QString itemNoun() const override { return tr("CSP directive"); }
};

} // namespace pc
