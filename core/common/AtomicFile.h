// SPDX-License-Identifier: Apache-2.0
// AtomicFile: replaces a file's content all at once or not at all. The data is
// written to a temporary file in the same folder, flushed (fsync), renamed
// over the target and the folder is flushed; any failure before the rename
// removes the temporary file and leaves the previous file untouched. The
// target's permissions are kept; a symbolic link is followed, not replaced.
// Thread-safe for distinct paths.
#pragma once

#include "common/FileIo.h"
#include "common/Result.h"

#include <string>
#include <string_view>

namespace pc {

class AtomicFile {
public:
    // Error code "save-failed"; the message names the file and the OS reason.
    [[nodiscard]] static Status write(const std::string& path, std::string_view data, FileIo& io = FileIo::system());
    // For secrets (.env files, private keys): the result is always mode 0600,
    // whatever the permissions of the file it replaces, and is never readable
    // by others at any point (the temporary file is created 0600).
    [[nodiscard]] static Status writePrivate(const std::string& path, std::string_view data,
                                             FileIo& io = FileIo::system());

private:
    [[nodiscard]] static Status write(const std::string& path, std::string_view data, FileIo& io,
                                      const unsigned* forcedMode);
};

} // namespace pc
