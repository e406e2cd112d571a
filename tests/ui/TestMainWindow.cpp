// SPDX-License-Identifier: Apache-2.0
// The workbench window: title and modified mark, questions before unsaved
// work is replaced, recent files, drag-and-drop, keyboard navigation, presets,
// the invalid-file flow, autosave and restore after a crash, the Server menu
// and dock, PNG renders.
#include "document/Autosaver.h"
#include "document/PolicyDocument.h"
#include "document/RecoveryStore.h"
#include "editors/OverviewEditor.h"
#include "server/ServerController.h"
#include "server/ServerPanel.h"
#include "shell/DocumentController.h"
#include "shell/LoadErrorsWidget.h"
#include "shell/MainWindow.h"
#include "shell/SectionRenderer.h"
#include "support/FileDialog.h"
#include "support/MessageBox.h"
#include "support/Settings.h"

#include "MemoryPolicyStore.h"
#include "SamplePolicy.h"
#include "TestSupport.h"

#include <QAction>
#include <QDockWidget>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace std::string_literals;

class TestMainWindow final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<pc::Settings>(m_dir->filePath(QStringLiteral("settings.ini")));
        m_recovery = std::make_unique<pc::RecoveryStore>(m_dir->filePath(QStringLiteral("recovery")));
        m_store = std::make_unique<pc::test::MemoryPolicyStore>();
        m_store->files[path("api.json")] = pc::test::samplePolicy();
        pc::Policy other;
        other.name = "Other API";
        m_store->files[path("other.json")] = other;
        pc::Policy strict;
        strict.name = "Strict JSON API";
        m_store->presets[QStringLiteral("strict-json-api")] = strict;
        m_window = makeWindow();
    }
    void cleanup()
    {
        m_window.reset();
        m_store.reset();
        m_recovery.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void titleShowsTheFileAndTheModifiedMark()
    {
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Untitled[*] — Portcullis"));
        QVERIFY(m_window->controller()->open(path("api.json")));
        QCOMPARE(m_window->windowTitle(), QStringLiteral("api.json[*] — Portcullis"));
        QVERIFY(!m_window->isWindowModified());
        editName("Changed");
        QVERIFY(m_window->isWindowModified());
        m_window->document()->undoStack()->undo();
        QVERIFY(!m_window->isWindowModified());
    }

    void closingWithUnsavedChangesAsksFirst()
    {
        QVERIFY(m_window->controller()->open(path("api.json")));
        editName("Changed");
        pc::MessageBox::setNextAnswer(pc::MessageBox::Button::Cancel);
        QVERIFY(!m_window->close());
        QVERIFY(pc::MessageBox::lastText().contains(QStringLiteral("not saved")));
        QVERIFY(m_window->isVisible());
        pc::MessageBox::setNextAnswer(pc::MessageBox::Button::Save);
        QVERIFY(m_window->close());
        QCOMPARE(m_store->files[path("api.json")].name, "Changed"s);
    }

    void anUntitledDocumentIsSavedThroughSaveAs()
    {
        editName("Fresh");
        pc::FileDialog::setNextFileName(path("fresh.json"));
        QVERIFY(m_window->controller()->save());
        QCOMPARE(m_store->files[path("fresh.json")].name, "Fresh"s);
        QCOMPARE(m_window->document()->filePath(), path("fresh.json"));
        QVERIFY(!m_window->isWindowModified());
    }

    void discardingDropsTheChanges()
    {
        QVERIFY(m_window->controller()->open(path("api.json")));
        editName("Changed");
        pc::MessageBox::setNextAnswer(pc::MessageBox::Button::Discard);
        QVERIFY(m_window->controller()->open(path("other.json")));
        QCOMPARE(m_window->document()->policy().name, "Other API"s);
        QCOMPARE(m_store->files[path("api.json")].name, "FastAPI tutorial API"s);
    }

    void recentFilesAreRemembered()
    {
        QVERIFY(m_window->controller()->open(path("api.json")));
        QVERIFY(m_window->controller()->open(path("other.json")));
        QCOMPARE(m_settings->recentFiles(), (QStringList{path("other.json"), path("api.json")}));
        auto* menu = m_window->findChild<QMenu*>(QStringLiteral("recentMenu"));
        QVERIFY(menu);
        QCOMPARE(menu->actions().first()->data().toString(), path("other.json"));
        // A new window reads the same settings.
        m_window.reset();
        m_window = makeWindow();
        auto* again = m_window->findChild<QMenu*>(QStringLiteral("recentMenu"));
        QCOMPARE(again->actions().first()->data().toString(), path("other.json"));
    }

    void droppingAFileOpensIt()
    {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path("api.json"))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &drop);
        QCOMPARE(m_window->document()->filePath(), path("api.json"));
    }

    void sectionsAreReachableFromTheKeyboard()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(m_window->currentSection(), pc::Section::Cors);
        QTest::keyClick(m_window.get(), Qt::Key_9, Qt::ControlModifier);
        QCOMPARE(m_window->currentSection(), pc::Section::Transport);
        auto* save = m_window->findChild<QAction*>(QStringLiteral("saveAction"));
        QVERIFY(save->shortcuts().contains(QKeySequence(QKeySequence::Save)));
        auto* undo = m_window->findChild<QAction*>(QStringLiteral("undoAction"));
        QVERIFY(undo->shortcuts().contains(QKeySequence(QKeySequence::Undo)));
    }

    void newFromPreset()
    {
        auto* action = m_window->findChild<QAction*>(QStringLiteral("strict-json-apiPresetAction"));
        QVERIFY(action);
        action->trigger();
        QCOMPARE(m_window->document()->policy().name, "Strict JSON API"s);
        QVERIFY(m_window->document()->isUntitled());
    }

    void aFileThatDoesNotLoadShowsItsErrorsAndIsNeverOverwrittenSilently()
    {
        pc::Error error =
            pc::makeError("bad-duration", "\"15x\" is not a duration.", "/auth/jwt/access_ttl", "write \"15m\"");
        error.file = path("broken.json").toStdString();
        error.line = 12;
        error.column = 20;
        m_store->broken[path("broken.json")] = {error};
        QVERIFY(m_window->controller()->open(path("api.json")));

        QVERIFY(!m_window->controller()->open(path("broken.json")));
        auto* dock = m_window->findChild<QDockWidget*>(QStringLiteral("loadErrorsDock"));
        QVERIFY(dock->isVisibleTo(m_window.get()));
        QCOMPARE(m_window->loadErrors()->lines(), QStringList{QString::fromStdString(error.toString())});
        // The document that was open stays open.
        QCOMPARE(m_window->document()->filePath(), path("api.json"));

        pc::FileDialog::setNextFileName(path("broken.json"));
        pc::MessageBox::setNextAnswer(pc::MessageBox::Button::Cancel);
        QVERIFY(!m_window->controller()->saveAs());
        QVERIFY(pc::MessageBox::lastText().contains(QStringLiteral("did not load")));
        QVERIFY(m_store->files.count(path("broken.json")) == 0);

        pc::FileDialog::setNextFileName(path("broken.json"));
        pc::MessageBox::setNextAnswer(pc::MessageBox::Button::Save);
        QVERIFY(m_window->controller()->saveAs());
        QVERIFY(m_store->files.count(path("broken.json")) == 1);
    }

    void autosavesAndRestoresAfterACrash()
    {
        m_settings->setAutosaveDelayMs(0);
        QVERIFY(m_window->controller()->open(path("api.json")));
        editName("Unsaved work");
        pc::Autosaver* autosaver = m_window->controller()->autosaver();
        QVERIFY(autosaver->isPending());
        const QString recoveryFile = m_recovery->filePath(autosaver->id());
        QTRY_VERIFY(QFileInfo::exists(recoveryFile));
        QVERIFY(QFileInfo(recoveryFile).permissions() ==
                (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser));

        // A crash: the window goes away without closing.
        m_window.reset();
        QVERIFY(QFileInfo::exists(recoveryFile));

        m_window = makeWindow();
        pc::MessageBox::setNextAnswer(pc::MessageBox::Button::Yes);
        QVERIFY(m_window->controller()->offerRecovery());
        QVERIFY(pc::MessageBox::lastText().contains(QStringLiteral("api.json")));
        QCOMPARE(m_window->document()->policy().name, "Unsaved work"s);
        QCOMPARE(m_window->document()->filePath(), path("api.json"));
        QVERIFY(m_window->isWindowModified());
        QVERIFY(!QFileInfo::exists(recoveryFile));

        // Saving makes the restored document clean and leaves nothing to recover.
        QVERIFY(m_window->controller()->save());
        QVERIFY(!m_window->isWindowModified());
        QCOMPARE(m_store->files[path("api.json")].name, "Unsaved work"s);
        m_window.reset();
        m_window = makeWindow();
        QVERIFY(!m_window->controller()->offerRecovery());
    }

    void declinedRecoveryIsDiscarded()
    {
        m_settings->setAutosaveDelayMs(0);
        editName("Scratch");
        m_window->controller()->autosaver()->saveNow();
        const QString recoveryFile = m_recovery->filePath(m_window->controller()->autosaver()->id());
        QVERIFY(QFileInfo::exists(recoveryFile));
        m_window.reset();
        m_window = makeWindow();
        pc::MessageBox::setNextAnswer(pc::MessageBox::Button::Discard);
        QVERIFY(!m_window->controller()->offerRecovery());
        QVERIFY(!QFileInfo::exists(recoveryFile));
        QCOMPARE(m_window->document()->policy().name, ""s);
    }

    void aCleanCloseLeavesNothingToRecover()
    {
        m_settings->setAutosaveDelayMs(0);
        editName("Thrown away");
        m_window->controller()->autosaver()->saveNow();
        pc::MessageBox::setNextAnswer(pc::MessageBox::Button::Discard);
        QVERIFY(m_window->close());
        m_window.reset();
        m_window = makeWindow();
        QVERIFY(!m_window->controller()->offerRecovery());
    }

    void everySettingExplainsItself()
    {
        QVERIFY(m_window->controller()->open(path("api.json")));
        int bound = 0;
        for (QWidget* widget : m_window->findChildren<QWidget*>()) {
            const QVariant where = widget->property("policyPath");
            if (!where.isValid()) {
                continue;
            }
            ++bound;
            QVERIFY2(!widget->toolTip().isEmpty(), qPrintable(where.toString()));
        }
        QVERIFY2(bound >= 120, qPrintable(QString::number(bound)));
    }

    void theServerMenuRunsTheTestServer()
    {
        QVERIFY(m_window->controller()->open(path("api.json")));
        m_window->server()->setSecretEnvironment(
            [](const std::string&) { return std::optional<pc::SecretBytes>(pc::SecretBytes(std::string(48, 'k'))); });
        QVERIFY(m_window->serverDock()->isHidden());
        auto* start = m_window->findChild<QAction*>(QStringLiteral("startServerAction"));
        auto* stop = m_window->findChild<QAction*>(QStringLiteral("stopServerAction"));
        auto* serving = m_window->findChild<QLabel*>(QStringLiteral("servingLabel"));
        QVERIFY(start != nullptr && stop != nullptr && serving != nullptr);
        QCOMPARE(start->shortcut(), QKeySequence(Qt::Key_F5));
        QCOMPARE(stop->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_F5));
        QVERIFY(!stop->isEnabled());

        start->trigger();
        QVERIFY(m_window->server()->isRunning());
        QVERIFY(m_window->serverDock()->isVisible());
        QCOMPARE(serving->text(), QStringLiteral("Serving ") + m_window->server()->url());
        QVERIFY(stop->isEnabled() && !start->isEnabled());
        stop->trigger();
        QVERIFY(!m_window->server()->isRunning());
        QVERIFY(serving->isHidden());

        // Closing the window stops a running server.
        start->trigger();
        QVERIFY(m_window->server()->isRunning());
        QVERIFY(m_window->close());
        QVERIFY(!m_window->server()->isRunning());
    }

    void noTwoActionsShareAShortcut()
    {
        QSet<QString> seen;
        for (const QAction* action : m_window->findChildren<QAction*>()) {
            // Editors' table actions (Ins, Del) only fire inside their own table.
            if (action->shortcutContext() == Qt::WidgetWithChildrenShortcut ||
                action->shortcutContext() == Qt::WidgetShortcut) {
                continue;
            }
            QSet<QString> own;
            for (const QKeySequence& key : action->shortcuts()) {
                own.insert(key.toString());
            }
            for (const QString& text : own) {
                QVERIFY2(!seen.contains(text), qPrintable(text + QStringLiteral(" ") + action->objectName()));
                seen.insert(text);
            }
        }
    }

    void rendersEverySectionToPng()
    {
        QVERIFY(m_window->controller()->open(path("api.json")));
        const QString out = m_dir->filePath(QStringLiteral("shots"));
        QString error;
        const auto written = pc::SectionRenderer::render(*m_window, out, &error);
        QVERIFY2(written.has_value(), qPrintable(error));
        QCOMPARE(written->size(), static_cast<qsizetype>(pc::kSections.size()) + 1); // + server.png
        for (const QString& file : *written) {
            const QImage image(file);
            QVERIFY2(!image.isNull(), qPrintable(file));
            QCOMPARE(image.size(), m_window->size());
        }
        QVERIFY(written->contains(QDir(out).filePath(QStringLiteral("rate-limits.png"))));
        QVERIFY(written->contains(QDir(out).filePath(QStringLiteral("server.png"))));
        QVERIFY(!m_window->server()->isRunning());
    }

private:
    QString path(const char* name) const { return m_dir->filePath(QString::fromUtf8(name)); }

    std::unique_ptr<pc::MainWindow> makeWindow()
    {
        auto window = std::make_unique<pc::MainWindow>(*m_store, *m_settings, *m_recovery);
        window->show();
        return window;
    }

    void editName(const char* name)
    {
        m_window->showSection(pc::Section::Overview);
        auto* edit = m_window->findChild<QLineEdit*>(QStringLiteral("policyNameLineEdit"));
        QVERIFY(edit);
        edit->setText(QString::fromUtf8(name));
        QCOMPARE(m_window->document()->policy().name, std::string(name));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<pc::Settings> m_settings;
    std::unique_ptr<pc::RecoveryStore> m_recovery;
    std::unique_ptr<pc::test::MemoryPolicyStore> m_store;
    std::unique_ptr<pc::MainWindow> m_window;
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
