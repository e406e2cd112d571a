// SPDX-License-Identifier: Apache-2.0
// NewCommand: `portcullis-cli new --preset NAME [-o FILE] [--force]` — starts a
// policy from one of the presets compiled into the program. Never overwrites
// an existing file unless asked to.
#pragma once

#include "Command.h"

namespace pc::cli {

class NewCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("new"); }
    [[nodiscard]] QString summary() const override;
    int run(const QStringList& args, CliContext& io) override;
};

} // namespace pc::cli
