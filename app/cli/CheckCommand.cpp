// SPDX-License-Identifier: Apache-2.0
#include "CheckCommand.h"

#include "VerbParser.h"

#include <nlohmann/json.hpp>

namespace pc::cli {

QString CheckCommand::summary() const
{
    return QStringLiteral("Check policy files and report every error with its location");
}

CheckCommand::FileReport CheckCommand::checkFile(const std::string& path) const
{
    FileReport report{path, {}};
    auto loaded = PolicyFile::loadDocument(path);
    if (!loaded.ok()) {
        report.errors = loaded.errors();
        return report;
    }
    for (const Stage& stage : m_stages) {
        Errors errors = stage(loaded.value());
        report.errors.insert(report.errors.end(), errors.begin(), errors.end());
    }
    PolicyFile::locate(report.errors, loaded->sourceMap, path);
    return report;
}

int CheckCommand::run(const QStringList& args, CliContext& io)
{
    VerbParser parser(name(), QStringLiteral("[--format text|json] FILE..."),
                      QStringLiteral("Checks policy files: JSON syntax, the format, references between settings and "
                                     "values that cannot work.\nText output: one line per error on stderr,\n"
                                     "  FILE:LINE:COLUMN: POINTER: MESSAGE (HINT)\n"
                                     "JSON output (stdout): {\"files\": [{\"file\", \"valid\", \"errors\": [{\"code\", "
                                     "\"message\", \"pointer\", \"hint\", \"line\", \"column\"}]}]}\n"
                                     "Exit status: 0 when every file is valid, 1 when one is not, 2 on a wrong "
                                     "command line."));
    parser.addOption(QCommandLineOption(QStringLiteral("format"),
                                        QStringLiteral("Output format: text (default) or json."),
                                        QStringLiteral("format"), QStringLiteral("text")));
    parser.addPositional(QStringLiteral("FILE"), QStringLiteral("Policy files to check."), QStringLiteral("FILE..."));
    parser.setPositionalCount(1, -1);
    if (auto done = parser.parse(args, io)) {
        return *done;
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QStringLiteral("text") && format != QStringLiteral("json")) {
        return parser.usageError(QStringLiteral("--format must be text or json, not '") + format + QStringLiteral("'"),
                                 io);
    }

    std::vector<FileReport> reports;
    for (const QString& file : parser.positional()) {
        reports.push_back(checkFile(file.toStdString()));
    }
    const bool allValid = std::all_of(reports.begin(), reports.end(), [](const FileReport& r) { return r.valid(); });

    if (format == QStringLiteral("json")) {
        nlohmann::ordered_json files = nlohmann::ordered_json::array();
        for (const FileReport& r : reports) {
            nlohmann::ordered_json errors = nlohmann::ordered_json::array();
            for (const Error& e : r.errors) {
                errors.push_back({{"code", e.code},
                                  {"message", e.message},
                                  {"pointer", e.pointer},
                                  {"hint", e.hint},
                                  {"line", e.line},
                                  {"column", e.column}});
            }
            files.push_back({{"file", r.file}, {"valid", r.valid()}, {"errors", std::move(errors)}});
        }
        nlohmann::ordered_json doc = {{"files", std::move(files)}};
        io.out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
        return allValid ? ExitOk : ExitInvalid;
    }

    std::size_t errorCount = 0;
    std::size_t invalidFiles = 0;
    for (const FileReport& r : reports) {
        if (r.valid()) {
            io.out << r.file << ": valid\n";
            continue;
        }
        ++invalidFiles;
        errorCount += r.errors.size();
        for (const Error& e : r.errors) {
            io.err << e.toString() << '\n';
        }
    }
    if (!allValid) {
        io.err << invalidFiles << " of " << reports.size() << (reports.size() == 1 ? " file" : " files") << " invalid, "
               << errorCount << (errorCount == 1 ? " error" : " errors") << ".\n";
    }
    return allValid ? ExitOk : ExitInvalid;
}

} // namespace pc::cli
