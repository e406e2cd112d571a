// SPDX-License-Identifier: Apache-2.0
#include "common/FileIo.h"

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace pc {

int FileIo::createExclusive(const std::string& path, unsigned mode)
{
    return ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(mode));
}

long FileIo::write(int fd, const char* data, std::size_t size)
{
    return static_cast<long>(::write(fd, data, size));
}

int FileIo::sync(int fd)
{
    return ::fsync(fd);
}

int FileIo::close(int fd)
{
    return ::close(fd);
}

int FileIo::rename(const std::string& from, const std::string& to)
{
    return std::rename(from.c_str(), to.c_str());
}

int FileIo::remove(const std::string& path)
{
    return ::unlink(path.c_str());
}

int FileIo::syncDirectory(const std::string& directory)
{
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    const int rc = ::fsync(fd);
    ::close(fd);
    return rc;
}

FileIo& FileIo::system()
{
    // Stateless: every member forwards to the OS.
    static FileIo io;
    return io;
}

} // namespace pc
