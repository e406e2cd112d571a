// SPDX-License-Identifier: Apache-2.0
#include "ServeCommand.h"

#include "ServeSession.h"
#include "VerbParser.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace pc::cli {

namespace {

QCommandLineOption option(const char* name, const char* description, const char* value = nullptr)
{
    QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(description));
    if (value != nullptr) {
        o.setValueName(QString::fromLatin1(value));
    }
    return o;
}

// Shared with the GUI, so one generated certificate is trusted once.
QString defaultTlsDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("portcullis/tls"));
}

} // namespace

QString ServeCommand::summary() const
{
    return QStringLiteral("Run the local test server with a policy enforced on real HTTP(S)");
}

int ServeCommand::run(const QStringList& args, CliContext& io)
{
    VerbParser parser(
        name(), QStringLiteral("POLICY [--port N] [--tls] [--upstream URL] [--threads N] [--log FILE]"),
        QStringLiteral(
            "Serves POLICY on loopback: every request goes through the engine; routes answer with their mock, an "
            "echo of the validated request, or (reverse-proxy mode) the upstream. Prints 'listening on URL' on "
            "stdout once ready. Edits to POLICY are picked up while it runs (counters of unchanged rate limits "
            "carry on); a policy with errors is reported and the previous one kept. SIGINT or SIGTERM answers what "
            "is in flight and stops.\n"
            "Exit status: 0 after a clean stop, 1 when the policy is invalid or the server cannot start, 2 on a "
            "wrong command line."));
    parser.addPositional(QStringLiteral("POLICY"), QStringLiteral("The policy file to serve."));
    parser.setPositionalCount(1, 1);
    parser.addOption(option("port", "TCP port (default 8000); 0 picks a free one.", "N"));
    parser.addOption(option("address", "Address to listen on (default 127.0.0.1).", "ADDRESS"));
    parser.addOption(option("allow-remote", "Allow an address other machines can reach (reported as a warning)."));
    parser.addOption(option("tls", "Serve HTTPS (TLS 1.2 and up; transport.min_tls may require 1.3)."));
    parser.addOption(
        option("cert", "Certificate chain (PEM) for --tls; default: a self-signed one, generated once.", "FILE"));
    parser.addOption(option("key", "Private key (PEM) for --cert.", "FILE"));
    parser.addOption(
        option("tls-dir", "Folder of the generated certificate (default: the user's data folder).", "DIR"));
    parser.addOption(option(
        "upstream", "Reverse-proxy mode: routes without their own upstream forward allowed requests to URL.", "URL"));
    parser.addOption(option("threads", "Event-loop threads (default 1).", "N"));
    parser.addOption(option("log", "Write one JSON line per request to FILE ('-' for stdout).", "FILE"));
    parser.addOption(option("no-watch", "Do not reload the policy when the file changes."));
    if (auto done = parser.parse(args, io)) {
        return *done;
    }

    ServeOptions options;
    options.policyPath = parser.positional().front();
    ServerConfig& server = options.server;
    server.port = 8000;
    if (parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const uint port = parser.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port > 65535) {
            return parser.usageError(QStringLiteral("--port must be a number from 0 to 65535"), io);
        }
        server.port = static_cast<quint16>(port);
    }
    if (parser.isSet(QStringLiteral("address"))) {
        server.address = QHostAddress(parser.value(QStringLiteral("address")));
        if (server.address.isNull()) {
            return parser.usageError(QStringLiteral("--address must be an IP address"), io);
        }
    }
    server.allowNonLoopback = parser.isSet(QStringLiteral("allow-remote"));
    if (!server.address.isLoopback() && !server.allowNonLoopback) {
        return parser.usageError(QStringLiteral("--address ") + server.address.toString() +
                                     QStringLiteral(" is reachable from other machines; add --allow-remote if you "
                                                    "mean it"),
                                 io);
    }
    if (parser.isSet(QStringLiteral("threads"))) {
        bool ok = false;
        server.threads = parser.value(QStringLiteral("threads")).toInt(&ok);
        if (!ok || server.threads < 1 || server.threads > 64) {
            return parser.usageError(QStringLiteral("--threads must be a number from 1 to 64"), io);
        }
    }
    server.tls.enabled = parser.isSet(QStringLiteral("tls"));
    server.tls.certificateFile = parser.value(QStringLiteral("cert"));
    server.tls.privateKeyFile = parser.value(QStringLiteral("key"));
    server.tls.generatedDirectory =
        parser.isSet(QStringLiteral("tls-dir")) ? parser.value(QStringLiteral("tls-dir")) : defaultTlsDirectory();
    if (server.tls.certificateFile.isEmpty() != server.tls.privateKeyFile.isEmpty()) {
        return parser.usageError(QStringLiteral("--cert and --key go together"), io);
    }
    if (!server.tls.certificateFile.isEmpty() && !server.tls.enabled) {
        return parser.usageError(QStringLiteral("--cert and --key need --tls"), io);
    }
    options.upstream = parser.value(QStringLiteral("upstream")).toStdString();
    options.logPath = parser.value(QStringLiteral("log"));
    options.watch = !parser.isSet(QStringLiteral("no-watch"));

    ServeSession session(std::move(options), io);
    if (auto failed = session.start()) {
        return *failed;
    }
    int exitCode = ExitOk;
    QObject::connect(&session, &ServeSession::finished, &session, [&exitCode](int code) {
        exitCode = code;
        QCoreApplication::exit(code);
    });
    QCoreApplication::exec();
    return exitCode;
}

} // namespace pc::cli
