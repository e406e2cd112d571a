// SPDX-License-Identifier: Apache-2.0
#include "editors/SchemaTryItWidget.h"

#include "document/PolicyDocument.h"
#include "support/Text.h"
#include "widgets/MessageLabel.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>

namespace pc {
namespace {

// Pydantic's ValidationError.__str__: a count line, then per error its loc
// and "msg [type=..., input_value=...]".
QString pydanticText(const std::vector<ValidationIssue>& issues, const QString& title)
{
    QStringList lines;
    lines << (issues.size() == 1 ? QStringLiteral("1 validation error for %1").arg(title)
                                 : QStringLiteral("%1 validation errors for %2").arg(issues.size()).arg(title));
    for (const ValidationIssue& issue : issues) {
        lines << toQ(issue.dottedLoc());
        lines
            << QStringLiteral("  %1 [type=%2, input_value=%3]").arg(toQ(issue.msg), toQ(issue.type), toQ(issue.input));
    }
    return lines.join(u'\n');
}

} // namespace

SchemaTryItWidget::SchemaTryItWidget(PolicyDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_mode(new QComboBox(this)), m_input(new QPlainTextEdit(this)),
      m_result(new QPlainTextEdit(this)), m_verdict(new MessageLabel(this))
{
    auto* layout = new QGridLayout(this);
    m_mode->setObjectName(QStringLiteral("tryItModeComboBox"));
    m_mode->addItem(tr("JSON body against the schema"), static_cast<int>(Mode::Body));
    m_mode->addItem(tr("JSON value against the field"), static_cast<int>(Mode::FieldJson));
    m_mode->addItem(tr("Text against the field (query, path, header)"), static_cast<int>(Mode::FieldText));
    m_mode->setToolTip(tr("A body is parsed like FastAPI parses JSON; a query, path or header value arrives as "
                          "text and is coerced in lax mode, like FastAPI's Query(), Path() and Header()."));
    m_input->setObjectName(QStringLiteral("tryItInputTextEdit"));
    m_input->setPlaceholderText(QStringLiteral("{\"username\": \"alice\", \"email\": \"alice@example.com\"}"));
    m_input->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_result->setObjectName(QStringLiteral("tryItResultTextEdit"));
    m_result->setReadOnly(true);
    m_result->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_verdict->setObjectName(QStringLiteral("tryItVerdictLabel"));
    layout->addWidget(new QLabel(tr("Try it:"), this), 0, 0);
    layout->addWidget(m_mode, 0, 1);
    layout->addWidget(m_input, 1, 0, 1, 2);
    layout->addWidget(m_verdict, 2, 0, 1, 2);
    layout->addWidget(m_result, 3, 0, 1, 2);
    layout->setColumnStretch(1, 1);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &SchemaTryItWidget::run);
    connect(m_input, &QPlainTextEdit::textChanged, this, &SchemaTryItWidget::run);
    connect(document, &PolicyDocument::changed, this, [this](const PolicyChange& change) {
        if (change.kind == PolicyChange::Kind::Reset || policypath::related(change.path, "/schemas")) {
            recompile();
        }
    });
    recompile();
}

SchemaTryItWidget::~SchemaTryItWidget() = default;

void SchemaTryItWidget::setTarget(int schema, int field)
{
    m_schema = schema;
    m_field = field;
    run();
}

void SchemaTryItWidget::setMode(Mode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(static_cast<int>(mode)));
}

void SchemaTryItWidget::setInput(const QString& text)
{
    m_input->setPlainText(text);
}

QString SchemaTryItWidget::resultText() const
{
    return m_result->toPlainText();
}

void SchemaTryItWidget::recompile()
{
    Result<SchemaValidator> compiled = SchemaValidator::compile(m_document->policy().schemas);
    if (compiled) {
        m_validator.emplace(std::move(compiled).value());
        m_compileProblem.clear();
    } else {
        m_validator.reset();
        QStringList lines;
        for (const Error& e : compiled.errors()) {
            lines << toQ(e.toString());
        }
        m_compileProblem = lines.join(u'\n');
    }
    run();
}

void SchemaTryItWidget::run()
{
    m_valid = false;
    const auto& schemas = m_document->policy().schemas;
    const QString text = m_input->toPlainText();
    if (m_schema < 0 || static_cast<size_t>(m_schema) >= schemas.size() || text.trimmed().isEmpty()) {
        m_verdict->clearMessage();
        m_result->clear();
        return;
    }
    if (!m_validator) {
        m_verdict->setMessage(tr("The schemas do not compile, so nothing can be checked:\n%1").arg(m_compileProblem));
        m_result->clear();
        return;
    }
    const Schema& schema = schemas[static_cast<size_t>(m_schema)];
    const auto mode = static_cast<Mode>(m_mode->currentData().toInt());
    const bool onField = mode != Mode::Body;
    if (onField && (m_field < 0 || static_cast<size_t>(m_field) >= schema.fields.size())) {
        m_verdict->setMessage(tr("Select a field to check a value against it."), Severity::Info);
        m_result->clear();
        return;
    }
    const std::string input = toStd(text);
    SchemaValidator::Options options;
    SchemaValidator::Outcome outcome;
    QString title = toQ(schema.name);
    if (mode == Mode::Body) {
        options.locPrefix = nlohmann::json::array({"body"});
        outcome = m_validator->validateJson(schema.name, input, options);
    } else {
        const std::string& field = schema.fields[static_cast<size_t>(m_field)].name;
        options.locPrefix = nlohmann::json::array({mode == Mode::FieldText ? "query" : "body"});
        options.parameters = mode == Mode::FieldText;
        outcome = mode == Mode::FieldText ? m_validator->validateFieldText(schema.name, field, input, options)
                                          : m_validator->validateFieldJson(schema.name, field, input, options);
        title = toQ(schema.name) + u'.' + toQ(field);
    }
    if (outcome.ok()) {
        m_valid = true;
        m_verdict->setMessage(tr("Valid: FastAPI would pass this on as the value below."), Severity::Success);
        m_result->setPlainText(toQ(outcome.value.dump(2)));
        return;
    }
    m_verdict->setMessage(outcome.issues.size() == 1
                              ? tr("1 error: FastAPI answers 422.")
                              : tr("%1 errors: FastAPI answers 422.").arg(outcome.issues.size()));
    const nlohmann::json body = nlohmann::json::parse(ValidationIssue::detailBody(outcome.issues), nullptr, false);
    m_result->setPlainText(
        pydanticText(outcome.issues, title) + QStringLiteral("\n\nHTTP/1.1 422 Unprocessable Entity\n") +
        (body.is_discarded() ? toQ(ValidationIssue::detailBody(outcome.issues)) : toQ(body.dump(2))));
}

} // namespace pc
