// SPDX-License-Identifier: Apache-2.0
#include "server/RequestLogWriter.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace pc {

RequestLogWriter::RequestLogWriter(std::ostream& out) : m_stream(&out)
{
}

RequestLogWriter::~RequestLogWriter()
{
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

Result<std::unique_ptr<RequestLogWriter>> RequestLogWriter::openFile(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) {
        return makeError("log-open-failed", "Cannot open the request log '" + path + "': " + std::strerror(errno) + '.',
                         {}, "check that the folder exists and is writable, or use --log - for stdout");
    }
    std::unique_ptr<RequestLogWriter> writer(new RequestLogWriter);
    writer->m_fd = fd;
    return writer;
}

std::string RequestLogWriter::line(const RequestEvent& event)
{
    return toJson(event).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void RequestLogWriter::write(const RequestEvent& event)
{
    const std::string text = line(event) + '\n';
    std::lock_guard lock(m_mutex);
    if (m_stream != nullptr) {
        *m_stream << text << std::flush;
        return;
    }
    // One write(2) per line on an O_APPEND descriptor: lines never interleave.
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(m_fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return; // a full disk must not take the server down; the line is lost
        }
        written += static_cast<std::size_t>(n);
    }
}

} // namespace pc
