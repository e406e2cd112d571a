// SPDX-License-Identifier: Apache-2.0
#include "SimulateCommand.h"

#include "CliPolicyLoader.h"
#include "VerbParser.h"

#include "common/TextFile.h"
#include "common/Timestamp.h"
#include "engine/CompiledPolicy.h"
#include "engine/DecisionFormatter.h"
#include "engine/IpAddress.h"
#include "engine/RateLimitStore.h"
#include "engine/RawHttpRequest.h"

#include <iterator>

namespace pc::cli {
namespace {

constexpr std::size_t kMaxRequestFileBytes = 64U << 20;
constexpr int kMaxRepeat = 100'000;

Result<std::string> readRequest(const QString& file, CliContext& io)
{
    if (file.isEmpty() || file == QStringLiteral("-")) {
        std::string text(std::istreambuf_iterator<char>(io.in), {});
        if (text.size() > kMaxRequestFileBytes) {
            return makeError("file-too-large", "The request on standard input is larger than 64 MiB.");
        }
        return text;
    }
    return TextFile::read(file.toStdString(), kMaxRequestFileBytes);
}

} // namespace

QString SimulateCommand::summary() const
{
    return QStringLiteral("Run a raw HTTP request through a policy and explain the decision");
}

int SimulateCommand::run(const QStringList& args, CliContext& io)
{
    VerbParser parser(
        name(),
        QStringLiteral("POLICY [REQUEST_FILE|-] [--format text|json] [--client-ip ADDR] [--at TIME] [--repeat N]"),
        QStringLiteral(
            "Reads a raw HTTP/1.1 request (request line, headers, blank line, body; from REQUEST_FILE or\n"
            "standard input) and prints what the API would answer and why, stage by stage.\n"
            "Text: the status line, headers and body, then the trace. JSON:\n"
            "  {\"status\":N,\"headers\":[[\"Name\",\"value\"],...],\"body\":\"...\",\n"
            "   \"trace\":[{\"stage\":\"...\",\"verdict\":\"...\",\"reason\":\"...\",\"where\":\"/pointer\"}]}\n"
            "--repeat N sends the same request N times at the same instant (a burst) and prints one\n"
            "status per line (text) or a JSON array of decisions.\n"
            "Secrets the policy references are read from the environment, dotenv files or key\n"
            "files; when one is missing, the routes that need it fail closed and the trace says why."));
    parser.addOption({QStringLiteral("format"), QStringLiteral("text (default) or json."), QStringLiteral("FORMAT"),
                      QStringLiteral("text")});
    parser.addOption({QStringLiteral("client-ip"), QStringLiteral("The client's address (default 127.0.0.1)."),
                      QStringLiteral("ADDR"), QStringLiteral("127.0.0.1")});
    parser.addOption({QStringLiteral("at"), QStringLiteral("Evaluate at this RFC 3339 time instead of now."),
                      QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("repeat"), QStringLiteral("Send the request N times (1 to 100000)."),
                      QStringLiteral("N"), QStringLiteral("1")});
    parser.addPositional(QStringLiteral("POLICY"), QStringLiteral("The policy file."));
    parser.addPositional(QStringLiteral("REQUEST_FILE"), QStringLiteral("The raw request; - or absent: stdin."),
                         QStringLiteral("[REQUEST_FILE|-]"));
    parser.setPositionalCount(1, 2);
    if (auto done = parser.parse(args, io)) {
        return *done;
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QStringLiteral("text") && format != QStringLiteral("json")) {
        return parser.usageError(QStringLiteral("--format must be text or json"), io);
    }
    bool repeatOk = false;
    const int repeat = parser.value(QStringLiteral("repeat")).toInt(&repeatOk);
    if (!repeatOk || repeat < 1 || repeat > kMaxRepeat) {
        return parser.usageError(QStringLiteral("--repeat takes a number from 1 to 100000"), io);
    }
    const std::string clientIp = parser.value(QStringLiteral("client-ip")).toStdString();
    if (!IpAddress::parse(clientIp)) {
        return parser.usageError(QStringLiteral("--client-ip takes an IPv4 or IPv6 address"), io);
    }
    SystemTime now = SystemClock::instance().now();
    if (parser.isSet(QStringLiteral("at"))) {
        const auto at = Timestamp::parseRfc3339(parser.value(QStringLiteral("at")).toStdString());
        if (!at) {
            return parser.usageError(QStringLiteral("--at takes an RFC 3339 time such as 2026-11-28T12:00:00Z"), io);
        }
        now = *at;
    }

    auto loaded = CliPolicyLoader::load(parser.positional().at(0), io);
    if (!loaded) {
        return ExitInvalid;
    }
    CompileOptions options;
    options.baseDir = CliPolicyLoader::folderOf(loaded->file);
    options.requireSecrets = false;
    auto compiled = CompiledPolicy::compile(loaded->policy, options);
    if (!compiled.ok()) {
        Errors errors = compiled.errors();
        PolicyFile::locate(errors, loaded->sourceMap, loaded->file);
        return io.reportErrors(errors);
    }

    auto text = readRequest(parser.positional().value(1), io);
    if (!text.ok()) {
        return io.reportErrors(text.errors());
    }
    RawHttpRequest::Options requestOptions;
    requestOptions.requireHost = false; // hand-written request files often leave Host out
    requestOptions.peerAddress = clientIp;
    auto request = RawHttpRequest::parse(text.value(), requestOptions);
    if (!request.ok()) {
        Errors errors = request.errors();
        for (Error& e : errors) {
            e.file = parser.positional().value(1, QStringLiteral("<stdin>")).toStdString();
        }
        return io.reportErrors(errors);
    }

    RateLimitStore store;
    const CompiledPolicy& engine = *compiled.value();
    if (repeat == 1) {
        const Decision decision = engine.evaluate(request.value(), now, store);
        io.out << (format == QStringLiteral("json") ? DecisionFormatter::json(decision) + "\n"
                                                    : DecisionFormatter::text(decision));
        return ExitOk;
    }
    if (format == QStringLiteral("json")) {
        io.out << '[';
    }
    for (int i = 0; i < repeat; ++i) {
        const Decision decision = engine.evaluate(request.value(), now, store);
        if (format == QStringLiteral("json")) {
            io.out << (i > 0 ? "," : "") << DecisionFormatter::json(decision);
        } else {
            io.out << decision.status << '\n';
        }
    }
    if (format == QStringLiteral("json")) {
        io.out << "]\n";
    }
    return ExitOk;
}

} // namespace pc::cli
