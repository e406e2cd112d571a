// SPDX-License-Identifier: Apache-2.0
// ServeSession: one run of `portcullis-cli serve`: the compiled policy behind
// the test server, the file watcher that reloads it, the request log, the
// signal watcher that stops it cleanly, and the periodic purge of idle
// rate-limit counters. Lives on the main thread for the life of the verb.
#pragma once

#include "CliContext.h"

#include "server/HttpServer.h"
#include "server/PolicyRequestHandler.h"
#include "server/RequestLogWriter.h"

#include "policy/PolicyFile.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>
#include <string>

namespace pc::cli {

class PolicyFileWatcher;
class SignalWatcher;

struct ServeOptions {
    QString policyPath;
    ServerConfig server;  // address, port, threads, TLS; limits come from the policy
    std::string upstream; // reverse-proxy mode: every route without its own upstream forwards here
    QString logPath;      // "" none, "-" stdout
    bool watch = true;
    std::chrono::milliseconds stopGrace{2000};
};

class ServeSession final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServeSession)

public:
    ServeSession(ServeOptions options, CliContext& io);
    ~ServeSession() override;

    // Loads, compiles and starts listening; prints `listening on URL` on stdout. An ExitCode on failure.
    [[nodiscard]] std::optional<int> start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    // The policy file as `serve` runs it (with --upstream applied), compiled; nullopt after printing why.
    [[nodiscard]] std::optional<std::shared_ptr<const CompiledPolicy>> loadPolicy(LoadedPolicy* loadedOut);
    void reload();
    void stop(int signalNumber);
    void updateRedactor(const LoadedPolicy& loaded);

    ServeOptions m_options;
    CliContext& m_io;
    std::shared_ptr<PolicyRequestHandler> m_handler;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<RequestLogWriter> m_log;
    std::unique_ptr<PolicyFileWatcher> m_watcher;
    std::unique_ptr<SignalWatcher> m_signals;
    QTimer m_purge;
};

} // namespace pc::cli
