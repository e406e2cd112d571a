// SPDX-License-Identifier: Apache-2.0
// ServerPanel: the workbench's "Test Server" dock: start and stop the local
// test server (port, HTTPS, reverse-proxy upstream), its URL and a ready curl
// command, whether the last edit reloaded, and the live request log beside the
// selected request's detail and decision trace. Drives a ServerController it
// does not own. GUI thread only.
#pragma once

#include <QWidget>

class QCheckBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace pc {

class MessageLabel;
class RequestDetailWidget;
class RequestLogModel;
class ServerController;
struct ServerStartOptions;

class ServerPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerPanel)

public:
    explicit ServerPanel(ServerController* controller, QWidget* parent = nullptr);
    ~ServerPanel() override;

    // Starts with the options the controls show; false (and the reason in the status line) on failure.
    bool start();
    void stop();
    void toggle();

    [[nodiscard]] ServerController* controller() const { return m_controller; }
    [[nodiscard]] RequestLogModel* model() const { return m_model; }
    [[nodiscard]] QTableView* logView() const { return m_view; }
    [[nodiscard]] RequestDetailWidget* detail() const { return m_detail; }
    [[nodiscard]] ServerStartOptions options() const;
    // "curl -i http://127.0.0.1:PORT/api/data" (with --cacert for HTTPS); empty while stopped.
    [[nodiscard]] QString curlCommand() const;
    [[nodiscard]] QString statusMessage() const;
    // Where a generated certificate lives (settings and tests point it elsewhere).
    void setTlsDirectory(const QString& directory) { m_tlsDirectory = directory; }

private:
    [[nodiscard]] QGridLayout* buildControls();
    void updateState();
    void checkUpstream();
    void showSelected();
    [[nodiscard]] QWidget* buildLog();

    ServerController* m_controller;
    RequestLogModel* m_model;
    QString m_tlsDirectory;
    bool m_follow = true;

    QPushButton* m_startStop = nullptr;
    QSpinBox* m_port = nullptr;
    QCheckBox* m_tls = nullptr;
    QLineEdit* m_upstream = nullptr;
    MessageLabel* m_upstreamMessage = nullptr;
    QLabel* m_url = nullptr;
    QPushButton* m_copyCurl = nullptr;
    QLabel* m_certificate = nullptr;
    MessageLabel* m_status = nullptr;
    QTableView* m_view = nullptr;
    RequestDetailWidget* m_detail = nullptr;
    QPushButton* m_clear = nullptr;
};

} // namespace pc
