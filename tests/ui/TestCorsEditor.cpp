// SPDX-License-Identifier: Apache-2.0
// The CORS editor edits the policy through its widgets, one undo step per
// edit, and follows undo and redo.
#include "document/PolicyDocument.h"
#include "editors/CorsEditor.h"
#include "widgets/TableEditor.h"

#include "SamplePolicy.h"
#include "TestSupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

using namespace std::string_literals;

class TestCorsEditor final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_doc = std::make_unique<pc::PolicyDocument>();
        m_doc->reset(pc::test::samplePolicy(), {});
        m_editor = std::make_unique<pc::CorsEditor>(m_doc.get());
        m_editor->resize(900, 800);
        m_editor->show();
        m_editor->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
    }
    void cleanup()
    {
        m_editor.reset();
        m_doc.reset();
    }

    void editsAnOriginInPlaceWithTheKeyboard()
    {
        auto* list = m_editor->findChild<pc::TableEditor*>(QStringLiteral("originListWidget"));
        QVERIFY(list);
        QTableView* view = list->view();
        QCOMPARE(view->model()->rowCount(), 1);
        view->setFocus();
        list->selectRow(0);
        QTest::keyClick(view, Qt::Key_F2);
        auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(editor);
        QCOMPARE(editor->parentWidget()->parentWidget(), view);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("https://app.example.com"));
        QTest::keyClick(editor, Qt::Key_Return);
        // The delegate commits from a queued call.
        QCoreApplication::processEvents();
        QCOMPARE(m_doc->policy().cors->allowOrigins, std::vector<std::string>{"https://app.example.com"});
        QCOMPARE(m_doc->undoStack()->count(), 1);
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->policy().cors->allowOrigins, std::vector<std::string>{"https://yourdomain.com"});
        QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("https://yourdomain.com"));
        m_doc->undoStack()->redo();
        QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("https://app.example.com"));
    }

    void addsAnOriginFromTheAddLine()
    {
        auto* list = m_editor->findChild<pc::TableEditor*>(QStringLiteral("originListWidget"));
        QLineEdit* add = list->addLineEdit();
        QTest::keyClicks(add, QStringLiteral("https://admin.example.com"));
        QTest::keyClick(add, Qt::Key_Return);
        QCOMPARE(m_doc->policy().cors->allowOrigins,
                 (std::vector<std::string>{"https://yourdomain.com", "https://admin.example.com"}));
        QVERIFY(add->text().isEmpty());
        QCOMPARE(list->currentRow(), 1);
    }

    void formFieldsPushOneStepEach()
    {
        auto* credentials = m_editor->findChild<QCheckBox*>(QStringLiteral("allowCredentialsCheckBox"));
        auto* maxAge = m_editor->findChild<QSpinBox*>(QStringLiteral("maxAgeSpinBox"));
        QVERIFY(credentials && maxAge);
        QVERIFY(credentials->isChecked());
        credentials->click();
        QCOMPARE(m_doc->policy().cors->allowCredentials, false);
        maxAge->setValue(3600);
        QCOMPARE(m_doc->policy().cors->maxAge, 3600);
        QCOMPARE(m_doc->undoStack()->count(), 2);
        m_doc->undoStack()->undo();
        QCOMPARE(maxAge->value(), 600);
        m_doc->undoStack()->undo();
        QVERIFY(credentials->isChecked());
        QVERIFY(!credentials->toolTip().isEmpty());
    }

    void switchingCorsOffAndOnKeepsTheSettings()
    {
        auto* enabled = m_editor->findChild<QCheckBox*>(QStringLiteral("corsEnabledCheckBox"));
        auto* list = m_editor->findChild<pc::TableEditor*>(QStringLiteral("originListWidget"));
        enabled->click();
        QVERIFY(!m_doc->policy().cors);
        QCOMPARE(list->view()->model()->rowCount(), 0);
        QVERIFY(!list->isEnabled() || !list->view()->isEnabled());
        enabled->click();
        QVERIFY(m_doc->policy().cors);
        QCOMPARE(m_doc->policy().cors->allowOrigins, std::vector<std::string>{"https://yourdomain.com"});
        m_doc->undoStack()->undo();
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->policy(), pc::test::samplePolicy());
        QVERIFY(enabled->isChecked());
    }

    void everyBoundWidgetExplainsItself()
    {
        const auto widgets = m_editor->findChildren<QWidget*>();
        int bound = 0;
        for (QWidget* w : widgets) {
            if (w->property("policyPath").isValid()) {
                ++bound;
                QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->property("policyPath").toString()));
            }
        }
        QVERIFY(bound >= 10);
    }

private:
    std::unique_ptr<pc::PolicyDocument> m_doc;
    std::unique_ptr<pc::CorsEditor> m_editor;
};

QTEST_MAIN(TestCorsEditor)
#include "TestCorsEditor.moc"
