// SPDX-License-Identifier: Apache-2.0
#include "shell/MainWindow.h"

#include "document/Autosaver.h"
#include "document/PolicyChecker.h"
#include "document/PolicyDocument.h"
#include "document/PolicyStore.h"
#include "editors/CorsEditor.h"
#include "editors/HeadersEditor.h"
#include "editors/OverviewEditor.h"
#include "editors/RateLimitsEditor.h"
#include "editors/RoutesEditor.h"
#include "editors/SecretsEditor.h"
#include "editors/TokensEditor.h"
#include "editors/TransportEditor.h"
#include "editors/ValidationEditor.h"
#include "server/ServerController.h"
#include "server/ServerPanel.h"
#include "shell/DocumentController.h"
#include "shell/LoadErrorsWidget.h"
#include "shell/PreferencesDialog.h"
#include "support/Settings.h"
#include "support/Theme.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUndoView>
#include <QWhatsThis>

namespace pc {

MainWindow::MainWindow(const PolicyStore& store, Settings& settings, RecoveryStore& recovery, QWidget* parent)
    : QMainWindow(parent), m_store(store), m_settings(settings), m_document(new PolicyDocument(this)),
      m_controller(new DocumentController(m_document, store, settings, recovery, this)),
      m_server(new ServerController(m_document, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    resize(1280, 820);
    new PolicyChecker(m_document, store, this);
    createEditors();
    createActions();
    createMenus();
    createDocks();
    createStatusBar();
    createServer();

    connect(m_document, &PolicyDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &PolicyDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &PolicyDocument::filePathChanged, this, &MainWindow::updateActions);
    connect(m_document, &PolicyDocument::diagnosticsChanged, this, &MainWindow::updateProblems);
    connect(m_controller, &DocumentController::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(m_controller, &DocumentController::recentFilesChanged, this, &MainWindow::rebuildRecentMenu);
    connect(m_controller, &DocumentController::loadFailed, this, &MainWindow::onLoadFailed);
    connect(m_controller, &DocumentController::loaded, this, [this] {
        m_loadErrors->clear();
        m_errorsDock->hide();
    });

    restoreGeometry(settings.mainWindowGeometry());
    restoreState(settings.mainWindowState());
    showSection(static_cast<Section>(std::clamp(settings.lastSection(), 0, static_cast<int>(kSections.size()) - 1)));
    updateTitle();
    updateActions();
    updateProblems();
}

MainWindow::~MainWindow()
{
    // Children die after this body; keep their last signals from reaching a
    // window that is no longer whole.
    m_navigation->blockSignals(true);
    m_document->blockSignals(true);
}

void MainWindow::createEditors()
{
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    m_navigation = new QListWidget(splitter);
    m_navigation->setObjectName(QStringLiteral("sectionListWidget"));
    m_navigation->setToolTip(tr("Sections of the policy (Ctrl+1 … Ctrl+9)"));
    m_stack = new QStackedWidget(splitter);
    m_stack->setObjectName(QStringLiteral("sectionStackWidget"));

    m_overview = new OverviewEditor(m_document, m_stack);
    connect(m_overview, &OverviewEditor::navigateRequested, this, &MainWindow::showSection);
    auto* secrets = new SecretsEditor(m_document, m_settings, m_stack);
    connect(secrets, &SecretsEditor::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    m_editors = {m_overview,
                 new RoutesEditor(m_document, m_stack),
                 new ValidationEditor(m_document, m_stack),
                 new CorsEditor(m_document, m_stack),
                 new RateLimitsEditor(m_document, m_stack),
                 new HeadersEditor(m_document, m_stack),
                 new TokensEditor(m_document, m_stack),
                 secrets,
                 new TransportEditor(m_document, m_stack)};
    for (Section section : kSections) {
        QWidget* editor = m_editors[static_cast<size_t>(section)];
        editor->setObjectName(sectionKey(section) + QStringLiteral("Editor"));
        m_stack->addWidget(editor);
        auto* item = new QListWidgetItem(sectionTitle(section), m_navigation);
        item->setData(Qt::UserRole, sectionKey(section));
    }
    m_navigation->setSpacing(2);
    m_navigation->setFrameShape(QFrame::NoFrame);
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0) {
            m_stack->setCurrentIndex(row);
            m_settings.setLastSection(row);
        }
    });
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(1, false);
    const int width = m_navigation->sizeHintForColumn(0) + 2 * m_navigation->frameWidth() + 32;
    splitter->setSizes({std::max(width, 150), 1000});
    setCentralWidget(splitter);
}

void MainWindow::createActions()
{
    auto make = [this](const QString& text, const QString& name, const QList<QKeySequence>& keys, const QString& tip) {
        auto* action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcuts(keys);
        action->setStatusTip(tip);
        addAction(action);
        return action;
    };
    m_newAction = make(tr("&New"), QStringLiteral("newAction"), QKeySequence::keyBindings(QKeySequence::New),
                       tr("Start an empty policy"));
    connect(m_newAction, &QAction::triggered, this, [this] { m_controller->newDocument(); });
    m_openAction = make(tr("&Open…"), QStringLiteral("openAction"), QKeySequence::keyBindings(QKeySequence::Open),
                        tr("Open a policy file"));
    connect(m_openAction, &QAction::triggered, this, [this] { m_controller->openWithDialog(); });
    m_saveAction = make(tr("&Save"), QStringLiteral("saveAction"), QKeySequence::keyBindings(QKeySequence::Save),
                        tr("Save the policy"));
    connect(m_saveAction, &QAction::triggered, this, [this] { m_controller->save(); });
    m_saveAsAction = make(tr("Save &As…"), QStringLiteral("saveAsAction"),
                          QKeySequence::keyBindings(QKeySequence::SaveAs), tr("Save the policy to another file"));
    connect(m_saveAsAction, &QAction::triggered, this, [this] { m_controller->saveAs(); });
    m_revertAction = make(tr("Re&vert"), QStringLiteral("revertAction"), {QKeySequence(Qt::CTRL | Qt::Key_R)},
                          tr("Reload the file, dropping unsaved changes"));
    connect(m_revertAction, &QAction::triggered, this, [this] { m_controller->revert(); });
    m_quitAction = make(tr("&Quit"), QStringLiteral("quitAction"), QKeySequence::keyBindings(QKeySequence::Quit),
                        tr("Close the window"));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcuts(QKeySequence::Undo);
    m_redoAction = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setShortcuts(QKeySequence::Redo);
    addAction(m_undoAction);
    addAction(m_redoAction);
    QList<QKeySequence> preferencesKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (preferencesKeys.isEmpty()) {
        preferencesKeys = {QKeySequence(Qt::CTRL | Qt::Key_Comma)};
    }
    m_preferencesAction = make(tr("&Preferences…"), QStringLiteral("preferencesAction"), preferencesKeys,
                               tr("Autosave, appearance and recent files"));
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    m_presetMenu = file->addMenu(tr("New from &Preset"));
    m_presetMenu->setObjectName(QStringLiteral("presetMenu"));
    rebuildPresetMenu();
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addAction(m_revertAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_preferencesAction);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    for (Section section : kSections) {
        const int index = static_cast<int>(section);
        auto* action = view->addAction(sectionTitle(section));
        action->setObjectName(sectionKey(section) + QStringLiteral("SectionAction"));
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + index)));
        connect(action, &QAction::triggered, this, [this, section] { showSection(section); });
    }
    view->addSeparator();
    auto* next = view->addAction(tr("Next Section"));
    next->setShortcuts(QKeySequence::keyBindings(QKeySequence::NextChild) +
                       QList{QKeySequence(Qt::CTRL | Qt::Key_PageDown)});
    connect(next, &QAction::triggered, this, [this] {
        showSection(static_cast<Section>((m_navigation->currentRow() + 1) % static_cast<int>(kSections.size())));
    });
    auto* previous = view->addAction(tr("Previous Section"));
    previous->setShortcuts(QKeySequence::keyBindings(QKeySequence::PreviousChild) +
                           QList{QKeySequence(Qt::CTRL | Qt::Key_PageUp)});
    connect(previous, &QAction::triggered, this, [this] {
        const int count = static_cast<int>(kSections.size());
        showSection(static_cast<Section>((m_navigation->currentRow() + count - 1) % count));
    });
    m_document->undoStack()->setObjectName(QStringLiteral("undoStack"));

    // The test server: F5 / Shift+F5 as in IDEs (Ctrl+R is Revert).
    QMenu* server = menuBar()->addMenu(tr("&Server"));
    server->setObjectName(QStringLiteral("serverMenu"));
    m_startServerAction = server->addAction(tr("&Start Test Server"));
    m_startServerAction->setObjectName(QStringLiteral("startServerAction"));
    m_startServerAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_startServerAction->setStatusTip(tr("Serve this policy on 127.0.0.1 and log every request"));
    m_stopServerAction = server->addAction(tr("S&top Test Server"));
    m_stopServerAction->setObjectName(QStringLiteral("stopServerAction"));
    m_stopServerAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_stopServerAction->setStatusTip(tr("Answer what is in flight, then close the port"));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* whatsThis = QWhatsThis::createAction(this);
    help->addAction(whatsThis);
    help->addSeparator();
    auto* about = help->addAction(tr("&About Portcullis"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    auto* aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    // The docks' toggles join the View menu once the docks exist.
    m_undoDock = new QDockWidget(tr("Undo History"), this);
    m_errorsDock = new QDockWidget(tr("Load Errors"), this);
    m_serverDock = new QDockWidget(tr("Test Server"), this);
    view->addSeparator();
    QAction* undoToggle = m_undoDock->toggleViewAction();
    undoToggle->setObjectName(QStringLiteral("undoHistoryAction"));
    undoToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    view->addAction(undoToggle);
    QAction* errorsToggle = m_errorsDock->toggleViewAction();
    errorsToggle->setObjectName(QStringLiteral("loadErrorsAction"));
    view->addAction(errorsToggle);
    QAction* serverToggle = m_serverDock->toggleViewAction();
    serverToggle->setObjectName(QStringLiteral("testServerAction"));
    serverToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    view->addAction(serverToggle);
}

void MainWindow::createDocks()
{
    m_undoDock->setObjectName(QStringLiteral("undoHistoryDock"));
    auto* undoView = new QUndoView(m_document->undoStack(), m_undoDock);
    undoView->setObjectName(QStringLiteral("undoView"));
    undoView->setEmptyLabel(tr("<opened>"));
    m_undoDock->setWidget(undoView);
    addDockWidget(Qt::RightDockWidgetArea, m_undoDock);
    m_undoDock->hide();

    m_errorsDock->setObjectName(QStringLiteral("loadErrorsDock"));
    m_loadErrors = new LoadErrorsWidget(m_errorsDock);
    m_loadErrors->setObjectName(QStringLiteral("loadErrorsWidget"));
    connect(m_loadErrors, &LoadErrorsWidget::retryRequested, this,
            [this](const QString& path) { m_controller->open(path); });
    m_errorsDock->setWidget(m_loadErrors);
    addDockWidget(Qt::BottomDockWidgetArea, m_errorsDock);
    m_errorsDock->hide();
}

void MainWindow::createStatusBar()
{
    m_problemsLabel = new QLabel(this);
    m_problemsLabel->setObjectName(QStringLiteral("problemsLabel"));
    m_problemsLabel->setToolTip(tr("Problems found while editing; the Overview lists them."));
    m_autosaveLabel = new QLabel(this);
    m_autosaveLabel->setObjectName(QStringLiteral("autosaveLabel"));
    m_autosaveLabel->setToolTip(tr("A recovery copy of unsaved changes is kept so that a crash loses nothing."));
    statusBar()->addPermanentWidget(m_problemsLabel);
    statusBar()->addPermanentWidget(m_autosaveLabel);
    connect(m_controller->autosaver(), &Autosaver::autosaved, this, [this](const QDateTime& when) {
        m_autosaveLabel->setText(
            tr("Recovery copy %1").arg(QLocale().toString(when.toLocalTime().time(), QLocale::ShortFormat)));
    });
    connect(m_controller->autosaver(), &Autosaver::failed, this,
            [this](const QString& reason) { m_autosaveLabel->setText(reason); });
}

void MainWindow::createServer()
{
    m_serverDock->setObjectName(QStringLiteral("testServerDock"));
    m_serverPanel = new ServerPanel(m_server, m_serverDock);
    m_serverPanel->setObjectName(QStringLiteral("serverPanel"));
    m_serverDock->setWidget(m_serverPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_serverDock);
    m_serverDock->hide();

    m_servingLabel = new QLabel(this);
    m_servingLabel->setObjectName(QStringLiteral("servingLabel"));
    m_servingLabel->setToolTip(tr("The local test server runs this policy; View ▸ Test Server shows its log."));
    statusBar()->addPermanentWidget(m_servingLabel);

    const auto showDock = [this] {
        m_serverDock->show();
        m_serverDock->raise();
    };
    connect(m_startServerAction, &QAction::triggered, this, [this, showDock] {
        showDock();
        m_serverPanel->start();
    });
    connect(m_stopServerAction, &QAction::triggered, m_server, &ServerController::stop);
    connect(m_server, &ServerController::listening, this, &MainWindow::updateServerActions);
    connect(m_server, &ServerController::stopped, this, &MainWindow::updateServerActions);
    // A start that fails says why in the dock; make sure it is seen.
    connect(m_server, &ServerController::failed, this, showDock);
    updateServerActions();
}

void MainWindow::updateServerActions()
{
    const bool running = m_server->isRunning();
    m_startServerAction->setEnabled(!running);
    m_stopServerAction->setEnabled(running);
    m_servingLabel->setText(running ? tr("Serving %1").arg(m_server->url()) : QString());
    m_servingLabel->setVisible(running);
}

void MainWindow::rebuildPresetMenu()
{
    m_presetMenu->clear();
    for (const QString& name : m_store.presetNames()) {
        auto* action = m_presetMenu->addAction(name);
        action->setObjectName(name + QStringLiteral("PresetAction"));
        connect(action, &QAction::triggered, this, [this, name] { m_controller->newDocument(name); });
    }
    m_presetMenu->setEnabled(!m_presetMenu->isEmpty());
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_settings.recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString& path = files[i];
        auto* action = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(
            QDir::toNativeSeparators(path).replace(u'&', QStringLiteral("&&"))));
        action->setData(path);
        connect(action, &QAction::triggered, this, [this, path] {
            if (!QFileInfo::exists(path)) {
                m_settings.removeRecentFile(path);
                rebuildRecentMenu();
                statusBar()->showMessage(tr("%1 no longer exists.").arg(QDir::toNativeSeparators(path)), 8000);
                return;
            }
            m_controller->open(path);
        });
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        auto* clear = m_recentMenu->addAction(tr("Clear List"));
        connect(clear, &QAction::triggered, this, [this] {
            m_settings.clearRecentFiles();
            rebuildRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::showSection(Section section)
{
    m_navigation->setCurrentRow(static_cast<int>(section));
}

Section MainWindow::currentSection() const
{
    return static_cast<Section>(std::max(0, m_navigation->currentRow()));
}

QWidget* MainWindow::editor(Section section) const
{
    return m_editors[static_cast<size_t>(section)];
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_document->displayName() + QStringLiteral("[*] — Portcullis"));
    setWindowFilePath(m_document->filePath());
    setWindowModified(m_document->isModified());
}

void MainWindow::updateActions()
{
    m_revertAction->setEnabled(!m_document->isUntitled());
}

void MainWindow::updateProblems()
{
    const auto count = static_cast<int>(m_document->diagnostics().size());
    m_problemsLabel->setText(count == 0   ? tr("No problems")
                             : count == 1 ? tr("1 problem")
                                          : tr("%1 problems").arg(count));
}

void MainWindow::onLoadFailed(const QString& path, const Errors& errors)
{
    m_loadErrors->showErrors(path, errors);
    m_errorsDock->show();
    m_errorsDock->raise();
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_settings, this);
    if (dialog.exec() == QDialog::Accepted) {
        dialog.apply();
        Theme::apply(*qApp, m_settings.theme());
        rebuildRecentMenu();
    }
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Portcullis"),
                       tr("<b>Portcullis %1</b><br>A security-policy workbench for HTTP APIs: edit, check, exercise "
                          "and ship how an API defends itself.")
                           .arg(QStringLiteral(PORTCULLIS_VERSION)));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_controller->maybeSave()) {
        event->ignore();
        return;
    }
    m_controller->closeCleanly();
    m_server->stop();
    m_settings.setMainWindowGeometry(saveGeometry());
    m_settings.setMainWindowState(saveState());
    m_settings.sync();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile()) {
        event->acceptProposedAction();
        m_controller->open(urls.first().toLocalFile());
    }
}

} // namespace pc
