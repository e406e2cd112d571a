// SPDX-License-Identifier: Apache-2.0
// MainWindow: the workbench window — section navigation, one editor per
// section, menus with the standard shortcuts, the undo history and load-error
// docks, the test-server dock and its Server menu, the status bar, recent
// files, drag-and-drop, and the title with the file name and modified mark.
// File handling lives in DocumentController, the server in ServerController.
#pragma once

#include "common/Error.h"
#include "editors/Section.h"

#include <QMainWindow>

#include <array>

class QAction;
class QDockWidget;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace pc {

class DocumentController;
class LoadErrorsWidget;
class OverviewEditor;
class PolicyDocument;
class PolicyStore;
class RecoveryStore;
class ServerController;
class ServerPanel;
class Settings;

class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(const PolicyStore& store, Settings& settings, RecoveryStore& recovery, QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] PolicyDocument* document() const { return m_document; }
    [[nodiscard]] DocumentController* controller() const { return m_controller; }
    [[nodiscard]] LoadErrorsWidget* loadErrors() const { return m_loadErrors; }
    [[nodiscard]] ServerController* server() const { return m_server; }
    [[nodiscard]] ServerPanel* serverPanel() const { return m_serverPanel; }
    [[nodiscard]] QDockWidget* serverDock() const { return m_serverDock; }

    void showSection(Section section);
    [[nodiscard]] Section currentSection() const;
    [[nodiscard]] QWidget* editor(Section section) const;

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createEditors();
    void createActions();
    void createMenus();
    void createDocks();
    void createStatusBar();
    void rebuildRecentMenu();
    void rebuildPresetMenu();
    void updateTitle();
    void updateActions();
    void updateProblems();
    void showPreferences();
    void showAbout();
    void onLoadFailed(const QString& path, const Errors& errors);
    void createServer();
    void updateServerActions();

    const PolicyStore& m_store;
    Settings& m_settings;
    PolicyDocument* m_document;
    DocumentController* m_controller;
    ServerController* m_server;

    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_stack = nullptr;
    std::array<QWidget*, kSections.size()> m_editors{};
    OverviewEditor* m_overview = nullptr;
    QDockWidget* m_undoDock = nullptr;
    QDockWidget* m_errorsDock = nullptr;
    LoadErrorsWidget* m_loadErrors = nullptr;
    QDockWidget* m_serverDock = nullptr;
    ServerPanel* m_serverPanel = nullptr;
    QLabel* m_servingLabel = nullptr;
    QLabel* m_problemsLabel = nullptr;
    QLabel* m_autosaveLabel = nullptr;

    QMenu* m_recentMenu = nullptr;
    QMenu* m_presetMenu = nullptr;
    QAction* m_newAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_revertAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_preferencesAction = nullptr;
    QAction* m_startServerAction = nullptr;
    QAction* m_stopServerAction = nullptr;
};

} // namespace pc
