// SPDX-License-Identifier: Apache-2.0
#include "ServeSession.h"

#include "CliPolicyLoader.h"
#include "PolicyFileWatcher.h"
#include "SignalWatcher.h"

#include "server/Redactor.h"
#include "server/UpstreamForwarder.h"

#include <QCoreApplication>

namespace pc::cli {

ServeSession::ServeSession(ServeOptions options, CliContext& io) : m_options(std::move(options)), m_io(io)
{
}

ServeSession::~ServeSession()
{
    if (m_server) {
        m_server->stop();
    }
}

std::optional<std::shared_ptr<const CompiledPolicy>> ServeSession::loadPolicy(LoadedPolicy* loadedOut)
{
    std::optional<LoadedPolicy> loaded = CliPolicyLoader::load(m_options.policyPath, m_io);
    if (!loaded) {
        return std::nullopt;
    }
    Policy& policy = loaded->policy;
    if (!m_options.upstream.empty()) {
        PolicyRequestHandler::forwardAllTo(policy, m_options.upstream);
    }
    const SecretResolver resolver = CliPolicyLoader::resolverFor(*loaded);
    CompileOptions compileOptions;
    compileOptions.secrets = &resolver;
    compileOptions.baseDir = resolver.baseDir();
    auto compiled = CompiledPolicy::compile(policy, compileOptions);
    if (!compiled) {
        Errors errors = compiled.errors();
        PolicyFile::locate(errors, loaded->sourceMap, loaded->file);
        for (const Error& e : errors) {
            m_io.err << e.toString() << '\n';
        }
        return std::nullopt;
    }
    if (loadedOut != nullptr) {
        *loadedOut = std::move(*loaded);
    }
    return std::move(compiled).value();
}

void ServeSession::updateRedactor(const LoadedPolicy& loaded)
{
    // The policy's own secrets are masked wherever they would appear in the request log.
    const SecretResolver resolver = CliPolicyLoader::resolverFor(loaded);
    std::vector<std::string> values;
    for (const SecretRef& secret : loaded.policy.secrets) {
        if (auto value = resolver.resolve(secret)) {
            values.emplace_back(value->view());
        }
    }
    m_server->setRedactor(std::make_shared<Redactor>(std::move(values)));
}

std::optional<int> ServeSession::start()
{
    if (!m_options.upstream.empty()) {
        if (auto url = UpstreamForwarder::parseUpstream(m_options.upstream); !url) {
            m_io.err << "portcullis-cli serve: " << url.error().message << " (" << url.error().hint << ")\n";
            return ExitUsage;
        }
    }
    LoadedPolicy loaded;
    auto compiled = loadPolicy(&loaded);
    if (!compiled) {
        return ExitInvalid;
    }
    ServerConfig config = m_options.server;
    PolicyRequestHandler::configure(config, loaded.policy);
    if (m_options.logPath == QStringLiteral("-")) {
        m_log = std::make_unique<RequestLogWriter>(m_io.out);
    } else if (!m_options.logPath.isEmpty()) {
        auto log = RequestLogWriter::openFile(m_options.logPath.toStdString());
        if (!log) {
            m_io.err << log.error().toString() << '\n';
            return ExitInvalid;
        }
        m_log = std::move(log).value();
    }
    // Before the server and the `listening on` line: a signal sent as soon as a script sees
    // that line must already find the clean-stop handler.
    m_signals = std::make_unique<SignalWatcher>();
    connect(m_signals.get(), &SignalWatcher::received, this, &ServeSession::stop);
    m_handler = std::make_shared<PolicyRequestHandler>(*compiled);
    m_server = std::make_unique<HttpServer>(config, m_handler);
    if (m_log) {
        m_server->setEventSink([log = m_log.get()](const RequestEvent& e) { log->write(e); });
    }
    updateRedactor(loaded);
    if (const Status started = m_server->start(); !started) {
        for (const Error& e : started.errors()) {
            m_io.err << "portcullis-cli serve: " << e.message << (e.hint.empty() ? "" : " (" + e.hint + ")") << '\n';
        }
        return ExitInvalid;
    }
    for (const QString& warning : m_server->warnings()) {
        m_io.err << "warning: " << warning.toStdString() << '\n';
    }
    if (config.tls.enabled) {
        m_io.err << "TLS certificate: " << m_server->certificateFile().toStdString()
                 << " (trust it with curl --cacert FILE)\n";
    }
    m_io.out << "listening on " << m_server->url().toStdString() << std::endl;

    if (m_options.watch) {
        m_watcher = std::make_unique<PolicyFileWatcher>(m_options.policyPath);
        connect(m_watcher.get(), &PolicyFileWatcher::changed, this, &ServeSession::reload);
    }
    m_purge.setInterval(std::chrono::minutes(1));
    connect(&m_purge, &QTimer::timeout, this,
            [this] { m_handler->rateLimitStore().purgeExpired(SystemClock::instance().now()); });
    m_purge.start();
    return std::nullopt;
}

void ServeSession::reload()
{
    LoadedPolicy loaded;
    auto compiled = loadPolicy(&loaded);
    if (!compiled) {
        m_io.err << "The changed policy has errors; still serving the previous one.\n";
        return;
    }
    const Policy& before = m_handler->policy()->policy();
    const bool transportChanged = before.limits != loaded.policy.limits || before.transport != loaded.policy.transport;
    m_handler->setPolicy(*compiled);
    updateRedactor(loaded);
    m_io.err << "Reloaded " << m_options.policyPath.toStdString()
             << "; rate-limit counters of unchanged limits carry on.\n";
    if (transportChanged) {
        m_io.err << "The server's own size limits and timeouts change when serve restarts; the engine applies the "
                    "new limits from now on.\n";
    }
}

void ServeSession::stop(int signalNumber)
{
    m_io.err << (signalNumber == SIGINT ? "Interrupted" : "Terminated") << "; answering what is in flight, then "
             << "stopping.\n";
    m_purge.stop();
    m_watcher.reset();
    m_server->stopGracefully(m_options.stopGrace);
    Q_EMIT finished(ExitOk);
}

} // namespace pc::cli
