// SPDX-License-Identifier: Apache-2.0
#include "CliApplication.h"

#include "CheckCommand.h"
#include "CliPolicyLoader.h"
#include "FmtCommand.h"
#include "HashCommand.h"
#include "NewCommand.h"
#include "ServeCommand.h"
#include "SimulateCommand.h"
#include "TokenCommand.h"

#include "engine/CompiledPolicy.h"

#include <algorithm>

namespace pc::cli {
namespace {

// `check` also compiles: regexes RE2 refuses, CORS "*" with credentials,
// ambiguous routes ... are errors of the document, located like the others.
// Secrets need not be present to check a policy.
Errors compileErrors(const LoadedPolicy& loaded)
{
    CompileOptions options;
    options.baseDir = CliPolicyLoader::folderOf(loaded.file);
    options.requireSecrets = false;
    auto compiled = CompiledPolicy::compile(loaded.policy, options);
    return compiled.ok() ? Errors{} : compiled.errors();
}

} // namespace

CliApplication::CliApplication()
{
    auto check = std::make_unique<CheckCommand>();
    check->addStage(&compileErrors);
    // One line per verb, in the order `--help` lists them.
    m_commands.push_back(std::move(check));
    m_commands.push_back(std::make_unique<FmtCommand>());
    m_commands.push_back(std::make_unique<NewCommand>());
    m_commands.push_back(std::make_unique<SimulateCommand>());
    m_commands.push_back(std::make_unique<TokenCommand>());
    m_commands.push_back(std::make_unique<HashCommand>());
    m_commands.push_back(std::make_unique<ServeCommand>());
}

CliApplication::~CliApplication() = default;

void CliApplication::printHelp(std::ostream& out) const
{
    out << "Usage: portcullis-cli <verb> [options] [arguments]\n\n"
           "Check, exercise and ship HTTP API security policies.\n\n"
           "Verbs:\n";
    for (const auto& command : m_commands) {
        std::string name = command->name().toStdString();
        name.resize(std::max<size_t>(name.size() + 2, 12), ' ');
        out << "  " << name << command->summary().toStdString() << '\n';
    }
    out << "\nRun 'portcullis-cli <verb> --help' for a verb's options.\n"
           "Exit codes: 0 ok, 1 invalid input or findings, 2 wrong command line.\n";
}

int CliApplication::run(const QStringList& args, CliContext& io)
{
    if (args.isEmpty()) {
        printHelp(io.err);
        return ExitUsage;
    }
    const QString& verb = args.front();
    if (verb == QStringLiteral("--help") || verb == QStringLiteral("-h") || verb == QStringLiteral("help")) {
        printHelp(io.out);
        return ExitOk;
    }
    if (verb == QStringLiteral("--version") || verb == QStringLiteral("-V")) {
        io.out << "portcullis-cli " << PORTCULLIS_VERSION << '\n';
        return ExitOk;
    }
    auto it = std::find_if(m_commands.begin(), m_commands.end(),
                           [&](const auto& command) { return command->name() == verb; });
    if (it == m_commands.end()) {
        io.err << "portcullis-cli: unknown verb '" << verb.toStdString() << "'\n\n";
        printHelp(io.err);
        return ExitUsage;
    }
    return (*it)->run(args.mid(1), io);
}

} // namespace pc::cli
