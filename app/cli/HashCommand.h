// SPDX-License-Identifier: Apache-2.0
// HashCommand: `portcullis-cli hash make|verify|calibrate` — password hashes in
// the formats passlib reads, checked with the policy's rules (accepted schemes,
// needs_update), and parameters measured on this machine. Passwords are read
// from standard input or a file, never from the command line.
#pragma once

#include "Command.h"

#include "policy/AuthPolicy.h"

#include <optional>

namespace pc::cli {

class VerbParser;

class HashCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("hash"); }
    [[nodiscard]] QString summary() const override;
    int run(const QStringList& args, CliContext& io) override;

private:
    int make(const QStringList& args, CliContext& io);
    int verify(const QStringList& args, CliContext& io);
    int calibrate(const QStringList& args, CliContext& io);
    // The password policy from --policy FILE, or the defaults for --scheme; nullopt after printing why.
    std::optional<PasswordPolicy> passwordPolicy(VerbParser& parser, CliContext& io, int& exitCode);
};

} // namespace pc::cli
