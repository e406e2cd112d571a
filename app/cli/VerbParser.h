// SPDX-License-Identifier: Apache-2.0
// VerbParser: QCommandLineParser with the CLI's conventions: `--help` prints the
// verb's usage to stdout and exits 0; an unknown option or a wrong number of
// arguments prints one line and the usage to stderr and exits 2.
#pragma once

#include "CliContext.h"

#include <QCommandLineParser>

#include <optional>

namespace pc::cli {

class VerbParser {
public:
    VerbParser(QString verb, QString synopsis, QString description);

    void addOption(const QCommandLineOption& option) { m_parser.addOption(option); }
    void addPositional(const QString& name, const QString& description, const QString& syntax = {});
    // Accept between min and max positional arguments (max < 0: unlimited).
    void setPositionalCount(int min, int max) { m_minPositional = min, m_maxPositional = max; }

    // nullopt: carry on. A value: return it from the verb (help shown, or usage error).
    [[nodiscard]] std::optional<int> parse(const QStringList& args, CliContext& io);
    [[nodiscard]] int usageError(const QString& message, CliContext& io) const;

    [[nodiscard]] QCommandLineParser& parser() { return m_parser; }
    [[nodiscard]] QStringList positional() const { return m_parser.positionalArguments(); }
    [[nodiscard]] bool isSet(const QString& option) const { return m_parser.isSet(option); }
    [[nodiscard]] QString value(const QString& option) const { return m_parser.value(option); }
    [[nodiscard]] QStringList values(const QString& option) const { return m_parser.values(option); }
    [[nodiscard]] QString usage() const;

private:
    QCommandLineParser m_parser;
    QString m_verb;
    QString m_synopsis;
    QString m_description;
    int m_minPositional = 0;
    int m_maxPositional = -1;
};

} // namespace pc::cli
