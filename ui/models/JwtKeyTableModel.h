// SPDX-License-Identifier: Apache-2.0
// JwtKeyTableModel: the JWT verification/signing keys (JwtSettings::keys),
// each a `kid` and where the key comes from: a named secret, an environment
// variable or a file (RFC 7515 §4.1.4 for kid; never a value).
#pragma once

#include "models/PolicyListModel.h"
#include "policy/AuthPolicy.h"

namespace pc {

class JwtKeyTableModel final : public PolicyListModel<JwtKey> {
    Q_OBJECT

public:
    enum Column { KidColumn, SourceKindColumn, ReferenceColumn, ColumnCount };

    explicit JwtKeyTableModel(PolicyDocument* document, QObject* parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // "secret", "env" or "file": which member of SecretSource is in use.
    [[nodiscard]] static QString sourceKind(const SecretSource& source);
    [[nodiscard]] static QString sourceReference(const SecretSource& source);
    [[nodiscard]] static SecretSource makeSource(const QString& kind, const QString& reference);

protected:
    [[nodiscard]] std::string rowPointer(int row) const override;
    [[nodiscard]] JwtKey newItem(int row) const override;
    [[nodiscard]] QString itemNoun() const override { return tr("JWT key"); }
};

} // namespace pc
