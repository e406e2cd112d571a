// SPDX-License-Identifier: Apache-2.0
// SecretInput: reads a password or token from a file or standard input —
// never from the command line, where it would land in shell history and in
// every process listing. On a terminal the echo is turned off while typing.
#pragma once

#include "CliContext.h"

#include "auth/SecretBytes.h"
#include "common/Result.h"

#include <QString>

namespace pc::cli {

class SecretInput {
public:
    // `file` empty or "-": standard input. Reads one line (without its line end)
    // from stdin; a whole file otherwise (one trailing newline removed).
    [[nodiscard]] static Result<SecretBytes> read(const QString& file, const char* prompt, CliContext& io);
};

} // namespace pc::cli
