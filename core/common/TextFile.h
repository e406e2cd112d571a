// SPDX-License-Identifier: Apache-2.0
// TextFile: reads a whole file with a hard size bound, so a parser never sees
// more than it can handle. Errors are values (codes file-not-found,
// read-failed, file-too-large). Thread-safe.
#pragma once

#include "common/Result.h"

#include <cstddef>
#include <string>

namespace pc {

class TextFile {
public:
    [[nodiscard]] static Result<std::string> read(const std::string& path, std::size_t maxBytes);
};

} // namespace pc
