// SPDX-License-Identifier: Apache-2.0
// RequestLogWriter: the JSON Lines request log (`serve --log FILE`, or `-` for
// stdout). One RequestEvent per line, written whole and flushed, so `tail -f`
// and pipes see each request as it is answered. A log file is appended to and
// created with mode 0600. Thread-safe: worker threads write concurrently.
#pragma once

#include "server/RequestEvent.h"

#include "common/Result.h"

#include <memory>
#include <mutex>
#include <ostream>
#include <string>

namespace pc {

class RequestLogWriter {
public:
    explicit RequestLogWriter(std::ostream& out); // not owned; must outlive the writer
    ~RequestLogWriter();
    RequestLogWriter(const RequestLogWriter&) = delete;
    RequestLogWriter& operator=(const RequestLogWriter&) = delete;

    [[nodiscard]] static Result<std::unique_ptr<RequestLogWriter>> openFile(const std::string& path);

    void write(const RequestEvent& event);
    // The line write() would produce, without the newline. Invalid UTF-8 from the wire is replaced.
    [[nodiscard]] static std::string line(const RequestEvent& event);

private:
    RequestLogWriter() = default;

    std::mutex m_mutex;
    std::ostream* m_stream = nullptr;
    int m_fd = -1;
};

} // namespace pc
