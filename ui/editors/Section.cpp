// SPDX-License-Identifier: Apache-2.0
#include "editors/Section.h"

#include <QCoreApplication>

namespace pc {

QString sectionTitle(Section section)
{
    auto tr = [](const char* text) { return QCoreApplication::translate("Section", text); };
    switch (section) {
    case Section::Overview:
        return tr("Overview");
    case Section::Routes:
        return tr("Routes");
    case Section::Validation:
        return tr("Validation");
    case Section::Cors:
        return tr("CORS");
    case Section::RateLimits:
        return tr("Rate limits");
    case Section::Headers:
        return tr("Headers");
    case Section::Tokens:
        return tr("Tokens & passwords");
    case Section::Secrets:
        return tr("Secrets");
    case Section::Transport:
        return tr("Transport & limits");
    }
    return {};
}

QString sectionKey(Section section)
{
    switch (section) {
    case Section::Overview:
        return QStringLiteral("overview");
    case Section::Routes:
        return QStringLiteral("routes");
    case Section::Validation:
        return QStringLiteral("validation");
    case Section::Cors:
        return QStringLiteral("cors");
    case Section::RateLimits:
        return QStringLiteral("rate-limits");
    case Section::Headers:
        return QStringLiteral("headers");
    case Section::Tokens:
        return QStringLiteral("tokens");
    case Section::Secrets:
        return QStringLiteral("secrets");
    case Section::Transport:
        return QStringLiteral("transport");
    }
    return {};
}

} // namespace pc
