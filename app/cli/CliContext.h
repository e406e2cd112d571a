// SPDX-License-Identifier: Apache-2.0
// CliContext: the streams a verb reads and writes, so verbs run the same in
// main() and in tests. ExitCode: the CLI's contract with scripts and CI.
#pragma once

#include "common/Error.h"

#include <iostream>

namespace pc::cli {

enum ExitCode : int {
    ExitOk = 0,      // valid, allowed, done
    ExitInvalid = 1, // invalid input or findings
    ExitUsage = 2,   // wrong command line
};

struct CliContext {
    std::istream& in = std::cin;
    std::ostream& out = std::cout;
    std::ostream& err = std::cerr;

    // Each error as one located line on stderr (Error::toString()); ExitInvalid.
    int reportErrors(const Errors& errors)
    {
        for (const Error& e : errors) {
            err << e.toString() << '\n';
        }
        return ExitInvalid;
    }
};

} // namespace pc::cli
