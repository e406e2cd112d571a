// SPDX-License-Identifier: Apache-2.0
// The workbench on real files through the core's loader and writer: open the
// tutorial example, change a CORS origin through its widget, undo, redo, save
// and read the file back; a file that does not load shows the CLI's errors and
// is left alone; work survives a crash.
#include "document/Autosaver.h"
#include "document/FilePolicyStore.h"
#include "document/PolicyDocument.h"
#include "document/RecoveryStore.h"
#include "editors/CorsEditor.h"
#include "policy/PolicyFile.h"
#include "shell/DocumentController.h"
#include "shell/LoadErrorsWidget.h"
#include "shell/MainWindow.h"
#include "support/FileDialog.h"
#include "support/MessageBox.h"
#include "support/Settings.h"
#include "widgets/TableEditor.h"

#include "TestSupport.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace std::string_literals;

class TestWorkflow final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<pc::Settings>(m_dir->filePath(QStringLiteral("settings.ini")));
        m_recovery = std::make_unique<pc::RecoveryStore>(m_dir->filePath(QStringLiteral("recovery")));
        m_tutorial = m_dir->filePath(QStringLiteral("fastapi-tutorial.json"));
        QVERIFY(QFile::copy(QString::fromStdString(pc::test::sourcePath("resources/examples/fastapi-tutorial.json")),
                            m_tutorial));
        QFile::setPermissions(m_tutorial, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        m_window = std::make_unique<pc::MainWindow>(m_store, *m_settings, *m_recovery);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }
    void cleanup()
    {
        m_window.reset();
        m_recovery.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void changesACorsOriginUndoesRedoesSavesAndReadsBack()
    {
        QVERIFY(m_window->controller()->open(m_tutorial));
        QCOMPARE(m_window->document()->policy().cors->allowOrigins, std::vector<std::string>{"https://yourdomain.com"});

        m_window->showSection(pc::Section::Cors);
        auto* origins = m_window->findChild<pc::TableEditor*>(QStringLiteral("originListWidget"));
        QVERIFY(origins);
        QTableView* view = origins->view();
        origins->selectRow(0);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_F2);
        auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("https://app.example.com"));
        QTest::keyClick(editor, Qt::Key_Return);
        QCoreApplication::processEvents(); // the delegate commits from a queued call
        const std::vector<std::string> changed{"https://app.example.com"};
        QCOMPARE(m_window->document()->policy().cors->allowOrigins, changed);
        QVERIFY(m_window->isWindowModified());

        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_window->document()->policy().cors->allowOrigins, std::vector<std::string>{"https://yourdomain.com"});
        QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("https://yourdomain.com"));
        QVERIFY(!m_window->isWindowModified());
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(m_window->document()->policy().cors->allowOrigins, changed);

        QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY(!m_window->isWindowModified());
        pc::Result<pc::Policy> reread = pc::PolicyFile::load(m_tutorial.toStdString());
        QVERIFY(reread.ok());
        QCOMPARE(reread->cors->allowOrigins, changed);
        QCOMPARE(*reread, m_window->document()->policy());
        // Nothing else in the file moved.
        pc::Policy expected = *pc::PolicyFile::load(pc::test::sourcePath("resources/examples/fastapi-tutorial.json"));
        expected.cors->allowOrigins = changed;
        QCOMPARE(*reread, expected);
    }

    void inlineMessagesUseTheClisWords()
    {
        QVERIFY(m_window->controller()->open(m_tutorial));
        m_window->showSection(pc::Section::Cors);
        auto* origins = m_window->findChild<pc::TableEditor*>(QStringLiteral("originListWidget"));
        QLineEdit* add = origins->addLineEdit();
        QTest::keyClicks(add, QStringLiteral("https://admin.example.com/"));
        QTest::keyClick(add, Qt::Key_Return);
        QTRY_VERIFY(!m_window->document()->diagnostics().empty());
        // What `portcullis-cli check` says about the saved file, word for word.
        pc::Result<pc::Policy> cli =
            pc::PolicyFile::loadText(pc::PolicyFile::toText(m_window->document()->policy()), "");
        QVERIFY(!cli.ok());
        QCOMPARE(m_window->document()->diagnostics(), cli.errors());
        const QString rowMessage = view(origins)->model()->index(1, 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(rowMessage.startsWith(QString::fromStdString(cli.error().message)), qPrintable(rowMessage));
        QVERIFY(rowMessage.contains(QStringLiteral("trailing slash")));
    }

    void aBrokenFileShowsTheClisErrorsAndStaysUntouched()
    {
        const QString broken = m_dir->filePath(QStringLiteral("broken.json"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray text = "{\n  \"portcullis\": 1,\n  \"cors\": {\"allow_origins\": [\"https://a.example/\"]},\n"
                                "  \"rate_limits\": {\"x\": {\"limit\": \"10/fortnight\"}}\n}\n";
        file.write(text);
        file.close();

        QVERIFY(m_window->controller()->open(m_tutorial));
        QVERIFY(!m_window->controller()->open(broken));
        QStringList expected;
        const pc::Result<pc::Policy> cli = pc::PolicyFile::load(broken.toStdString());
        for (const pc::Error& e : cli.errors()) {
            expected << QString::fromStdString(e.toString());
        }
        QVERIFY(expected.size() >= 2);
        QCOMPARE(m_window->loadErrors()->lines(), expected);
        QCOMPARE(m_window->document()->filePath(), m_tutorial);

        pc::FileDialog::setNextFileName(broken);
        pc::MessageBox::setNextAnswer(pc::MessageBox::Button::Cancel);
        QVERIFY(!m_window->controller()->saveAs());
        QFile again(broken);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), text);
    }

    void restoresUnsavedWorkAfterACrash()
    {
        m_settings->setAutosaveDelayMs(0);
        QVERIFY(m_window->controller()->open(m_tutorial));
        m_window->showSection(pc::Section::Overview);
        m_window->findChild<QLineEdit*>(QStringLiteral("policyNameLineEdit"))->setText(QStringLiteral("Unsaved"));
        const QString recoveryFile = m_recovery->filePath(m_window->controller()->autosaver()->id());
        QTRY_VERIFY(QFile::exists(recoveryFile));
        const pc::Policy edited = m_window->document()->policy();
        m_window.reset(); // the crash

        m_window = std::make_unique<pc::MainWindow>(m_store, *m_settings, *m_recovery);
        pc::MessageBox::setNextAnswer(pc::MessageBox::Button::Yes);
        QVERIFY(m_window->controller()->offerRecovery());
        QCOMPARE(m_window->document()->policy(), edited);
        QCOMPARE(m_window->document()->filePath(), m_tutorial);
        QVERIFY(m_window->document()->isModified());
        // The file itself was never touched.
        QCOMPARE(pc::PolicyFile::load(m_tutorial.toStdString())->name, "FastAPI security tutorial"s);
    }

private:
    static QTableView* view(pc::TableEditor* editor) { return editor->view(); }

    pc::FilePolicyStore m_store;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<pc::Settings> m_settings;
    std::unique_ptr<pc::RecoveryStore> m_recovery;
    std::unique_ptr<pc::MainWindow> m_window;
    QString m_tutorial;
};

QTEST_MAIN(TestWorkflow)
#include "TestWorkflow.moc"
