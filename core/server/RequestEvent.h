// SPDX-License-Identifier: Apache-2.0
// RequestEvent: one answered request as the GUI's live log and the JSON Lines
// log see it: when, who, what, the status, how long it took and the decision
// trace that explains it. Header values, the target's query and the trace have
// been through the Redactor before an event leaves the server. Plain data.
#pragma once

#include "common/Clock.h"
#include "engine/Decision.h"
#include "policy/HeaderField.h"

#include <nlohmann/json.hpp>

#include <QMetaType>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace pc {

struct RequestEvent {
    SystemTime time;    // when the request head had arrived
    std::string client; // "127.0.0.1:50412", "[::1]:50412"
    std::uint64_t connectionId = 0;
    std::uint64_t requestNumber = 0; // on that connection, from 1
    bool secure = false;
    std::string method;                      // empty when the request line could not be read
    std::string target;                      // redacted
    std::string httpVersion;                 // "HTTP/1.1"
    std::vector<HeaderField> requestHeaders; // redacted
    int status = 0;                          // 0: the client left before an answer
    std::chrono::microseconds latency{0};
    std::uint64_t requestBodyBytes = 0;
    std::uint64_t responseBodyBytes = 0;
    std::vector<TraceStep> trace; // reasons redacted
};

// The JSON Lines record: {"time": "2025-01-02T03:04:05.678Z", "client": ..., "method": ..., "target": ...,
// "status": ..., "latency_ms": ..., "trace": [{"stage", "verdict", "reason", "where"}], ...}.
[[nodiscard]] nlohmann::ordered_json toJson(const RequestEvent& event);

} // namespace pc

Q_DECLARE_METATYPE(pc::RequestEvent)
