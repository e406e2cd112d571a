// SPDX-License-Identifier: Apache-2.0
// HeadersEditor: the response-header section — presets (OWASP, helmet,
// strict API), the raw header table and remove list, the CSP, HSTS and
// Permissions-Policy builders, and the live preview of the header block.
#pragma once

#include "editors/HeaderPresets.h"

#include <QWidget>

namespace pc {

class PolicyDocument;

class HeadersEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeadersEditor)

public:
    explicit HeadersEditor(PolicyDocument* document, QWidget* parent = nullptr);
    ~HeadersEditor() override;

    // Replaces the whole header section with a preset, as one undo step.
    void applyPreset(HeaderPreset preset);

private:
    PolicyDocument* m_document;
};

} // namespace pc
