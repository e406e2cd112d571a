// SPDX-License-Identifier: Apache-2.0
// CliApplication: the verb table of `portcullis-cli` and its dispatch,
// including the global --help and --version.
#pragma once

#include "Command.h"

#include <memory>
#include <vector>

namespace pc::cli {

class CliApplication {
public:
    CliApplication();
    ~CliApplication();
    // `args` excludes the program name.
    int run(const QStringList& args, CliContext& io);

private:
    void printHelp(std::ostream& out) const;
    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace pc::cli
