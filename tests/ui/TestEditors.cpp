// SPDX-License-Identifier: Apache-2.0
// The section editors other than CORS: selection drives the detail forms,
// edits are single undo steps, presets replace the header section at once,
// typed values that do not parse keep their text and say why.
#include "document/FilePolicyStore.h"
#include "document/PolicyChecker.h"
#include "document/PolicyDocument.h"
#include "editors/HeaderPreviewWidget.h"
#include "editors/HeadersEditor.h"
#include "editors/RateLimitsEditor.h"
#include "editors/RoutesEditor.h"
#include "editors/SchemaTryItWidget.h"
#include "editors/TokensEditor.h"
#include "editors/ValidationEditor.h"
#include "models/FieldTableModel.h"
#include "models/PolicyTableModel.h"
#include "widgets/MessageLabel.h"
#include "widgets/TableEditor.h"

#include "SamplePolicy.h"
#include "TestSupport.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace std::string_literals;

class TestEditors final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_doc = std::make_unique<pc::PolicyDocument>();
        m_doc->reset(pc::test::samplePolicy(), {});
    }
    void cleanup() { m_doc.reset(); }

    void validationSelectsTheFirstSchemaAndField()
    {
        pc::ValidationEditor editor(m_doc.get());
        editor.show();
        QCOMPARE(editor.schemaTable()->currentRow(), 0);
        QCOMPARE(editor.fieldTable()->currentRow(), 0);
        auto* name = editor.findChild<QLineEdit*>(QStringLiteral("fieldNameLineEdit"));
        QVERIFY(name->isEnabled());
        QCOMPARE(name->text(), QStringLiteral("username"));
        editor.fieldTable()->selectRow(1);
        QCOMPARE(name->text(), QStringLiteral("email"));
        auto* maxLength = editor.findChild<QLineEdit*>(QStringLiteral("fieldMaxLengthLineEdit"));
        maxLength->setText(QStringLiteral("254"));
        QCOMPARE(m_doc->policy().schemas[0].fields[1].maxLength, std::optional<std::uint64_t>(254));
        maxLength->setText(QStringLiteral("lots"));
        auto labels = maxLength->parentWidget()->findChildren<pc::MessageLabel*>();
        QVERIFY(std::any_of(labels.begin(), labels.end(),
                            [](pc::MessageLabel* l) { return l->message().contains(QStringLiteral("lots")); }));
        QCOMPARE(maxLength->text(), QStringLiteral("lots"));
        QCOMPARE(m_doc->policy().schemas[0].fields[1].maxLength, std::optional<std::uint64_t>(254));
        maxLength->setText(QString());
        QCOMPARE(m_doc->policy().schemas[0].fields[1].maxLength, std::nullopt);
    }

    void aNewDocumentSelectsItsFirstSchemaAndField()
    {
        m_doc->reset(pc::Policy{}, {});
        pc::ValidationEditor editor(m_doc.get());
        editor.show();
        QCOMPARE(editor.fieldTable()->currentRow(), -1);
        m_doc->reset(pc::test::samplePolicy(), {});
        QCoreApplication::processEvents(); // selection follows a reset once every model has seen it
        QCOMPARE(editor.schemaTable()->currentRow(), 0);
        QCOMPARE(editor.fieldTable()->currentRow(), 0);
        auto* name = editor.findChild<QLineEdit*>(QStringLiteral("fieldNameLineEdit"));
        QVERIFY(name->isEnabled());
        QCOMPARE(name->text(), QStringLiteral("username"));
    }

    void tryItChecksBodiesAndValuesLive()
    {
        pc::ValidationEditor editor(m_doc.get());
        pc::SchemaTryItWidget* tryIt = editor.tryIt();
        tryIt->setMode(pc::SchemaTryItWidget::Mode::Body);
        tryIt->setInput(QStringLiteral(R"({"username": "ab", "email": "ab@example.com"})"));
        QVERIFY(!tryIt->lastInputValid());
        const QString result = tryIt->resultText();
        QVERIFY2(result.startsWith(QStringLiteral("1 validation error for UserInput\nbody.username\n  String should "
                                                  "have at least 3 characters [type=string_too_short")),
                 qPrintable(result));
        QVERIFY(result.contains(QStringLiteral("422 Unprocessable Entity")));

        tryIt->setInput(QStringLiteral(R"({"username": "alice", "email": "alice@example.com"})"));
        QVERIFY(tryIt->lastInputValid());

        // A stricter schema shows at once.
        auto* minLength = editor.findChild<QLineEdit*>(QStringLiteral("fieldMinLengthLineEdit"));
        minLength->setText(QStringLiteral("6"));
        QVERIFY(!tryIt->lastInputValid());

        editor.fieldTable()->selectRow(0);
        tryIt->setMode(pc::SchemaTryItWidget::Mode::FieldText);
        tryIt->setInput(QStringLiteral("bob; DROP TABLE users"));
        QVERIFY(!tryIt->lastInputValid());
        tryIt->setInput(QStringLiteral("robert_t"));
        QVERIFY2(tryIt->lastInputValid(), qPrintable(tryIt->resultText()));
    }

    void arrayItemsTakeTheirOwnConstraints()
    {
        pc::Policy policy = pc::test::samplePolicy();
        pc::Field tags;
        tags.name = "tags";
        tags.type = pc::FieldType::Array;
        policy.schemas[0].fields.push_back(tags);
        m_doc->reset(policy, {});
        pc::ValidationEditor editor(m_doc.get());
        editor.show();
        editor.fieldTable()->selectRow(2);
        auto* itemsGroup = editor.findChild<QWidget*>(QStringLiteral("fieldItemConstraintsGroupBox"));
        QVERIFY(itemsGroup != nullptr);
        QVERIFY(!itemsGroup->isVisible()); // no item type yet: any JSON value

        auto* itemType = editor.findChild<QComboBox*>(QStringLiteral("fieldItemsComboBox"));
        itemType->setCurrentIndex(itemType->findData(QStringLiteral("string")));
        emit itemType->activated(itemType->currentIndex());
        QVERIFY(itemsGroup->isVisible());
        const auto items = [this] { return m_doc->policy().schemas[0].fields[2].items; };
        QVERIFY(items());
        QCOMPARE(items()->type, pc::FieldType::String);

        auto* itemMax = itemsGroup->findChild<QLineEdit*>(QStringLiteral("items_fieldMaxLengthLineEdit"));
        auto* itemPattern = itemsGroup->findChild<QLineEdit*>(QStringLiteral("items_fieldPatternLineEdit"));
        QVERIFY(itemMax != nullptr && itemPattern != nullptr);
        QVERIFY(!itemMax->toolTip().isEmpty());
        itemMax->setText(QStringLiteral("20"));
        m_doc->closeMergeSession();
        itemPattern->setText(QStringLiteral("^[a-z]+$"));
        m_doc->closeMergeSession();
        QCOMPARE(items()->maxLength, std::optional<std::uint64_t>(20));
        QCOMPARE(items()->pattern, "^[a-z]+$"s);
        const QModelIndex summary = editor.fieldTable()->model()->index(2, pc::FieldTableModel::ConstraintsColumn);
        QCOMPARE(summary.data().toString(), QStringLiteral("items: string (at most 20 characters, pattern ^[a-z]+$)"));
        // The field's own editors are untouched, and found first by name.
        QCOMPARE(m_doc->policy().schemas[0].fields[2].maxLength, std::nullopt);
        QVERIFY(editor.findChild<QLineEdit*>(QStringLiteral("fieldMaxLengthLineEdit")) != itemMax);

        // The try-it box applies the item constraints, as Pydantic's list[constr(...)] does.
        pc::SchemaTryItWidget* tryIt = editor.tryIt();
        tryIt->setMode(pc::SchemaTryItWidget::Mode::Body);
        tryIt->setInput(QStringLiteral(R"({"username": "alice", "email": "a@example.com", "tags": ["ok", "NO"]})"));
        QVERIFY(!tryIt->lastInputValid());
        QVERIFY2(tryIt->resultText().contains(QStringLiteral("body.tags.1")), qPrintable(tryIt->resultText()));

        m_doc->undoStack()->undo();
        QCOMPARE(items()->pattern, ""s);
        QCOMPARE(itemPattern->text(), QString());
        m_doc->undoStack()->undo();
        QCOMPARE(items()->maxLength, std::nullopt);
        QCOMPARE(itemMax->text(), QString());
    }

    void patternsAreFlagged_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<int>("severity");
        QTest::newRow("allow-list with a length cap") << QStringLiteral("^[a-zA-Z0-9_]+") << -1;
        QTest::newRow("$ before a final newline in python-re and PCRE2")
            << QStringLiteral("^[a-zA-Z0-9_]+$") << static_cast<int>(pc::Severity::Warning);
        QTest::newRow("nested quantifier backtracks")
            << QStringLiteral("^(a+)+$") << static_cast<int>(pc::Severity::Warning);
        QTest::newRow("look-ahead RE2 refuses")
            << QStringLiteral("^(?=.*[0-9]).+$") << static_cast<int>(pc::Severity::Error);
    }
    void patternsAreFlagged()
    {
        QFETCH(QString, pattern);
        QFETCH(int, severity);
        pc::ValidationEditor editor(m_doc.get());
        auto* edit = editor.findChild<QLineEdit*>(QStringLiteral("fieldPatternLineEdit"));
        auto* flags = editor.findChild<pc::MessageLabel*>(QStringLiteral("patternFlagsLabel"));
        edit->setText(pattern);
        QCOMPARE(m_doc->policy().schemas[0].fields[0].pattern, pattern.toStdString());
        if (severity < 0) {
            // At most portability notes, no risk.
            QVERIFY2(flags->message().isEmpty() || flags->severity() == pc::Severity::Info,
                     qPrintable(flags->message()));
        } else {
            QVERIFY(!flags->message().isEmpty());
            QCOMPARE(static_cast<int>(flags->severity()), severity);
        }
    }

    void routeDetailFollowsTheSelectedRoute()
    {
        pc::RoutesEditor editor(m_doc.get());
        editor.show();
        QCOMPARE(editor.table()->currentRow(), 0);
        auto* path = editor.findChild<QLineEdit*>(QStringLiteral("routePathLineEdit"));
        QCOMPARE(path->text(), QStringLiteral("/api/data"));
        editor.table()->selectRow(1);
        QCOMPARE(path->text(), QStringLiteral("/api/users"));
        auto* body = editor.findChild<QComboBox*>(QStringLiteral("request_bodyComboBox"));
        QCOMPARE(body->currentData().toString(), QStringLiteral("UserInput"));
        path->setText(QStringLiteral("/api/v2/users"));
        QCOMPARE(m_doc->policy().routes[1].path, "/api/v2/users"s);
        // Removing the route above renumbers the selection; the form follows it.
        editor.table()->model()->removeItem(0);
        QCOMPARE(editor.table()->currentRow(), 0);
        QCOMPARE(path->text(), QStringLiteral("/api/v2/users"));
    }

    void rateLimitStringsAreCheckedAsTyped()
    {
        const pc::FilePolicyStore store;
        pc::PolicyChecker checker(m_doc.get(), store);
        pc::RateLimitsEditor editor(m_doc.get());
        editor.show();
        auto* limit = editor.findChild<QLineEdit*>(QStringLiteral("limitLineEdit"));
        auto* message = editor.findChild<pc::MessageLabel*>(QStringLiteral("limitMessageLabel"));
        QCOMPARE(limit->text(), QStringLiteral("10/minute"));
        QVERIFY(message->message().isEmpty());
        limit->setText(QStringLiteral("10/fortnight"));
        QCOMPARE(m_doc->policy().rateLimits[0].limit, "10/fortnight"s);
        checker.checkNow();
        QVERIFY2(message->message().contains(QStringLiteral("\"fortnight\" is not a period")),
                 qPrintable(message->message()));
        limit->setText(QStringLiteral("100 per hour"));
        checker.checkNow();
        QVERIFY(message->message().isEmpty());
        QCOMPARE(m_doc->undoStack()->count(), 1);
    }

    void headerPresetsReplaceTheSectionInOneStep_data()
    {
        QTest::addColumn<QString>("button");
        QTest::addColumn<QString>("expected");
        QTest::newRow("OWASP") << QStringLiteral("owaspPresetButton")
                               << QStringLiteral("Strict-Transport-Security: max-age=63072000; includeSubDomains");
        QTest::newRow("helmet") << QStringLiteral("helmetPresetButton") << QStringLiteral("X-XSS-Protection: 0");
        QTest::newRow("strict API") << QStringLiteral("strictApiPresetButton")
                                    << QStringLiteral(
                                           "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'");
    }
    void headerPresetsReplaceTheSectionInOneStep()
    {
        QFETCH(QString, button);
        QFETCH(QString, expected);
        pc::HeadersEditor editor(m_doc.get());
        auto* preview = editor.findChild<pc::HeaderPreviewWidget*>();
        QVERIFY(!preview->previewText().contains(expected));
        editor.findChild<QPushButton*>(button)->click();
        QVERIFY2(preview->previewText().contains(expected), qPrintable(preview->previewText()));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->policy().headers, pc::test::samplePolicy().headers);
        QVERIFY(!preview->previewText().contains(expected));
    }

    void owaspPresetRemovesItsWholeList()
    {
        pc::HeadersEditor editor(m_doc.get());
        editor.applyPreset(pc::HeaderPreset::Owasp);
        QCOMPARE(m_doc->policy().headers.remove.size(), size_t(87));
        QCOMPARE(m_doc->policy().headers.permissionsPolicy->features.size(), size_t(29));
        QVERIFY(m_doc->policy().headers.csp->validate("/headers/csp").empty());
    }

    void durationsKeepUnparsableText()
    {
        pc::TokensEditor editor(m_doc.get());
        auto* ttl = editor.findChild<QLineEdit*>(QStringLiteral("jwtAccessTtlLineEdit"));
        QCOMPARE(ttl->text(), QStringLiteral("15m"));
        ttl->setText(QStringLiteral("10m"));
        QCOMPARE(m_doc->policy().auth.jwt->accessTtl, pc::Duration(std::chrono::minutes(10)));
        ttl->setText(QStringLiteral("10 minutes"));
        QCOMPARE(ttl->text(), QStringLiteral("10 minutes"));
        QCOMPARE(m_doc->policy().auth.jwt->accessTtl, pc::Duration(std::chrono::minutes(10)));
        m_doc->undoStack()->undo();
        QCOMPARE(ttl->text(), QStringLiteral("15m"));
    }

private:
    std::unique_ptr<pc::PolicyDocument> m_doc;
};

QTEST_MAIN(TestEditors)
#include "TestEditors.moc"
