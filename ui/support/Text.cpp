// SPDX-License-Identifier: Apache-2.0
#include "support/Text.h"

#include <QRegularExpression>

namespace pc {

std::string uniqueName(const std::string& base, const std::function<bool(const std::string&)>& taken)
{
    if (!taken(base)) {
        return base;
    }
    for (int n = 2;; ++n) {
        std::string candidate = base + "-" + std::to_string(n);
        if (!taken(candidate)) {
            return candidate;
        }
    }
}

QString joinTokens(const std::vector<std::string>& items, const QString& separator)
{
    QStringList parts;
    for (const std::string& item : items) {
        parts << toQ(item);
    }
    return parts.join(separator);
}

std::vector<std::string> splitTokens(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    std::vector<std::string> out;
    for (const QString& part : text.split(separators, Qt::SkipEmptyParts)) {
        out.push_back(toStd(part));
    }
    return out;
}

} // namespace pc
