// SPDX-License-Identifier: Apache-2.0
// RequestHandler: the one seam between the HTTP layer and what answers
// requests (the policy engine, or a trivial handler in tests). The server
// calls handle() on a worker thread for every well-formed request, from
// several threads at once when it runs more than one: implementations must be
// thread-safe. The answer goes through the Responder, now or later.
#pragma once

#include "server/ConnectionInfo.h"
#include "server/HttpResponse.h"
#include "server/Responder.h"

#include "engine/HttpRequest.h"

namespace pc {

class UpstreamForwarder;

struct RequestScope {
    ConnectionInfo connection;
    Responder responder;
    UpstreamForwarder* upstream = nullptr; // the worker thread's forwarder, for reverse proxying
};

class RequestHandler {
public:
    virtual ~RequestHandler() = default;

    virtual void handle(HttpRequest request, RequestScope scope) = 0;

    // The server answers malformed, oversized and timed-out requests itself
    // (400, 408, 413, 414, 431, 501, 503, 505); a handler may add headers to
    // those answers, e.g. the policy's security headers. Thread-safe.
    virtual void decorateServerResponse(HttpResponse& response) const { (void)response; }
};

} // namespace pc
