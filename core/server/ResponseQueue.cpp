// SPDX-License-Identifier: Apache-2.0
#include "server/ResponseQueue.h"

namespace pc {

ResponseQueue::ResponseQueue(Writer writer, Finished finished)
    : m_writer(std::move(writer)), m_finished(std::move(finished))
{
}

std::uint64_t ResponseQueue::push(PendingResponse response)
{
    response.sequence = m_next++;
    m_queue.push_back(std::move(response));
    return m_queue.back().sequence;
}

PendingResponse* ResponseQueue::find(std::uint64_t sequence)
{
    // Sequences are increasing, and the one wanted is nearly always at the front.
    for (PendingResponse& r : m_queue) {
        if (r.sequence == sequence) {
            return &r;
        }
    }
    return nullptr;
}

bool ResponseQueue::isFront(std::uint64_t sequence) const
{
    return !m_queue.empty() && m_queue.front().sequence == sequence;
}

bool ResponseQueue::complete(std::uint64_t sequence, HttpResponse response, std::string_view date, bool forceClose)
{
    PendingResponse* r = find(sequence);
    if (r == nullptr || r->phase != PendingResponse::Phase::Waiting) {
        return false;
    }
    r->closeAfter = forceClose || response.closeConnection || !r->keepAlive;
    const bool bodyAllowed = ResponseWriter::statusAllowsBody(response.status);
    std::uint64_t length = bodyAllowed ? response.body.size() : 0;
    if (r->headRequest && bodyAllowed && response.body.empty()) {
        // A HEAD answer may state the length its GET would have (RFC 9110 §9.3.2).
        length = ResponseWriter::declaredLength(response.headers).value_or(0);
    }
    r->out += ResponseWriter::head(
        {response.status, &response.headers, BodyFraming::ContentLength, length, r->closeAfter, date});
    if (bodyAllowed && !r->headRequest) {
        r->out += response.body;
    }
    r->status = response.status;
    r->trace = std::move(response.trace);
    r->responseBodyBytes = bodyAllowed ? response.body.size() : 0;
    r->phase = PendingResponse::Phase::Done;
    return true;
}

bool ResponseQueue::begin(std::uint64_t sequence, HttpResponse head, std::optional<std::uint64_t> contentLength,
                          std::string_view date, bool forceClose)
{
    PendingResponse* r = find(sequence);
    if (r == nullptr || r->phase != PendingResponse::Phase::Waiting) {
        return false;
    }
    const bool bodyAllowed = ResponseWriter::statusAllowsBody(head.status);
    BodyFraming framing = BodyFraming::ContentLength;
    if (bodyAllowed && !contentLength) {
        framing = r->http10 ? BodyFraming::CloseDelimited : BodyFraming::Chunked;
    }
    r->closeAfter = forceClose || head.closeConnection || !r->keepAlive ||
                    (framing == BodyFraming::CloseDelimited && !r->headRequest);
    r->out +=
        ResponseWriter::head({head.status, &head.headers, framing, contentLength.value_or(0), r->closeAfter, date});
    r->bodyOnWire = bodyAllowed && !r->headRequest;
    r->chunked = r->bodyOnWire && framing == BodyFraming::Chunked;
    r->remaining = r->bodyOnWire ? contentLength : std::nullopt;
    r->status = head.status;
    r->trace = std::move(head.trace);
    r->phase = PendingResponse::Phase::Streaming;
    return true;
}

bool ResponseQueue::write(std::uint64_t sequence, std::string_view chunk)
{
    PendingResponse* r = find(sequence);
    if (r == nullptr || r->phase != PendingResponse::Phase::Streaming) {
        return false;
    }
    if (r->remaining) {
        // Never send more than the Content-Length we announced.
        chunk = chunk.substr(0, static_cast<std::size_t>(std::min<std::uint64_t>(chunk.size(), *r->remaining)));
        *r->remaining -= chunk.size();
    }
    r->responseBodyBytes += chunk.size();
    if (!r->bodyOnWire) {
        return true;
    }
    if (r->chunked) {
        ResponseWriter::appendChunk(r->out, chunk);
    } else {
        r->out += chunk;
    }
    return true;
}

bool ResponseQueue::end(std::uint64_t sequence, std::vector<TraceStep> trace)
{
    PendingResponse* r = find(sequence);
    if (r == nullptr || r->phase != PendingResponse::Phase::Streaming) {
        return false;
    }
    if (r->chunked) {
        r->out += ResponseWriter::lastChunk;
    }
    if (r->remaining && *r->remaining > 0) {
        // The body came up short of its Content-Length: only closing tells the client.
        r->closeAfter = true;
        r->trace.push_back({"handler", "deny", "The upstream body ended before its Content-Length.", ""});
    }
    r->trace.insert(r->trace.end(), std::make_move_iterator(trace.begin()), std::make_move_iterator(trace.end()));
    r->phase = PendingResponse::Phase::Done;
    return true;
}

bool ResponseQueue::abort(std::uint64_t sequence, std::string reason)
{
    PendingResponse* r = find(sequence);
    if (r == nullptr || r->phase != PendingResponse::Phase::Streaming) {
        return false;
    }
    r->closeAfter = true; // a half-sent body can only be ended by closing
    r->trace.push_back({"handler", "deny", std::move(reason), ""});
    r->phase = PendingResponse::Phase::Done;
    return true;
}

bool ResponseQueue::flush()
{
    // A writer that calls back into the connection must not pop the response this loop holds.
    if (m_flushing) {
        return false;
    }
    m_flushing = true;
    const bool close = flushFront();
    m_flushing = false;
    return close;
}

bool ResponseQueue::flushFront()
{
    while (!m_queue.empty()) {
        PendingResponse& front = m_queue.front();
        if (!front.out.empty()) {
            std::string bytes;
            bytes.swap(front.out);
            m_writer(bytes);
        }
        if (front.phase != PendingResponse::Phase::Done) {
            return false;
        }
        const bool close = front.closeAfter;
        m_finished(front);
        m_queue.pop_front();
        if (close) {
            return true;
        }
    }
    return false;
}

void ResponseQueue::drop()
{
    std::deque<PendingResponse> gone;
    gone.swap(m_queue);
    for (PendingResponse& r : gone) {
        if (r.phase != PendingResponse::Phase::Done || !r.out.empty()) {
            r.trace.push_back({"server", "deny", "The connection closed before the response was sent.", ""});
            if (r.phase == PendingResponse::Phase::Waiting) {
                r.status = 0;
            }
        }
        m_finished(r);
    }
}

} // namespace pc
