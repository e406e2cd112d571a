// SPDX-License-Identifier: Apache-2.0
#include "server/ServerController.h"

#include "document/PolicyDocument.h"
#include "engine/CompiledPolicy.h"
#include "server/HttpServer.h"
#include "server/PolicyRequestHandler.h"
#include "server/Redactor.h"
#include "server/UpstreamForwarder.h"
#include "support/Text.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace pc {

ServerController::ServerController(PolicyDocument* document, QObject* parent) : QObject(parent), m_document(document)
{
    m_quiet.setSingleShot(true);
    m_quiet.setInterval(kReloadQuietMs);
    connect(&m_quiet, &QTimer::timeout, this, &ServerController::reloadNow);
    // Every kind of change, Reset (another file opened, Revert) included: the
    // server always runs what the window shows.
    connect(document, &PolicyDocument::changed, this, [this] {
        if (isRunning()) {
            m_quiet.start();
        }
    });
    m_purge.setInterval(std::chrono::minutes(1));
    connect(&m_purge, &QTimer::timeout, this, [this] {
        if (m_handler) {
            m_handler->rateLimitStore().purgeExpired(SystemClock::instance().now());
        }
    });
}

ServerController::~ServerController()
{
    if (m_server) {
        m_server->stop();
    }
}

QString ServerController::defaultTlsDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("portcullis/tls"));
}

QString ServerController::checkUpstream(const QString& text)
{
    if (text.trimmed().isEmpty()) {
        return {};
    }
    auto url = UpstreamForwarder::parseUpstream(toStd(text.trimmed()));
    if (url) {
        return {};
    }
    const Error& e = url.error();
    return e.hint.empty() ? toQ(e.message) : toQ(e.message) + QStringLiteral(" (") + toQ(e.hint) + u')';
}

void ServerController::setSecretEnvironment(SecretResolver::Environment environment)
{
    m_environment = std::move(environment);
}

SecretResolver ServerController::resolver() const
{
    // Relative dotenv and key-file references start at the policy's folder, as with
    // `portcullis-cli serve FILE`; an untitled policy has none.
    const std::string base =
        m_document->isUntitled() ? std::string() : toStd(QFileInfo(m_document->filePath()).absolutePath());
    return SecretResolver(base, m_environment);
}

std::optional<LoadedPolicy> ServerController::loadDocument(QStringList* errors) const
{
    // Read back from its canonical text like the CLI reads the file: the loader's own
    // checks apply and every error gets the line and column it has in the saved file.
    const std::string name = toStd(m_document->isUntitled() ? m_document->displayName() : m_document->filePath());
    auto loaded = PolicyFile::loadDocumentText(PolicyFile::toText(m_document->policy()), name);
    if (!loaded) {
        *errors = located(loaded.errors(), LoadedPolicy{});
        return std::nullopt;
    }
    LoadedPolicy result = std::move(loaded).value();
    const std::string upstream = toStd(m_options.upstream.trimmed());
    if (!upstream.empty()) {
        PolicyRequestHandler::forwardAllTo(result.policy, upstream); // as `serve --upstream`
    }
    return result;
}

QStringList ServerController::located(Errors errors, const LoadedPolicy& loaded)
{
    if (!loaded.file.empty()) {
        PolicyFile::locate(errors, loaded.sourceMap, loaded.file);
    }
    QStringList lines;
    for (const Error& e : errors) {
        lines << toQ(e.toString());
    }
    return lines;
}

void ServerController::updateRedactor(const LoadedPolicy& loaded, const SecretResolver& resolver)
{
    // The policy's own secrets are masked wherever they would reach the request log.
    std::vector<std::string> values;
    for (const SecretRef& secret : loaded.policy.secrets) {
        if (auto value = resolver.resolve(secret)) {
            values.emplace_back(value->view());
        }
    }
    m_server->setRedactor(std::make_shared<Redactor>(std::move(values)));
}

bool ServerController::start(const ServerStartOptions& options)
{
    if (isRunning()) {
        return true;
    }
    const auto fail = [this](const QString& message) {
        Q_EMIT failed(message);
        return false;
    };
    if (const QString problem = checkUpstream(options.upstream); !problem.isEmpty()) {
        return fail(tr("The upstream URL is not usable: %1").arg(problem));
    }
    m_options = options;
    QStringList errors;
    std::optional<LoadedPolicy> loaded = loadDocument(&errors);
    if (!loaded) {
        return fail(tr("The policy does not load:\n%1").arg(errors.join(u'\n')));
    }
    const SecretResolver secrets = resolver();
    CompileOptions compileOptions;
    compileOptions.secrets = &secrets;
    compileOptions.baseDir = secrets.baseDir();
    auto compiled = CompiledPolicy::compile(loaded->policy, compileOptions);
    if (!compiled) {
        return fail(tr("The policy does not compile:\n%1").arg(located(compiled.errors(), *loaded).join(u'\n')));
    }

    ServerConfig config;
    config.port = options.port;
    config.threads = std::clamp(options.threads, 1, 64);
    config.tls.enabled = options.tls;
    config.tls.generatedDirectory = options.tlsDirectory.isEmpty() ? defaultTlsDirectory() : options.tlsDirectory;
    PolicyRequestHandler::configure(config, loaded->policy);

    m_handler = std::make_shared<PolicyRequestHandler>(std::move(compiled).value());
    m_server = std::make_unique<HttpServer>(config, m_handler);
    connect(m_server.get(), &HttpServer::requestCompleted, this, &ServerController::requestCompleted);
    updateRedactor(*loaded, secrets);
    if (const Status started = m_server->start(); !started) {
        QStringList reasons;
        for (const Error& e : started.errors()) {
            reasons << (e.hint.empty() ? toQ(e.message) : toQ(e.message) + QStringLiteral(" (") + toQ(e.hint) + u')');
        }
        m_server.reset();
        m_handler.reset();
        return fail(reasons.join(u'\n'));
    }
    m_reloadErrors.clear();
    m_purge.start();
    Q_EMIT listening(m_server->url());
    return true;
}

void ServerController::stop()
{
    if (!m_server) {
        return;
    }
    m_quiet.stop();
    m_purge.stop();
    m_server->stopGracefully(kStopGrace);
    m_server.reset();
    m_handler.reset();
    m_reloadErrors.clear();
    Q_EMIT stopped();
}

void ServerController::reloadNow()
{
    m_quiet.stop();
    if (!m_handler) {
        return;
    }
    QStringList errors;
    std::optional<LoadedPolicy> loaded = loadDocument(&errors);
    if (loaded) {
        const SecretResolver secrets = resolver();
        CompileOptions compileOptions;
        compileOptions.secrets = &secrets;
        compileOptions.baseDir = secrets.baseDir();
        // The handler swaps atomically and keeps one rate-limit store, so counters
        // of limits that did not change carry on.
        if (const Status swapped = m_handler->reload(loaded->policy, compileOptions); swapped) {
            updateRedactor(*loaded, secrets);
            m_reloadErrors.clear();
            Q_EMIT reloaded();
            return;
        } else {
            errors = located(swapped.errors(), *loaded);
        }
    }
    m_reloadErrors = errors;
    Q_EMIT reloadFailed(errors);
}

bool ServerController::isRunning() const
{
    return m_server != nullptr && m_server->isListening();
}

QString ServerController::url() const
{
    return m_server ? m_server->url() : QString();
}

QString ServerController::certificateFile() const
{
    return m_server ? m_server->certificateFile() : QString();
}

quint16 ServerController::port() const
{
    return m_server ? m_server->port() : quint16{0};
}

} // namespace pc
