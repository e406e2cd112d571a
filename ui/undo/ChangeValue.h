// SPDX-License-Identifier: Apache-2.0
// ChangeValue<T>: the one generic edit — replace the value an accessor reaches
// inside the policy — after Tiled's changevalue.h. A concrete edit is a path,
// an accessor and the new value. Consecutive changes of the same path within
// one merge session (typing in a field) become one undo step, and a step that
// ends where it started disappears from the stack.
#pragma once

#include "document/PolicyDocument.h"
#include "undo/PolicyCommand.h"

#include <functional>
#include <optional>
#include <string>
#include <utility>

namespace pc {

template <class T> class ChangeValue final : public PolicyCommand {
public:
    using Accessor = std::function<T&(Policy&)>;

    ChangeValue(PolicyDocument* document, const QString& text, std::string path, Accessor access, T value)
        : PolicyCommand(document, text), m_path(std::move(path)), m_access(std::move(access)), m_new(std::move(value)),
          m_session(document->mergeSession())
    {
    }

    void redo() override
    {
        edit({PolicyChange::Kind::Value, m_path, -1, -1}, [this](Policy& p) {
            T& target = m_access(p);
            if (!m_old) {
                m_old = target; // the value before the first redo() is what undo() restores
            }
            target = m_new;
        });
    }
    void undo() override
    {
        edit({PolicyChange::Kind::Value, m_path, -1, -1}, [this](Policy& p) { m_access(p) = *m_old; });
    }
    [[nodiscard]] int id() const override { return ChangeValueId; }
    [[nodiscard]] const std::string& path() const { return m_path; }

    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* next = dynamic_cast<const ChangeValue<T>*>(other);
        if (next == nullptr || next->m_path != m_path || next->m_session != m_session) {
            return false;
        }
        m_new = next->m_new;
        setObsolete(m_old && *m_old == m_new);
        return true;
    }

private:
    std::string m_path;
    Accessor m_access;
    T m_new;
    std::optional<T> m_old;
    quint64 m_session;
};

} // namespace pc
