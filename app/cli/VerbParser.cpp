// SPDX-License-Identifier: Apache-2.0
#include "VerbParser.h"

namespace pc::cli {

VerbParser::VerbParser(QString verb, QString synopsis, QString description)
    : m_verb(std::move(verb)), m_synopsis(std::move(synopsis)), m_description(std::move(description))
{
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    m_parser.addOption(
        QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help and exit.")));
}

void VerbParser::addPositional(const QString& name, const QString& description, const QString& syntax)
{
    m_parser.addPositionalArgument(name, description, syntax);
}

QString VerbParser::usage() const
{
    QString text = QStringLiteral("Usage: portcullis-cli ") + m_verb + QLatin1Char(' ') + m_synopsis +
                   QStringLiteral("\n\n") + m_description + QStringLiteral("\n");
    // QCommandLineParser::helpText() starts with its own "Usage:" line; keep only the option list.
    const QString generated = m_parser.helpText();
    const qsizetype options = generated.indexOf(QStringLiteral("Options:"));
    if (options >= 0) {
        text += QLatin1Char('\n') + generated.mid(options);
    }
    return text;
}

std::optional<int> VerbParser::parse(const QStringList& args, CliContext& io)
{
    QStringList withProgram = args;
    withProgram.prepend(QStringLiteral("portcullis-cli ") + m_verb);
    if (!m_parser.parse(withProgram)) {
        return usageError(m_parser.errorText(), io);
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        io.out << usage().toStdString();
        return ExitOk;
    }
    const auto count = m_parser.positionalArguments().size();
    if (count < m_minPositional) {
        return usageError(QStringLiteral("missing arguments"), io);
    }
    if (m_maxPositional >= 0 && count > m_maxPositional) {
        return usageError(QStringLiteral("too many arguments"), io);
    }
    return std::nullopt;
}

int VerbParser::usageError(const QString& message, CliContext& io) const
{
    io.err << "portcullis-cli " << m_verb.toStdString() << ": " << message.toStdString() << "\n\n"
           << usage().toStdString();
    return ExitUsage;
}

} // namespace pc::cli
