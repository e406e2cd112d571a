// SPDX-License-Identifier: Apache-2.0
// CheckCommand: `portcullis-cli check FILE...` — loads each policy file and
// reports every error, one located line each on stderr (or all of them as
// JSON on stdout with --format json). Later stages (the engine's compile, ...)
// plug in with addStage() and their errors join the same list and format.
#pragma once

#include "Command.h"

#include "policy/PolicyFile.h"

#include <functional>
#include <string>
#include <vector>

namespace pc::cli {

class CheckCommand final : public Command {
public:
    // Runs on a policy that loaded; returns its errors (pointers into the
    // document; CheckCommand adds file, line and column).
    using Stage = std::function<Errors(const LoadedPolicy&)>;

    struct FileReport {
        std::string file;
        Errors errors;
        [[nodiscard]] bool valid() const { return errors.empty(); }
    };

    void addStage(Stage stage) { m_stages.push_back(std::move(stage)); }

    [[nodiscard]] QString name() const override { return QStringLiteral("check"); }
    [[nodiscard]] QString summary() const override;
    int run(const QStringList& args, CliContext& io) override;

    [[nodiscard]] FileReport checkFile(const std::string& path) const;

private:
    std::vector<Stage> m_stages;
};

} // namespace pc::cli
