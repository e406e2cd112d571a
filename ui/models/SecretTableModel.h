// SPDX-License-Identifier: Apache-2.0
// SecretTableModel: Policy::secrets — references to where each secret lives
// (environment variable, dotenv fallback, file), never the values. The
// Status column says whether the reference resolves on this machine without
// ever reading the value into the model.
#pragma once

#include "models/PolicyListModel.h"
#include "policy/SecretRef.h"

namespace pc {

class SecretTableModel final : public PolicyListModel<SecretRef> {
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        KindColumn,
        EnvColumn,
        DotenvColumn,
        FileColumn,
        RequiredColumn,
        MinLengthColumn,
        StatusColumn,
        ColumnCount
    };

    explicit SecretTableModel(PolicyDocument* document, QObject* parent = nullptr);

    // Relative dotenv and file paths resolve against this directory (the policy's).
    void setBaseDirectory(const QString& dir);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // "set in the environment", "in .env", "file present", "missing"
    [[nodiscard]] QString status(const SecretRef& secret) const;

protected:
    [[nodiscard]] std::string rowPointer(int row) const override;
    [[nodiscard]] SecretRef newItem(int row) const override;
    [[nodiscard]] QString itemNoun() const override { return tr("secret"); }

private:
    QString m_baseDir;
};

} // namespace pc
