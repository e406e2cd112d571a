// SPDX-License-Identifier: Apache-2.0
// PolicyChecker: keeps a document's diagnostics current. Shortly after each
// edit it writes the policy in canonical form, reads it back with the core's
// loader and compiles what loaded (secrets not required) — exactly what
// `portcullis-cli check` does with the saved file — so every inline message is
// worded as the CLI words it, and points where the CLI points. GUI thread only.
#pragma once

#include <QObject>
#include <QTimer>

namespace pc {

class PolicyDocument;
class PolicyStore;

class PolicyChecker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyChecker)

public:
    static constexpr int kQuietMs = 150;

    PolicyChecker(PolicyDocument* document, const PolicyStore& store, QObject* parent = nullptr);
    ~PolicyChecker() override;

    // Checks at once (tests; a newly opened document).
    void checkNow();

private:
    PolicyDocument* m_document;
    const PolicyStore& m_store;
    QTimer m_quiet;
};

} // namespace pc
