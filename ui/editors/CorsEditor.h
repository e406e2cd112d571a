// SPDX-License-Identifier: Apache-2.0
// CorsEditor: the CORS section — exact origins and origin patterns, methods,
// request and exposed headers, credentials, max-age, private network access
// and the refused-preflight status, with the Fetch standard's rules in the
// tooltips.
#pragma once

#include "widgets/FormBinder.h"

#include <QWidget>

#include <memory>

namespace pc {

class TableEditor;

class CorsEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CorsEditor)

public:
    explicit CorsEditor(PolicyDocument* document, QWidget* parent = nullptr);
    ~CorsEditor() override;

    [[nodiscard]] TableEditor* originList() const { return m_origins; }

private:
    void updateEnabled();

    PolicyDocument* m_document;
    std::unique_ptr<FormBinder<Policy>> m_policyBinder;
    std::unique_ptr<FormBinder<CorsPolicy>> m_binder;
    QWidget* m_body = nullptr;
    TableEditor* m_origins = nullptr;
};

} // namespace pc
