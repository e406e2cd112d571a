// SPDX-License-Identifier: Apache-2.0
// PolicyTableModel: the base of the item models that show one list of the
// policy. It listens to the document and turns each PolicyChange of its list
// into the matching begin/end calls (rows inserted, removed, moved, data
// changed, or a reset when an ancestor of the list changed). Derived models
// only read the policy and push undo commands. GUI thread only.
#pragma once

#include "document/PolicyChange.h"

#include <QAbstractTableModel>

#include <string>

namespace pc {

class PolicyDocument;

class PolicyTableModel : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyTableModel)

public:
    explicit PolicyTableModel(PolicyDocument* document, QObject* parent = nullptr);
    ~PolicyTableModel() override;

    [[nodiscard]] PolicyDocument* document() const { return m_document; }
    [[nodiscard]] const std::string& listPath() const { return m_listPath; }
    // False when the list's owner is absent (e.g. CORS switched off).
    [[nodiscard]] virtual bool isAvailable() const = 0;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const final;

    // Row edits, each one undo step. `row` of insertItem is where the new row goes.
    virtual bool insertItem(int row) = 0;
    virtual bool removeItem(int row) = 0;
    virtual bool moveItem(int from, int to) = 0;

protected:
    [[nodiscard]] virtual int itemCount() const = 0;
    // Where a row lives in the policy file ("/rate_limits/per-client"), so that
    // the document's diagnostics can be shown on it; "" for none.
    [[nodiscard]] virtual std::string rowPointer(int row) const;
    // The diagnostics of a row as MessageRole/ToolTipRole text and a warning
    // icon (DecorationRole, first column); an invalid QVariant when the row
    // has none or the role is another. Derived data() calls it first.
    [[nodiscard]] QVariant diagnosticData(const QModelIndex& index, int role) const;
    [[nodiscard]] QString rowDiagnostics(int row) const;
    // Points the model at another list (or the same list under a new owner) and resets it.
    void rebind(std::string listPath);

private:
    void onAboutToChange(const PolicyChange& change);
    void onChanged(const PolicyChange& change);

    enum class Pending { None, Insert, Remove, Move, Reset };
    PolicyDocument* m_document;
    std::string m_listPath;
    Pending m_pending = Pending::None;
};

} // namespace pc
