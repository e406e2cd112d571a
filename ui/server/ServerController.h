// SPDX-License-Identifier: Apache-2.0
// ServerController: the workbench's local test server for one PolicyDocument —
// the HttpServer and the PolicyRequestHandler behind it, on loopback only. Every
// document change (edits, undo, redo, a newly opened file) is recompiled after a
// short quiet period and swapped in atomically; counters of unchanged rate limits
// carry on, and a policy that does not compile leaves the last good one serving.
// Owns the server; GUI thread only (the server's workers report back through it).
#pragma once

#include "auth/SecretResolver.h"
#include "common/Error.h"
#include "policy/PolicyFile.h"
#include "server/RequestEvent.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

namespace pc {

class HttpServer;
class PolicyDocument;
class PolicyRequestHandler;

struct ServerStartOptions {
    quint16 port = 0; // 0: a free port the system picks
    bool tls = false; // HTTPS with a self-signed certificate generated on first use
    QString upstream; // reverse-proxy mode when not empty: routes without their own upstream forward here
    int threads = 1;
    QString tlsDirectory; // where the generated certificate lives; empty: defaultTlsDirectory()
};

class ServerController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerController)

public:
    static constexpr int kReloadQuietMs = 200;
    static constexpr std::chrono::milliseconds kStopGrace{500};

    explicit ServerController(PolicyDocument* document, QObject* parent = nullptr);
    ~ServerController() override;

    // Compiles the document and listens; emits listening() or failed(). False on failure.
    bool start(const ServerStartOptions& options);
    // Answers what is in flight (up to kStopGrace), closes the port, emits stopped(). Idempotent.
    void stop();

    [[nodiscard]] PolicyDocument* document() const { return m_document; }
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] QString url() const;             // empty while stopped
    [[nodiscard]] QString certificateFile() const; // the PEM to trust, with TLS
    [[nodiscard]] quint16 port() const;
    // The located errors of the last reload that failed; empty once a reload succeeds.
    [[nodiscard]] QStringList reloadErrors() const { return m_reloadErrors; }

    // Where secret references look before dotenv files and key files; the process
    // environment by default. Screenshots and tests substitute their own.
    void setSecretEnvironment(SecretResolver::Environment environment);
    // Recompiles now instead of after the quiet period (tests; the Server menu).
    void reloadNow();

    // The folder `portcullis-cli serve --tls` uses too, so one certificate is trusted once.
    [[nodiscard]] static QString defaultTlsDirectory();
    // Empty when `text` is a usable upstream URL, else the reason.
    [[nodiscard]] static QString checkUpstream(const QString& text);

Q_SIGNALS:
    void listening(const QString& url);
    void stopped();
    void failed(const QString& message);
    void reloaded();
    void reloadFailed(const QStringList& errors);
    void requestCompleted(const pc::RequestEvent& event);

private:
    // The document as `serve` would run it from its file: canonical text read back
    // (so errors carry file:line:col), the upstream option applied.
    [[nodiscard]] std::optional<LoadedPolicy> loadDocument(QStringList* errors) const;
    [[nodiscard]] SecretResolver resolver() const;
    [[nodiscard]] static QStringList located(Errors errors, const LoadedPolicy& loaded);
    void updateRedactor(const LoadedPolicy& loaded, const SecretResolver& resolver);

    PolicyDocument* m_document;
    SecretResolver::Environment m_environment;
    ServerStartOptions m_options;
    std::shared_ptr<PolicyRequestHandler> m_handler;
    std::unique_ptr<HttpServer> m_server;
    QStringList m_reloadErrors;
    QTimer m_quiet;
    QTimer m_purge;
};

} // namespace pc
