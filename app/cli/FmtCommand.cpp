// SPDX-License-Identifier: Apache-2.0
#include "FmtCommand.h"

#include "VerbParser.h"

#include "common/AtomicFile.h"
#include "common/TextFile.h"
#include "policy/PolicyFile.h"

namespace pc::cli {
namespace {

// 1-based line of the first difference, for a useful --check message.
std::size_t firstDifferentLine(const std::string& a, const std::string& b)
{
    std::size_t line = 1;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        if (a[i] != b[i]) {
            return line;
        }
        line += a[i] == '\n' ? 1 : 0;
    }
    return line;
}

} // namespace

QString FmtCommand::summary() const
{
    return QStringLiteral("Print policy files in canonical form, check or rewrite them");
}

int FmtCommand::run(const QStringList& args, CliContext& io)
{
    VerbParser parser(name(), QStringLiteral("FILE | --check FILE... | --write FILE..."),
                      QStringLiteral("Without an option, prints FILE in canonical form on stdout.\n"
                                     "--check exits 1 and names each file that is not in canonical form.\n"
                                     "--write rewrites such files in place, atomically.\n"
                                     "Files with errors are reported like 'check' does and exit 1."));
    parser.addOption(QCommandLineOption(QStringLiteral("check"),
                                        QStringLiteral("Exit 1 if a file is not in canonical form; change nothing.")));
    parser.addOption(QCommandLineOption(QStringLiteral("write"), QStringLiteral("Rewrite files in canonical form.")));
    parser.addPositional(QStringLiteral("FILE"), QStringLiteral("Policy files."), QStringLiteral("FILE..."));
    parser.setPositionalCount(1, -1);
    if (auto done = parser.parse(args, io)) {
        return *done;
    }
    const bool check = parser.isSet(QStringLiteral("check"));
    const bool write = parser.isSet(QStringLiteral("write"));
    const QStringList files = parser.positional();
    if (check && write) {
        return parser.usageError(QStringLiteral("--check and --write exclude each other"), io);
    }
    if (!check && !write && files.size() != 1) {
        return parser.usageError(QStringLiteral("printing takes exactly one FILE; use --check or --write for several"),
                                 io);
    }

    int status = ExitOk;
    for (const QString& qfile : files) {
        const std::string file = qfile.toStdString();
        auto text = TextFile::read(file, PolicyFile::kMaxBytes);
        auto loaded =
            text.ok() ? PolicyFile::loadDocumentText(text.value(), file) : Result<LoadedPolicy>(text.errors());
        if (!loaded.ok()) {
            for (Error e : loaded.errors()) {
                e.file = file;
                io.err << e.toString() << '\n';
            }
            status = ExitInvalid;
            continue;
        }
        const std::string canonical = PolicyFile::toText(loaded->policy);
        if (!check && !write) {
            io.out << canonical;
            continue;
        }
        if (canonical == text.value()) {
            continue;
        }
        if (check) {
            io.err << file << ": not in canonical form (first difference on line "
                   << firstDifferentLine(canonical, text.value()) << "); run 'portcullis-cli fmt --write " << file
                   << "'\n";
            status = ExitInvalid;
            continue;
        }
        const Status saved = AtomicFile::write(file, canonical);
        if (!saved.ok()) {
            io.err << saved.error().toString() << '\n';
            status = ExitInvalid;
            continue;
        }
        io.out << file << ": formatted\n";
    }
    return status;
}

} // namespace pc::cli
