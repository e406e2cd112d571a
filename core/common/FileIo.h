// SPDX-License-Identifier: Apache-2.0
// FileIo: the few POSIX calls that AtomicFile makes, behind virtual functions
// so that tests can make any step fail (a full disk midway through a write, a
// failing fsync or rename, a read-only folder). Calls return -1 and set errno
// on failure, like the OS. system() is stateless and thread-safe.
#pragma once

#include <cstddef>
#include <string>

namespace pc {

class FileIo {
public:
    FileIo() = default;
    FileIo(const FileIo&) = delete;
    FileIo& operator=(const FileIo&) = delete;
    virtual ~FileIo() = default;

    // open(2) with O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC.
    virtual int createExclusive(const std::string& path, unsigned mode);
    virtual long write(int fd, const char* data, std::size_t size);
    virtual int sync(int fd);
    virtual int close(int fd);
    virtual int rename(const std::string& from, const std::string& to);
    virtual int remove(const std::string& path);
    virtual int syncDirectory(const std::string& directory);

    static FileIo& system();
};

} // namespace pc
