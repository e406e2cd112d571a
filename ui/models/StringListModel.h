// SPDX-License-Identifier: Apache-2.0
// StringListModel: one std::vector<std::string> of the policy as a one-column
// table (origins, methods, header names, audiences ...). An optional checker
// returns the inline message for a value ("" when it is fine).
#pragma once

#include "models/PolicyListModel.h"

#include <QString>

#include <functional>
#include <string>

namespace pc {

class StringListModel final : public PolicyListModel<std::string> {
    Q_OBJECT

public:
    using Checker = std::function<QString(const std::string& value)>;

    StringListModel(PolicyDocument* document, QString noun, QObject* parent = nullptr);

    // `access`: a generic lambda giving a pointer to the list (nullptr when absent).
    // `filePointer` is where the list lives in the policy file when that differs
    // from `path` (lists inside named objects); rows are filePointer/<index>.
    template <class Access> void setSource(std::string path, Access access, std::string filePointer = {})
    {
        m_filePointer = filePointer.empty() ? path : std::move(filePointer);
        setList(std::move(path), access);
    }
    void setChecker(Checker checker) { m_checker = std::move(checker); }
    void setHeaderTitle(const QString& title) { m_title = title; }

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The inline message for a value, "" when fine (runs the checker).
    [[nodiscard]] QString messageFor(const std::string& value) const;

protected:
    [[nodiscard]] std::string rowPointer(int row) const override;
    [[nodiscard]] std::string newItem(int row) const override;
    [[nodiscard]] QString itemNoun() const override { return m_noun; }

private:
    QString m_noun;
    std::string m_filePointer;
    QString m_title;
    Checker m_checker;
};

} // namespace pc
