// SPDX-License-Identifier: Apache-2.0
// Conversions between the core's UTF-8 std::string and QString, the enum
// name tables as QStrings for combo boxes, and the joined-list notation the
// tables use for short string lists ("GET POST").
#pragma once

#include "common/EnumNames.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pc {

inline QString toQ(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

inline std::string toStd(const QString& s)
{
    return s.toStdString();
}

template <class E> QString enumText(E value)
{
    return toQ(enumName(value));
}

template <class E> QStringList enumTexts()
{
    QStringList out;
    for (const auto& entry : EnumTraits<E>::names()) {
        out << toQ(entry.name);
    }
    return out;
}

template <class E> std::optional<E> enumFromText(const QString& text)
{
    return enumFromName<E>(toStd(text));
}

// `base` if `taken(base)` is false, else base-2, base-3 ... (for new rows' names).
std::string uniqueName(const std::string& base, const std::function<bool(const std::string&)>& taken);

// "a b c" for a list of tokens; splitTokens() accepts spaces and commas.
QString joinTokens(const std::vector<std::string>& items, const QString& separator = QStringLiteral(" "));
std::vector<std::string> splitTokens(const QString& text);

} // namespace pc
