// SPDX-License-Identifier: Apache-2.0
// Command: one `portcullis-cli` verb. Each verb is its own class; CliApplication
// dispatches to it with the arguments that follow the verb name.
#pragma once

#include "CliContext.h"

#include <QString>
#include <QStringList>

namespace pc::cli {

class Command {
public:
    virtual ~Command() = default;
    [[nodiscard]] virtual QString name() const = 0;
    [[nodiscard]] virtual QString summary() const = 0; // one line for the verb list
    // `args` are the arguments after the verb name. Returns an ExitCode.
    virtual int run(const QStringList& args, CliContext& io) = 0;
};

} // namespace pc::cli
