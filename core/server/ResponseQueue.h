// SPDX-License-Identifier: Apache-2.0
// ResponseQueue: the responses of one connection, in request order. Pipelined
// requests may be answered in any order (and reverse-proxied ones streamed),
// but bytes leave strictly in request order: flush() writes what the front
// responses have ready and stops at the first one still being produced.
// Owned by one HttpConnection; not thread-safe.
#pragma once

#include "server/HttpResponse.h"
#include "server/ResponseWriter.h"

#include "common/Clock.h"

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pc {

struct PendingResponse {
    enum class Phase { Waiting, Streaming, Done };

    std::uint64_t sequence = 0;
    Phase phase = Phase::Waiting;

    // What the request asked for.
    bool headRequest = false;
    bool http10 = false;
    bool keepAlive = true;

    // For the request event.
    SystemTime receivedAt;
    std::chrono::steady_clock::time_point startedAt;
    std::string method;
    std::string target;
    int versionMinor = 1;
    std::vector<HeaderField> requestHeaders;
    std::uint64_t requestBodyBytes = 0;
    int status = 0;
    std::vector<TraceStep> trace;
    std::uint64_t responseBodyBytes = 0;

    // Wire state.
    bool closeAfter = false;
    bool chunked = false;
    bool bodyOnWire = true;
    std::optional<std::uint64_t> remaining; // streamed with Content-Length: bytes still owed
    std::string out;                        // bytes not yet handed to the writer
    std::function<void()> onWritable;
};

class ResponseQueue {
public:
    using Writer = std::function<void(std::string_view)>;
    using Finished = std::function<void(PendingResponse&)>;

    ResponseQueue(Writer writer, Finished finished);

    std::uint64_t push(PendingResponse response); // returns its sequence number
    [[nodiscard]] PendingResponse* find(std::uint64_t sequence);
    [[nodiscard]] bool isFront(std::uint64_t sequence) const;
    [[nodiscard]] PendingResponse& front() { return m_queue.front(); }
    [[nodiscard]] bool empty() const { return m_queue.empty(); }
    [[nodiscard]] std::size_t size() const { return m_queue.size(); }

    // Each returns false when the response is unknown or not in the right phase.
    bool complete(std::uint64_t sequence, HttpResponse response, std::string_view date, bool forceClose);
    bool begin(std::uint64_t sequence, HttpResponse head, std::optional<std::uint64_t> contentLength,
               std::string_view date, bool forceClose);
    bool write(std::uint64_t sequence, std::string_view chunk);
    bool end(std::uint64_t sequence, std::vector<TraceStep> trace);
    bool abort(std::uint64_t sequence, std::string reason);

    // Writes the ready bytes in order and reports finished responses. Returns
    // true when a finished response requires the connection to close; the
    // responses behind it are then never written.
    bool flush();
    // The connection is gone: hands every unfinished response to `finished` once.
    void drop();

private:
    bool flushFront();

    std::deque<PendingResponse> m_queue;
    bool m_flushing = false;
    std::uint64_t m_next = 1;
    Writer m_writer;
    Finished m_finished;
};

} // namespace pc
