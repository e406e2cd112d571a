// SPDX-License-Identifier: Apache-2.0
// Row edits of a list inside the policy: insert, remove, move. Each announces
// itself as an Insert/Remove/Move change of the list's path, which is what the
// item models need to call beginInsertRows() and friends at the right time.
#pragma once

#include "undo/PolicyCommand.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace pc {

template <class T> using ListAccessor = std::function<std::vector<T>&(Policy&)>;

template <class T> class InsertRow final : public PolicyCommand {
public:
    InsertRow(PolicyDocument* document, const QString& text, std::string path, ListAccessor<T> access, int row, T value)
        : PolicyCommand(document, text), m_path(std::move(path)), m_access(std::move(access)), m_row(row),
          m_value(std::move(value))
    {
    }
    void redo() override
    {
        edit({PolicyChange::Kind::Insert, m_path, m_row, -1},
             [this](Policy& p) { m_access(p).insert(m_access(p).begin() + m_row, m_value); });
    }
    void undo() override
    {
        edit({PolicyChange::Kind::Remove, m_path, m_row, -1},
             [this](Policy& p) { m_access(p).erase(m_access(p).begin() + m_row); });
    }

private:
    std::string m_path;
    ListAccessor<T> m_access;
    int m_row;
    T m_value;
};

template <class T> class RemoveRow final : public PolicyCommand {
public:
    RemoveRow(PolicyDocument* document, const QString& text, std::string path, ListAccessor<T> access, int row)
        : PolicyCommand(document, text), m_path(std::move(path)), m_access(std::move(access)), m_row(row)
    {
    }
    void redo() override
    {
        edit({PolicyChange::Kind::Remove, m_path, m_row, -1}, [this](Policy& p) {
            auto& list = m_access(p);
            m_value = std::move(list[static_cast<size_t>(m_row)]);
            list.erase(list.begin() + m_row);
        });
    }
    void undo() override
    {
        edit({PolicyChange::Kind::Insert, m_path, m_row, -1},
             [this](Policy& p) { m_access(p).insert(m_access(p).begin() + m_row, m_value); });
    }

private:
    std::string m_path;
    ListAccessor<T> m_access;
    int m_row;
    T m_value{};
};

template <class T> class MoveRow final : public PolicyCommand {
public:
    MoveRow(PolicyDocument* document, const QString& text, std::string path, ListAccessor<T> access, int from, int to)
        : PolicyCommand(document, text), m_path(std::move(path)), m_access(std::move(access)), m_from(from), m_to(to)
    {
    }
    void redo() override { move(m_from, m_to); }
    void undo() override { move(m_to, m_from); }

private:
    void move(int from, int to)
    {
        edit({PolicyChange::Kind::Move, m_path, from, to}, [this, from, to](Policy& p) {
            auto& list = m_access(p);
            T value = std::move(list[static_cast<size_t>(from)]);
            list.erase(list.begin() + from);
            list.insert(list.begin() + to, std::move(value));
        });
    }

    std::string m_path;
    ListAccessor<T> m_access;
    int m_from;
    int m_to;
};

} // namespace pc
