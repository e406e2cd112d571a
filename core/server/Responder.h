// SPDX-License-Identifier: Apache-2.0
// Responder: how a RequestHandler answers one request, now or later. send()
// is thread-safe and may be called from any thread; the first answer wins and
// an answer for a connection that has gone away is dropped. The streaming
// calls (beginStream, write, end, abort, writable, onWritable) belong to the
// connection's own thread, where the upstream forwarder runs. Cheap to copy.
#pragma once

#include "server/HttpResponse.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>

namespace pc {

class HttpConnection;
struct ConnectionLink;

class Responder {
public:
    Responder() = default;
    Responder(std::shared_ptr<ConnectionLink> link, std::uint64_t sequence);

    void send(HttpResponse response) const;

    // Streams a body of unknown or known length (reverse proxying). `head.body` is ignored.
    void beginStream(HttpResponse head, std::optional<std::uint64_t> contentLength) const;
    void write(std::string_view chunk) const;
    void end(std::vector<TraceStep> trace = {}) const;
    // Gives up on a started stream: the client sees the connection close early.
    void abort(std::string reason) const;

    [[nodiscard]] bool connected() const;
    // False while the client is slower than the producer; onWritable() fires once when it catches up.
    [[nodiscard]] bool writable() const;
    void onWritable(std::function<void()> callback) const;

private:
    [[nodiscard]] HttpConnection* localConnection() const;

    std::shared_ptr<ConnectionLink> m_link;
    std::uint64_t m_sequence = 0;
};

} // namespace pc
