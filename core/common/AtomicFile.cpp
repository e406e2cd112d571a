// SPDX-License-Identifier: Apache-2.0
#include "common/AtomicFile.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>
#include <sys/stat.h>

namespace pc {
namespace {

namespace fs = std::filesystem;

Error saveError(const std::string& path, const std::string& what, int errnum)
{
    return makeError("save-failed",
                     "Could not save \"" + path + "\": " + what + " (" + std::strerror(errnum) +
                         "). The previous file is unchanged.",
                     "", "check that the folder exists, is writable and has free space, then save again");
}

std::string temporaryName(const fs::path& target, unsigned attempt)
{
    std::random_device random;
    const unsigned suffix = random() ^ (attempt * 2654435761U);
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", suffix);
    return (target.parent_path() / ("." + target.filename().string() + ".tmp-" + hex)).string();
}

} // namespace

Status AtomicFile::write(const std::string& path, std::string_view data, FileIo& io)
{
    return write(path, data, io, nullptr);
}

Status AtomicFile::writePrivate(const std::string& path, std::string_view data, FileIo& io)
{
    const unsigned ownerOnly = 0600;
    return write(path, data, io, &ownerOnly);
}

Status AtomicFile::write(const std::string& path, std::string_view data, FileIo& io, const unsigned* forcedMode)
{
    std::error_code ec;
    fs::path target(path);
    if (fs::is_symlink(target, ec)) {
        // Saving through a link updates the file it points to, as editors do.
        const fs::path resolved = fs::canonical(target, ec);
        if (!ec) {
            target = resolved;
        }
    }
    if (target.parent_path().empty()) {
        target = fs::path(".") / target;
    }

    // Keep the permissions of the file being replaced; a new file gets 0666 minus the umask.
    unsigned mode = 0666;
    struct stat existing {};
    const bool replacing = ::stat(target.c_str(), &existing) == 0;
    if (forcedMode) {
        mode = *forcedMode;
    } else if (replacing) {
        mode = existing.st_mode & 07777;
    }

    std::string temp;
    int fd = -1;
    for (unsigned attempt = 0; attempt < 16 && fd < 0; ++attempt) {
        temp = temporaryName(target, attempt);
        fd = io.createExclusive(temp, mode);
        if (fd < 0 && errno != EEXIST) {
            break;
        }
    }
    if (fd < 0) {
        return saveError(path, "cannot create a temporary file next to it", errno);
    }
    if (replacing || forcedMode) {
        ::fchmod(fd, static_cast<mode_t>(mode)); // the umask may have cleared bits we want
    }

    const auto abandon = [&](const std::string& what) -> Status {
        const int errnum = errno;
        if (fd >= 0) {
            io.close(fd);
        }
        io.remove(temp);
        return saveError(path, what, errnum);
    };

    std::size_t written = 0;
    while (written < data.size()) {
        const long n = io.write(fd, data.data() + written, data.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            if (n == 0) {
                errno = EIO;
            }
            return abandon("writing failed");
        }
        written += static_cast<std::size_t>(n);
    }
    if (io.sync(fd) != 0) {
        return abandon("flushing to disk failed");
    }
    const int closing = io.close(fd);
    fd = -1;
    if (closing != 0) {
        return abandon("closing the temporary file failed");
    }
    if (io.rename(temp, target.string()) != 0) {
        return abandon("replacing the file failed");
    }
    // The rename is only durable once the folder itself is flushed; some file
    // systems cannot flush a folder (EINVAL), which is not an error.
    if (io.syncDirectory(target.parent_path().string()) != 0 && errno != EINVAL && errno != ENOTSUP) {
        const int errnum = errno;
        return makeError("save-failed",
                         "Saved \"" + path + "\", but flushing its folder failed (" + std::strerror(errnum) +
                             "); the new content may not survive a power loss.",
                         "", "save again once the disk is healthy");
    }
    return Ok{};
}

} // namespace pc
