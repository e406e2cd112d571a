// SPDX-License-Identifier: Apache-2.0
// TokenCommand: `portcullis-cli token keygen|issue|verify|decode` — generate
// keys, mint test tokens with a policy's settings, verify tokens exactly as
// the test server does, and decode tokens without verifying them (said so).
#pragma once

#include "Command.h"

namespace pc::cli {

class TokenCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("token"); }
    [[nodiscard]] QString summary() const override;
    int run(const QStringList& args, CliContext& io) override;

private:
    int keygen(const QStringList& args, CliContext& io);
    int issue(const QStringList& args, CliContext& io);
    int verify(const QStringList& args, CliContext& io);
    int decode(const QStringList& args, CliContext& io);
};

} // namespace pc::cli
