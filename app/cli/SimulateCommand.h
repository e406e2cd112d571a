// SPDX-License-Identifier: Apache-2.0
// SimulateCommand: `portcullis-cli simulate POLICY [REQUEST_FILE|-]` — runs one
// raw HTTP/1.1 request (or a burst of it) through the policy engine and prints
// the decision: the response the API would give and the trace of every stage.
#pragma once

#include "Command.h"

namespace pc::cli {

class SimulateCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("simulate"); }
    [[nodiscard]] QString summary() const override;
    int run(const QStringList& args, CliContext& io) override;
};

} // namespace pc::cli
