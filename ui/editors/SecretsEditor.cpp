// SPDX-License-Identifier: Apache-2.0
#include "editors/SecretsEditor.h"

#include "editors/EditorKit.h"
#include "editors/SecretWriter.h"
#include "models/SecretTableModel.h"
#include "support/FileDialog.h"
#include "support/MessageBox.h"
#include "undo/ChangeValue.h"
#include "widgets/IssuesLabel.h"
#include "widgets/MessageLabel.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

namespace pc {

SecretsEditor::SecretsEditor(PolicyDocument* document, Settings& settings, QWidget* parent)
    : QWidget(parent), m_document(document), m_settings(settings), m_model(new SecretTableModel(document, this)),
      m_table(new TableEditor(m_model, TableEditor::Options{false, true, {}}, this)),
      m_generate(new QPushButton(tr("Generate into .env…"), this)), m_message(new MessageLabel(this)),
      m_binder(std::make_unique<FormBinder<SecretRef>>(
          document, this, [](Locus at) { return "/secrets/" + std::to_string(at.row); },
          [](auto& p, Locus at) {
              return at.row >= 0 && static_cast<size_t>(at.row) < p.secrets.size()
                         ? &p.secrets[static_cast<size_t>(at.row)]
                         : nullptr;
          }))
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(makeHelpLabel(tr("A policy names where each secret lives — an environment variable, a dotenv "
                                       "file read when the variable is unset (as pydantic-settings does), or a file "
                                       "— and never holds the value itself. \"Status here\" checks this machine "
                                       "without reading any value."),
                                    this));
    m_table->setObjectName(QStringLiteral("secretTableWidget"));
    layout->addWidget(m_table, 1);
    auto* description = new QLineEdit(this);
    description->setObjectName(QStringLiteral("secretDescriptionLineEdit"));
    description->setPlaceholderText(tr("Where it comes from, who rotates it"));
    m_binder->text(description, "description", &SecretRef::description);
    auto* descriptionRow = new QHBoxLayout;
    descriptionRow->addWidget(makeFieldLabel(tr("Description"), "/secrets/*/description", this));
    descriptionRow->addWidget(description, 1);
    layout->addLayout(descriptionRow);
    auto* actions = new QHBoxLayout;
    m_generate->setObjectName(QStringLiteral("generateSecretButton"));
    m_generate->setToolTip(tr("Write a random value from the operating system's CSPRNG (at least 256 bits, "
                              "base64url) for the selected secret into its dotenv file, readable by you only "
                              "(mode 0600). The value is never displayed or logged."));
    connect(m_generate, &QPushButton::clicked, this, &SecretsEditor::generateIntoDotEnv);
    actions->addWidget(m_generate);
    actions->addStretch(1);
    layout->addLayout(actions);
    m_message->setObjectName(QStringLiteral("secretMessageLabel"));
    layout->addWidget(m_message);
    layout->addWidget(new IssuesLabel(document, {"/secrets"}, this));

    connect(m_table, &TableEditor::currentRowChanged, this, &SecretsEditor::updateActions);
    connect(m_table, &TableEditor::currentRowChanged, this, [this](int row) { m_binder->setRow(row); });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &SecretsEditor::updateActions);
    connect(document, &PolicyDocument::filePathChanged, this, [this] { m_model->setBaseDirectory(baseDirectory()); });
    m_model->setBaseDirectory(baseDirectory());
    m_binder->setRow(m_table->currentRow());
    if (m_model->rowCount() > 0) {
        m_table->selectRow(0);
    }
    connect(
        m_model, &QAbstractItemModel::modelReset, this,
        [this] {
            if (m_model->rowCount() > 0 && m_table->currentRow() < 0) {
                m_table->selectRow(0);
            }
        },
        Qt::QueuedConnection);
    updateActions();
}

SecretsEditor::~SecretsEditor() = default;

QString SecretsEditor::baseDirectory() const
{
    return m_document->isUntitled() ? QDir::currentPath() : QFileInfo(m_document->filePath()).absolutePath();
}

void SecretsEditor::updateActions()
{
    const SecretRef* secret = m_model->item(m_table->currentRow());
    const auto refusal = secret != nullptr ? SecretWriter::refusal(*secret) : std::optional<QString>();
    m_generate->setEnabled(secret != nullptr && !refusal);
    m_message->setMessage(refusal.value_or(QString()), Severity::Info);
}

void SecretsEditor::generateIntoDotEnv()
{
    const int row = m_table->currentRow();
    const SecretRef* secret = m_model->item(row);
    if (secret == nullptr) {
        return;
    }
    const SecretRef ref = *secret;
    QString path;
    if (!ref.dotenv.empty()) {
        path = QDir(baseDirectory()).filePath(toQ(ref.dotenv));
    } else {
        path = FileDialog::saveFileName(this, m_settings, tr("Dotenv file for %1").arg(toQ(ref.name)),
                                        tr("Dotenv files (.env *.env);;All files (*)"),
                                        QDir(baseDirectory()).filePath(QStringLiteral(".env")));
        if (path.isEmpty()) {
            return;
        }
    }
    if (SecretWriter::alreadySet(ref, path) &&
        MessageBox::question(this, tr("Replace secret"),
                             tr("%1 already sets %2. Replace its value with a new one? Anything using the old value "
                                "stops working.")
                                 .arg(QDir::toNativeSeparators(path), toQ(ref.env)),
                             MessageBox::Buttons(MessageBox::Button::Yes | MessageBox::Button::Cancel),
                             MessageBox::Button::Cancel) != MessageBox::Button::Yes) {
        return;
    }
    const SecretWriteResult result = SecretWriter::write(ref, path);
    if (!result.ok) {
        m_message->setMessage(result.error, Severity::Error);
        return;
    }
    if (ref.dotenv.empty()) {
        // Remember where the value went, relative to the policy when possible.
        const std::string relative = toStd(QDir(baseDirectory()).relativeFilePath(path));
        m_document->push(new ChangeValue<std::string>(
            m_document, tr("Set dotenv file"), "/secrets/" + std::to_string(row) + "/dotenv",
            [row](Policy& p) -> std::string& { return p.secrets[static_cast<size_t>(row)].dotenv; }, relative));
        m_document->closeMergeSession();
    }
    const QString message = tr("Wrote a new %1-bit value for %2 to %3 (readable by you only).")
                                .arg(result.bits)
                                .arg(toQ(ref.env), QDir::toNativeSeparators(path));
    m_message->setMessage(message, Severity::Success);
    m_model->setBaseDirectory(baseDirectory());
    Q_EMIT statusMessage(message);
}

} // namespace pc
