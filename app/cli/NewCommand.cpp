// SPDX-License-Identifier: Apache-2.0
#include "NewCommand.h"

#include "VerbParser.h"

#include "PolicyResources.h"
#include "common/AtomicFile.h"
#include "policy/PolicyFile.h"

#include <filesystem>

namespace pc::cli {

QString NewCommand::summary() const
{
    return QStringLiteral("Start a policy file from a preset");
}

int NewCommand::run(const QStringList& args, CliContext& io)
{
    const QStringList presets = PolicyResources::presetNames();
    const QString names = presets.join(QStringLiteral(", "));
    VerbParser parser(name(), QStringLiteral("--preset NAME [-o FILE] [--force]"),
                      QStringLiteral("Writes a new policy from a preset to FILE, or to stdout without -o.\n"
                                     "Presets: ") +
                          names);
    parser.addOption(QCommandLineOption(QStringLiteral("preset"), QStringLiteral("The preset to start from."),
                                        QStringLiteral("NAME")));
    parser.addOption(QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                                        QStringLiteral("Write to FILE instead of stdout."), QStringLiteral("FILE")));
    parser.addOption(QCommandLineOption(QStringLiteral("force"), QStringLiteral("Overwrite FILE if it exists.")));
    parser.addOption(QCommandLineOption(QStringLiteral("list"), QStringLiteral("List the presets and exit.")));
    parser.setPositionalCount(0, 0);
    if (auto done = parser.parse(args, io)) {
        return *done;
    }
    if (parser.isSet(QStringLiteral("list"))) {
        for (const QString& preset : presets) {
            io.out << preset.toStdString() << '\n';
        }
        return ExitOk;
    }
    if (!parser.isSet(QStringLiteral("preset"))) {
        return parser.usageError(QStringLiteral("--preset NAME is required; presets: ") + names, io);
    }
    const QString preset = parser.value(QStringLiteral("preset"));
    const auto text = PolicyResources::presetText(preset);
    if (!text) {
        return parser.usageError(
            QStringLiteral("there is no preset '") + preset + QStringLiteral("'; presets: ") + names, io);
    }
    // Going through the loader guarantees that what we write is valid and canonical.
    auto policy = PolicyFile::loadText(*text, "preset " + preset.toStdString());
    if (!policy.ok()) {
        for (const Error& e : policy.errors()) {
            io.err << e.toString() << '\n';
        }
        return ExitInvalid;
    }
    const std::string canonical = PolicyFile::toText(policy.value());
    if (!parser.isSet(QStringLiteral("output"))) {
        io.out << canonical;
        return ExitOk;
    }
    const std::string file = parser.value(QStringLiteral("output")).toStdString();
    std::error_code ec;
    if (std::filesystem::exists(file, ec) && !parser.isSet(QStringLiteral("force"))) {
        io.err << "portcullis-cli new: " << file
               << " already exists; choose another name or add --force to overwrite it\n";
        return ExitInvalid;
    }
    const Status saved = AtomicFile::write(file, canonical);
    if (!saved.ok()) {
        io.err << saved.error().toString() << '\n';
        return ExitInvalid;
    }
    io.out << "Wrote " << file << " from the preset '" << preset.toStdString() << "'.\n";
    return ExitOk;
}

} // namespace pc::cli
