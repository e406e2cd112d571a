// SPDX-License-Identifier: Apache-2.0
// ServeCommand: `portcullis-cli serve POLICY` — the local test server with the
// policy enforced on real HTTP(S), hot reload when the file changes, a JSON
// Lines request log, reverse-proxy mode, and a clean stop on SIGINT/SIGTERM.
// Prints `listening on http://127.0.0.1:PORT` on stdout once ready.
#pragma once

#include "Command.h"

namespace pc::cli {

class ServeCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("serve"); }
    [[nodiscard]] QString summary() const override;
    int run(const QStringList& args, CliContext& io) override;
};

} // namespace pc::cli
