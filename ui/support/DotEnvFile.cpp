// SPDX-License-Identifier: Apache-2.0
#include "support/DotEnvFile.h"

#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>

namespace pc {
namespace {

constexpr qint64 kMaxDotEnvBytes = 1 << 20; // a dotenv file is small; refuse to slurp anything else

// "export NAME=value", "NAME = value"; comments and blank lines are not assignments.
QString assignedName(const QString& line)
{
    static const QRegularExpression assignment(QStringLiteral("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*="));
    const QRegularExpressionMatch m = assignment.match(line);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString unquote(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2 && (value.startsWith(u'"') || value.startsWith(u'\'')) && value.endsWith(value.front())) {
        return value.mid(1, value.size() - 2);
    }
    const qsizetype comment = value.indexOf(QStringLiteral(" #"));
    return comment >= 0 ? value.left(comment).trimmed() : value;
}

} // namespace

DotEnvFile::DotEnvFile(QString path) : m_path(std::move(path))
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxDotEnvBytes) {
        return;
    }
    const QString text = QString::fromUtf8(file.readAll());
    m_lines = text.split(u'\n');
    m_endsWithNewline = text.endsWith(u'\n');
    if (m_endsWithNewline) {
        m_lines.removeLast();
    }
}

bool DotEnvFile::isValidName(const QString& name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return valid.match(name).hasMatch();
}

int DotEnvFile::lineOf(const QString& name) const
{
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        if (assignedName(m_lines[i]) == name) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

bool DotEnvFile::contains(const QString& name) const
{
    return lineOf(name) >= 0;
}

std::optional<QString> DotEnvFile::value(const QString& name) const
{
    const int line = lineOf(name);
    if (line < 0) {
        return std::nullopt;
    }
    const QString& text = m_lines[line];
    return unquote(text.mid(text.indexOf(u'=') + 1));
}

void DotEnvFile::setValue(const QString& name, const QString& value)
{
    const QString line = name + u'=' + value;
    const int existing = lineOf(name);
    if (existing >= 0) {
        m_lines[existing] = line;
    } else {
        m_lines << line;
    }
}

std::optional<QString> DotEnvFile::save() const
{
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        return QSaveFile::tr("Cannot write %1: %2").arg(m_path, file.errorString());
    }
    // Tighten the temporary file before a secret is written into it; rename
    // keeps the mode.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return QSaveFile::tr("Cannot make %1 private to its owner.").arg(m_path);
    }
    QString text = m_lines.join(u'\n');
    if (m_endsWithNewline || !text.isEmpty()) {
        text += u'\n';
    }
    file.write(text.toUtf8());
    if (!file.commit()) {
        return QSaveFile::tr("Cannot write %1: %2").arg(m_path, file.errorString());
    }
    return std::nullopt;
}

} // namespace pc
