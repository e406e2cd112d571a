// SPDX-License-Identifier: Apache-2.0
// FmtCommand: `portcullis-cli fmt FILE [--check | --write]` — prints a policy
// file in canonical form, checks that files already are (for CI), or rewrites
// them atomically. A file that does not load is reported like `check` does.
#pragma once

#include "Command.h"

namespace pc::cli {

class FmtCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("fmt"); }
    [[nodiscard]] QString summary() const override;
    int run(const QStringList& args, CliContext& io) override;
};

} // namespace pc::cli
