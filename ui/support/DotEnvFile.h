// SPDX-License-Identifier: Apache-2.0
// DotEnvFile: reads and updates a dotenv file (KEY=value lines, as read by
// python-dotenv and pydantic-settings) while keeping every other line as it
// was. save() is atomic and leaves the file readable by its owner only
// (mode 0600), because it holds secrets. Values never reach logs or messages.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace pc {

class DotEnvFile final {
public:
    // Reads `path` when it exists; a missing file is an empty one.
    explicit DotEnvFile(QString path);

    [[nodiscard]] const QString& path() const { return m_path; }
    [[nodiscard]] bool contains(const QString& name) const;
    [[nodiscard]] std::optional<QString> value(const QString& name) const;
    // Replaces the first assignment of `name`, or appends one.
    void setValue(const QString& name, const QString& value);

    // Writes the file atomically with mode 0600; on failure returns the reason
    // (without the contents) and leaves the old file untouched.
    [[nodiscard]] std::optional<QString> save() const;

    [[nodiscard]] static bool isValidName(const QString& name);

private:
    [[nodiscard]] int lineOf(const QString& name) const;

    QString m_path;
    QStringList m_lines;
    bool m_endsWithNewline = true;
};

} // namespace pc
