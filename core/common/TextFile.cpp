// SPDX-License-Identifier: Apache-2.0
#include "common/TextFile.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

namespace pc {

Result<std::string> TextFile::read(const std::string& path, std::size_t maxBytes)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        const int errnum = errno;
        if (errnum == ENOENT) {
            return makeError("file-not-found", "The file \"" + path + "\" does not exist.", "",
                             "check the path and the current folder");
        }
        return makeError("read-failed", "Cannot open \"" + path + "\": " + std::strerror(errnum) + ".", "",
                         "check the path and its permissions");
    }
    if (!S_ISREG(info.st_mode)) {
        return makeError("read-failed", "\"" + path + "\" is not a regular file.", "", "name a file, not a folder");
    }
    if (static_cast<std::size_t>(info.st_size) > maxBytes) {
        return makeError("file-too-large",
                         "The file \"" + path + "\" is " + std::to_string(info.st_size) + " bytes; the limit is " +
                             std::to_string(maxBytes) + " bytes.",
                         "", "policy files are small; check that this is the right file");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int errnum = errno;
        return makeError("read-failed", "Cannot open \"" + path + "\": " + std::strerror(errnum) + ".", "",
                         "check the file's permissions");
    }
    std::string text;
    text.resize(static_cast<std::size_t>(info.st_size));
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    // The file may have grown since stat(); never read past the bound.
    if (in && in.peek() != std::char_traits<char>::eof()) {
        return makeError("file-too-large", "The file \"" + path + "\" grew while it was being read.", "",
                         "try again once nothing is writing to it");
    }
    return text;
}

} // namespace pc
