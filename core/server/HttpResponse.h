// SPDX-License-Identifier: Apache-2.0
// HttpResponse: what a RequestHandler answers, plus the decision trace that
// explains it (kept for the request event, never sent on the wire). The
// server adds the framing headers (Content-Length, Connection, Date) itself.
// Plain data.
#pragma once

#include "engine/Decision.h"
#include "policy/HeaderField.h"

#include <string>
#include <vector>

namespace pc {

struct HttpResponse {
    int status = 200;
    std::vector<HeaderField> headers;
    std::string body;
    std::vector<TraceStep> trace;
    bool closeConnection = false; // close the connection once this response is sent
};

} // namespace pc
