// SPDX-License-Identifier: Apache-2.0
// PolicyListModel<T>: a PolicyTableModel over one std::vector<T> of the
// policy, reached through an accessor, with the row edits and the per-cell
// value edit (setValue) done as undo commands. Concrete models add columns.
#pragma once

#include "document/PolicyDocument.h"
#include "models/PolicyTableModel.h"
#include "undo/ChangeValue.h"
#include "undo/ListCommands.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace pc {

template <class T> class PolicyListModel : public PolicyTableModel {
public:
    using PolicyTableModel::PolicyTableModel;

    [[nodiscard]] bool isAvailable() const override { return m_read && m_read(document()->policy()) != nullptr; }

    bool insertItem(int row) override
    {
        if (!isAvailable() || row < 0 || row > itemCount()) {
            return false;
        }
        document()->push(
            new InsertRow<T>(document(), tr("Add %1").arg(itemNoun()), listPath(), listAccessor(), row, newItem(row)));
        return true;
    }
    bool insertValue(int row, T value)
    {
        if (!isAvailable() || row < 0 || row > itemCount()) {
            return false;
        }
        document()->push(new InsertRow<T>(document(), tr("Add %1").arg(itemNoun()), listPath(), listAccessor(), row,
                                          std::move(value)));
        return true;
    }
    bool removeItem(int row) override
    {
        if (row < 0 || row >= itemCount()) {
            return false;
        }
        document()->push(
            new RemoveRow<T>(document(), tr("Remove %1").arg(itemNoun()), listPath(), listAccessor(), row));
        return true;
    }
    bool moveItem(int from, int to) override
    {
        if (from < 0 || to < 0 || from >= itemCount() || to >= itemCount() || from == to) {
            return false;
        }
        document()->push(
            new MoveRow<T>(document(), tr("Move %1").arg(itemNoun()), listPath(), listAccessor(), from, to));
        return true;
    }

    [[nodiscard]] const T* item(int row) const
    {
        const std::vector<T>* items = list();
        return items != nullptr && row >= 0 && static_cast<size_t>(row) < items->size()
                   ? &(*items)[static_cast<size_t>(row)]
                   : nullptr;
    }
    [[nodiscard]] const std::vector<T>* list() const { return m_read ? m_read(document()->policy()) : nullptr; }

protected:
    // `access` is a generic lambda, `[](auto& p) { return p.cors ? &p.cors->allowOrigins : nullptr; }`,
    // used for reading (const Policy) and, inside undo commands, for writing.
    template <class Access> void setList(std::string path, Access access)
    {
        m_read = [access](const Policy& p) { return access(p); };
        m_write = [access](Policy& p) { return access(p); };
        rebind(std::move(path));
    }

    [[nodiscard]] int itemCount() const override
    {
        const std::vector<T>* items = list();
        return items != nullptr ? static_cast<int>(items->size()) : 0;
    }

    // One undo step replacing a member of row `row`; `key` extends the row's
    // path ("" for the row itself). `field` is a generic lambda or a member pointer.
    template <class V, class Field> bool setValue(int row, const char* key, const QString& what, Field field, V value)
    {
        const T* current = item(row);
        if (current == nullptr) {
            return false;
        }
        if (std::invoke(field, *current) == value) {
            return true;
        }
        auto write = m_write;
        auto access = [write, row, field](Policy& p) -> V& {
            return std::invoke(field, (*write(p))[static_cast<size_t>(row)]);
        };
        std::string path = policypath::join(listPath(), row);
        if (key != nullptr && *key != '\0') {
            path = policypath::join(path, key);
        }
        document()->push(
            new ChangeValue<V>(document(), tr("Change %1").arg(what), std::move(path), access, std::move(value)));
        return true;
    }

    // A fresh row for insertItem(); names are made unique by the derived model.
    [[nodiscard]] virtual T newItem(int row) const = 0;
    [[nodiscard]] virtual QString itemNoun() const = 0;

private:
    ListAccessor<T> listAccessor() const
    {
        auto write = m_write;
        return [write](Policy& p) -> std::vector<T>& { return *write(p); };
    }

    std::function<const std::vector<T>*(const Policy&)> m_read;
    std::function<std::vector<T>*(Policy&)> m_write;
};

} // namespace pc
