// SPDX-License-Identifier: Apache-2.0
// SubVerbDispatcher: the `portcullis-cli VERB SUB-VERB ...` pattern shared by
// `token` and `hash`: pick the sub-verb, or print the verb's usage (stdout for
// --help, stderr with exit 2 for a missing or unknown sub-verb).
#pragma once

#include "CliContext.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace pc::cli {

class SubVerbDispatcher {
public:
    using Handler = std::function<int(const QStringList& args, CliContext& io)>;

    SubVerbDispatcher(std::string verb, std::string usage) : m_verb(std::move(verb)), m_usage(std::move(usage)) {}
    SubVerbDispatcher& on(const QString& subVerb, Handler handler)
    {
        m_handlers.emplace_back(subVerb, std::move(handler));
        return *this;
    }

    int run(const QStringList& args, CliContext& io) const
    {
        const QString sub = args.value(0);
        if (sub == QStringLiteral("--help") || sub == QStringLiteral("-h")) {
            io.out << m_usage;
            return ExitOk;
        }
        for (const auto& [name, handler] : m_handlers) {
            if (name == sub) {
                return handler(args.mid(1), io);
            }
        }
        io.err << "portcullis-cli " << m_verb << ": "
               << (sub.isEmpty() ? std::string("missing sub-verb") : "unknown sub-verb '" + sub.toStdString() + "'")
               << "\n\n"
               << m_usage;
        return ExitUsage;
    }

private:
    std::string m_verb;
    std::string m_usage;
    std::vector<std::pair<QString, Handler>> m_handlers;
};

} // namespace pc::cli
