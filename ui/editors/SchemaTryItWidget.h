// SPDX-License-Identifier: Apache-2.0
// SchemaTryItWidget: the "try it" box of the Validation section — a JSON body
// checked against the selected schema, or a value against the selected field,
// live, with the engine's own validator (Pydantic v2 semantics): the errors
// as Pydantic prints them and the 422 body FastAPI would answer, or the
// validated value.
#pragma once

#include "engine/SchemaValidator.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QPlainTextEdit;

namespace pc {

class MessageLabel;
class PolicyDocument;

class SchemaTryItWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaTryItWidget)

public:
    enum class Mode { Body, FieldJson, FieldText };

    explicit SchemaTryItWidget(PolicyDocument* document, QWidget* parent = nullptr);
    ~SchemaTryItWidget() override;

    // The schema (and field, or -1) the box checks against.
    void setTarget(int schema, int field);
    void setMode(Mode mode);
    void setInput(const QString& text);
    [[nodiscard]] QString resultText() const;
    [[nodiscard]] bool lastInputValid() const { return m_valid; }

private:
    void recompile();
    void run();

    PolicyDocument* m_document;
    int m_schema = -1;
    int m_field = -1;
    std::optional<SchemaValidator> m_validator;
    QString m_compileProblem;
    bool m_valid = false;
    QComboBox* m_mode;
    QPlainTextEdit* m_input;
    QPlainTextEdit* m_result;
    MessageLabel* m_verdict;
};

} // namespace pc
